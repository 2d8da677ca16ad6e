# Copyright header comment.

def main():
    print("hello")  # want "`print` call"
