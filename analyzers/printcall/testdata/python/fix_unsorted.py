import sys
import json
from fastapi import FastAPI


def main():
    print(sys.argv, json.dumps({}), FastAPI)  # want "`print` call"
