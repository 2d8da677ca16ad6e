# A router included twice, once with auth and once without, is reachable
# without auth: it is reported, at the unauthenticated path, naming the
# include that passes none.
from fastapi import Depends, FastAPI

from auth import verify_api_key
from routes import router

app = FastAPI()
app.include_router(router, prefix="/v2", dependencies=[Depends(verify_api_key)])
app.include_router(router, prefix="/legacy")
