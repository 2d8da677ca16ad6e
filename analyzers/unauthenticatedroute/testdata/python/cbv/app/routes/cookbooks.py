from fastapi import APIRouter

from app.routes import BasePublicController, BaseUserController, controller
from app.routes.base import BaseAdminController, BaseAnnotatedController

router = APIRouter(prefix="/cookbooks")
public = APIRouter(prefix="/explore/cookbooks")
admin = APIRouter(prefix="/admin/cookbooks")


@controller(router)
class Cookbooks(BaseUserController):
    @router.get("")
    def list(self):
        return []

    @router.delete("/{item_id}")
    def delete(self, item_id: str):
        return None


@controller(admin)
class AdminCookbooks(BaseAdminController):
    @admin.post("/purge")
    def purge(self):
        return None


@controller(router)
class Shares(BaseAnnotatedController):
    @router.post("/{item_id}/share")
    def share(self, item_id: str):
        return None


# Nothing in the class or its bases authenticates, but its name declares
# it public: a note.
@controller(public)
class PublicCookbooks(BasePublicController):
    @public.get("/{slug}")  # want note "GET /explore/cookbooks/{slug} reaches no auth dependency; a note because it is public by convention \\(declared public by its class \\(PublicCookbooks\\)\\)"
    def show(self, slug: str):
        return None


class NotAView:
    """A plain class's methods are not views: its routes judge by their own
    parameters."""

    @router.post("/import")  # want error "POST /cookbooks/import reaches no auth dependency"
    def import_(self):
        return None
