import logging

logger = logging.getLogger(__name__)


def unknown_call():
    try:
        do_work()
    except Exception:  # want "swallows"
        pass


def raises_itself(x):
    try:
        if x:
            raise ValueError(x)
        do_work()
    except Exception:  # want "swallows"
        return None


def loop(items):
    for item in items:
        try:
            handle(item)
        except BaseException:  # want "swallows"
            continue


def one_line():
    try:
        do_work()
    except Exception: pass  # want "swallows"


def does_something():
    try:
        do_work()
    except Exception:  # want "without re-raise"
        return {"error": "failed"}, 500
