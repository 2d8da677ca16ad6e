from . import helpers

print("in the app")  # want "`print` call"
