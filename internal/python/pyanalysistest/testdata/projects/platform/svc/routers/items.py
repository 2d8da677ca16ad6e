from . import flagged_pkg  # want "flagged_pkg resolves to platform/svc/routers/__init__.py"

flagged_router = 1  # want "flagged flagged_router"
