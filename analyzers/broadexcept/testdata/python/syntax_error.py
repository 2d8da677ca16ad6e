try:
    pass
except Exception:  # want "swallows"
    pass

x = (1,  # want "syntax error"
