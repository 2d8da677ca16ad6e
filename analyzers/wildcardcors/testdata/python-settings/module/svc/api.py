from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

from svc import settings

app = Starlette(
    debug=settings.DEBUG,
    middleware=[Middleware(CORSMiddleware, allow_origins=["*"])],  # want `allow_origins contains "\*"`
)
