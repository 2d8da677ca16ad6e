"""Top-level work, but the project imports it: it runs on import, in
whatever imports it."""


def load_settings(name):
    return {"name": name}


load_settings("settings")
print("settings loaded")  # want warning "^`print` call; use the module logger$"
