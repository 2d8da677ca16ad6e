from routers.items import flagged_router  # want "flagged_router resolves to platform/svc/routers/items.py"
from shared.auth import flagged_key  # want "flagged_key resolves to platform/shared/auth.py"
from .sibling import flagged_other  # want "flagged_other resolves to nothing"
