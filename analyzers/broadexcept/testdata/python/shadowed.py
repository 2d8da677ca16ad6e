"""A module that defines its own Exception: except Exception is narrow here."""


class Exception(BaseException):
    pass


try:
    pass
except Exception:
    pass

try:
    pass
except BaseException:  # want "`except BaseException` swallows"
    pass
