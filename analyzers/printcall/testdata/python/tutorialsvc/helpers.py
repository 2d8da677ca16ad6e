"""Helpers a sample imports, and a service too: the application's."""


def create_dataset(name):
    print(f"Creating dataset {name}")  # want warning "^`print` call; use the module logger$"
    return name
