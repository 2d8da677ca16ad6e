import logging
from services import logger


def main():
    print("logger is taken by an import")  # want "`print` call"
