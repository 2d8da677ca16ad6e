def create_dataset(name):
    # Only the setup script's top level calls it: its output.
    print(f"Created dataset {name}")


def drop_dataset(name):
    print(f"Dropped dataset {name}")  # want warning "^`print` call; use the module logger$"
