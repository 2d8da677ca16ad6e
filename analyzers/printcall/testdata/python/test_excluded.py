# Test files are excluded by default.
print("in a test")
