"""Handlers that re-raise are not reported."""
import logging


def work():
    pass


try:
    work()
except:
    cleanup = True
    raise

try:
    work()
except Exception as e:
    raise e

try:
    work()
except Exception as e:
    raise RuntimeError("wrapped") from e

try:
    work()
except (Exception) as err:
    raise ValueError("bad") from (err)


def conditional(e2):
    # A re-raise on one path counts: the handler is a deliberate filter.
    try:
        work()
    except Exception as e:
        if isinstance(e, KeyError):
            return None
        else:
            raise


def nested_try():
    try:
        work()
    except Exception as outer:
        try:
            work()
        except Exception:  # want "swallows"
            pass
        raise


def nested_bare_raise_is_inner():
    try:
        work()
    except Exception:  # want "without re-raise"
        try:
            work()
        except ValueError:
            raise  # re-raises the ValueError, not the outer exception


def raise_in_nested_def():
    try:
        work()
    except Exception:  # want "without re-raise"
        def later():
            raise

        return later


def raise_in_nested_class():
    try:
        work()
    except Exception:  # want "without re-raise"
        class Handler:
            def run(self):
                raise

        return Handler


def outer_name_in_inner_handler():
    try:
        work()
    except Exception as e:
        try:
            work()
        except ValueError:
            raise e
