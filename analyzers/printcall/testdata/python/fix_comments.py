"""A comment that described the print follows it."""
import logging

logger = logging.getLogger(__name__)
logging.basicConfig(level=logging.INFO)


def run(result, rows):
    # Print out the result.
    print(result)  # want "`print` call"
    # print the rows we got
    print(len(rows))  # want "`print` call"
    # Prints a summary
    print("done")  # want "`print` call"
    # Printer settings are read below
    print("settings")  # want "`print` call"
    # Print event vars to log
    print("event")  # want "`print` call"
