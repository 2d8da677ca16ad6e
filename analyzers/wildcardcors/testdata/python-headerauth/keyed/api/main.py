from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware

from .security import require_key

app = FastAPI(dependencies=[Depends(require_key)])
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])  # want note `CORSMiddleware allow_origins contains "\*"; a note because credentials are not allowed and the API authenticates by a header credential \(.APIKeyHeader. in .*api/security.py\)`
