"""The project's own view decorators. Those whose wrapper turns away a
caller that is not identified before calling the view are auth; the
others are not, whatever they return."""
import functools
import time

from flask import abort, redirect, request, session, url_for

from site.utils.users import authed, is_admin


def authed_only(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        if authed():
            return f(*args, **kwargs)
        if request.is_json:
            abort(403)
        return redirect(url_for("auth.login", next=request.full_path))

    return wrapper


def admins_only(f):
    @functools.wraps(f)
    def admins_only_wrapper(*args, **kwargs):
        if not is_admin():
            return redirect(url_for("auth.login"))
        return f(*args, **kwargs)

    return admins_only_wrapper


def require_role(role):
    """A decorator factory: @require_role("editor")."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(*args, **kwargs):
            if session.get("role") != role:
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


def timed(f):
    """Returns early from a cache: not auth."""
    cache = {}

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        if request.path in cache:
            return cache[request.path]
        start = time.time()
        result = f(*args, **kwargs)
        cache[request.path] = (result, time.time() - start)
        return result

    return wrapper


def not_during_maintenance(f):
    """Rejects everybody during maintenance: not about who calls."""

    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        if request.args.get("maintenance"):
            abort(503)
        return f(*args, **kwargs)

    return wrapper
