"""A tutorial's set-up and clean-up helpers, which each of its samples
imports: what they print is the tutorial's output."""


def create_dataset(name):
    print(f"Creating dataset {name}")
    return name


def delete_dataset(name):
    print(f"Deleting dataset {name}")
