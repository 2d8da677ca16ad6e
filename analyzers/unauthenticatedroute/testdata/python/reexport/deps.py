# The service's dependencies under its own names.
from shared.auth import verify_api_key as check_key

__all__ = ["check_key"]
