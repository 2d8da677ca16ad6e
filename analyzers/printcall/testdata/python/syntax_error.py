def ok():
    print("still found after the error below")  # want "`print` call"


def broken(:  # want "syntax error"
    pass
