"""Doc."""
import os


def main():
	print("bom crlf tabs", os.sep)  # want "`print` call"
