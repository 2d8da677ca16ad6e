"""An example (by its path): read and run by hand, not a service."""


def fetch(url):
    return url


def main():
    try:
        fetch("https://example.com")
    except Exception:  # want warning "^`except Exception` swallows the exception; a warning in an example, not service code"
        pass
