# Wildcards that are not CORS policies.
import fnmatch

PATTERNS = ["*.py", "*"]
GLOB = "*"
CSP = {"Content-Security-Policy": "default-src * 'unsafe-inline'"}


def matches(name):
    return any(fnmatch.fnmatch(name, p) for p in PATTERNS)


def headers():
    return {"Access-Control-Allow-Methods": "*", "Access-Control-Allow-Headers": "*"}


CORS_ORIGINS = ["*"]  # a constant is not a policy: the finding is where it is used
