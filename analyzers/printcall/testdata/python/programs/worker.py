import programs.settings_init


def run():
    return programs.settings_init


# Reads programs.settings_init (the prefilter needs a print here).
print("worker loaded")  # want warning "^`print` call; use the module logger$"
