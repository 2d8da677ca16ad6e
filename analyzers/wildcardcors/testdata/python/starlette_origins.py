import os
from os import environ

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.middleware import Middleware
from starlette.applications import Starlette
from starlette.middleware.cors import CORSMiddleware as StarletteCORS

from app.core.config import settings

app = FastAPI()

app.add_middleware(CORSMiddleware, allow_origins=["*"])  # want `^CORSMiddleware allow_origins contains "\*"$`
app.add_middleware(
    CORSMiddleware,
    allow_origins=("https://a.example", "*"),  # want `contains "\*".* with credentials allowed`
    allow_credentials=True,
)
app.add_middleware(CORSMiddleware, allow_origins="*", allow_credentials=False)  # want `contains "\*"`

ORIGINS = ["https://app.example", "*"]
app.add_middleware(CORSMiddleware, allow_origins=ORIGINS)  # want `contains "\*" through ORIGINS`

DEBUG_ORIGINS = ["*"]
PROD_ORIGINS = ["https://app.example"]
app.add_middleware(CORSMiddleware, allow_origins=DEBUG_ORIGINS if os.getenv("DEBUG") else PROD_ORIGINS)  # want `contains "\*" through DEBUG_ORIGINS`

app.add_middleware(
    CORSMiddleware,
    allow_origins=os.getenv("CORS_ORIGINS", "*").split(","),  # want `the default when CORS_ORIGINS is unset`
)
app.add_middleware(CORSMiddleware, allow_origins=[o.strip() for o in os.environ.get("ORIGINS", "*").split(",")])  # want `the default when ORIGINS is unset`
app.add_middleware(CORSMiddleware, allow_origins=environ.get("ORIGINS", default="*"))  # want `the default when ORIGINS is unset`

# Regexes that accept every origin, and one that does not.
app.add_middleware(CORSMiddleware, allow_origin_regex=".*")  # want `allow_origin_regex "\.\*" matches every origin`
app.add_middleware(CORSMiddleware, allow_origin_regex=r"^.*$", allow_credentials=True)  # want `matches every origin with credentials allowed`
app.add_middleware(CORSMiddleware, allow_origin_regex="https?://.+")  # want `matches every origin`
app.add_middleware(CORSMiddleware, allow_origin_regex=r"https://.*\.example\.com")
app.add_middleware(CORSMiddleware, allow_origin_regex=r"(?<=x).*")  # not RE2: not judged

# The Middleware list form, for FastAPI and Starlette.
api = FastAPI(middleware=[Middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True)])  # want `with credentials allowed`
star = Starlette(middleware=[Middleware(StarletteCORS, allow_origins=["*"])])  # want `contains "\*"`

# Wrapping an app by hand.
wrapped = StarletteCORS(star, allow_origins=["*"])  # want `contains "\*"`


def create_app() -> FastAPI:
    application = FastAPI()
    origins = os.getenv("ALLOWED_ORIGINS", "*")
    application.add_middleware(CORSMiddleware, allow_origins=origins.split(","), allow_credentials=True)  # want `the default when ALLOWED_ORIGINS is unset\) through origins with credentials`
    return application


# Not findings: "*" in methods and headers, origins from settings, no
# wildcard, unknown values, other middleware.
app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.BACKEND_CORS_ORIGINS,
    allow_methods=["*"],
    allow_headers=["*"],
)
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example"], allow_methods=["*"])
app.add_middleware(CORSMiddleware, allow_origins=os.getenv("CORS_ORIGINS", "").split(","))
app.add_middleware(CORSMiddleware, allow_origins=os.environ["CORS_ORIGINS"].split(","))


def configure(application, origins):
    application.add_middleware(CORSMiddleware, allow_origins=origins)


app.add_middleware(GZipMiddleware, allow_origins=["*"])
app.add_middleware(CORSMiddleware)
