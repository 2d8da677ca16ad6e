print("in conftest")
