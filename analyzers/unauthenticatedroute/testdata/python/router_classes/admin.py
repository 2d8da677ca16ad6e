from fastapi import APIRouter

from kit.routing import AdminRouter

router = AdminRouter(prefix="/admin")
backups = APIRouter(prefix="/backups")


@backups.post("/restore")
def restore():
    return {}


router.include_router(backups)
