from flask import session


def authed():
    return "id" in session


def is_admin():
    return session.get("admin", False)
