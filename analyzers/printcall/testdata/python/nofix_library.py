"""Helpers of a notebook: no service reaches them, the file has no logger
and sets no logging up, so what they print is what their caller shows;
logger.info would drop it (the root logger's default level is WARNING)."""
import time


def wait_for(operation):
    print("Waiting for operation", operation.name)  # want "^`print` call; use the module logger$"
    while not operation.done():
        time.sleep(1)
    print(f"Done: {operation.result()}")  # want "^`print` call; use the module logger$"
    return operation.result()
