def other():
    try:
        work()
    except Exception:  # want "swallows"
        pass
