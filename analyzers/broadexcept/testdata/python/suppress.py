"""contextlib.suppress(Exception) is a broad handler whose body is `pass`."""
from fastapi import FastAPI
import contextlib
import contextlib as cl
from contextlib import suppress

# The module-level code of a service's module (it builds the app): a
# service's levels. (A file whose top level calls the project's functions
# and that nothing imports would be a program run by itself: docs/roles.md.)
app = FastAPI()


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
