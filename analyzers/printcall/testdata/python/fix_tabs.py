import os


def main():
	if os.sep:
		print("tabs")  # want "`print` call"
