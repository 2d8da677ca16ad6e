"""The same function without regions: library code, reported."""


def translate_text(target, text):
    print("Translating to", target)  # want warning "^`print` call; use the module logger$"
    return text
