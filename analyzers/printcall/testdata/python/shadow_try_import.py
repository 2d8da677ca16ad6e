try:
    from rich import print
except ImportError:
    pass

print("bound by the import above")
