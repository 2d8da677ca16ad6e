print("under tests/")
