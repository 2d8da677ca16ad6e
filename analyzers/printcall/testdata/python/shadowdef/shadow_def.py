print("before the def, print is still the builtin")  # want "`print` call"


def print(*args):
    pass


print("the module's own function")
