def summary(rows):
    print(f"{len(rows)} rows")


def totals(rows):
    # Called by the test outside the redirect.
    print(len(rows))  # want warning "^`print` call; use the module logger$"
