def verify_session():
    return "user"
