"""Library code of the application that uses the same helper."""
from helpers import create_dataset


def build(name):
    print(name)  # want warning "^`print` call; use the module logger$"
    return create_dataset(name)
