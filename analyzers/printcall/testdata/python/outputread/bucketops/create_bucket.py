"""A sample snippet: no main block, no command-line library; the test
beside it reads what it prints, so its prints are its output."""


def _describe(name):
    # Called only by the snippet: its output too.
    print(f"  location: {name}")


def create_bucket(name):
    print(f"Created bucket {name}")
    _describe(name)
    return name


def delete_bucket(name):
    # The test calls it but reads nothing it prints.
    print(f"Deleted bucket {name}")  # want warning "^`print` call; use the module logger$"
