# Not a migration: a module that records a revision without the chain.
revision = "3820a792d88a"


def show():
    print(revision)  # want warning "^`print` call; use the module logger$"
