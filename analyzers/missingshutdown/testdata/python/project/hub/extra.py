from fastapi import FastAPI


def make_reports_app():
    return FastAPI()
