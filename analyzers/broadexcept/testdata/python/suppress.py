"""contextlib.suppress(Exception) is a broad handler whose body is `pass`."""
import contextlib
import contextlib as cl
from contextlib import suppress


def work():
    pass


with contextlib.suppress(Exception):  # want error "^`suppress\\(Exception\\)` swallows every exception its block raises$"
    work()

with suppress(BaseException):  # want error "`suppress\\(BaseException\\)` swallows"
    work()

with cl.suppress(KeyError, Exception):  # want error "`suppress\\(Exception\\)` swallows"
    work()

with open("x") as f, suppress(Exception):  # want error "swallows every exception"
    work()


async def in_a_coroutine():
    with suppress(Exception):  # want error "swallows every exception"
        await work()


# Narrow types are the point of suppress: not reported.
with suppress(FileNotFoundError):
    work()

with contextlib.suppress(KeyError, ValueError):
    work()


# Another function called suppress is not contextlib's.
def suppress_warnings(*types):
    return contextlib.nullcontext()


with suppress_warnings(Exception):
    work()
