from fastapi import FastAPI
from starlette.applications import Starlette
from starlette.routing import Mount


def create_app() -> FastAPI:
    application = FastAPI(title="factory")  # want `FastAPI app without shutdown handling`
    return application


app = create_app()


def create_good_app() -> FastAPI:
    application = FastAPI()

    @application.on_event("shutdown")
    async def close():
        pass

    return application


def create_late_app():
    return FastAPI()


late = create_late_app()
late.add_event_handler("shutdown", lambda: None)


def create_starlette():
    metrics = Starlette()
    return Starlette(routes=[Mount("/metrics", app=metrics)], on_shutdown=[lambda: None])


class Service:
    def __init__(self):
        self.app = FastAPI()  # want `FastAPI app without`
        self.other = FastAPI()
        self.other.router.add_event_handler("shutdown", self.close)

    def close(self):
        pass


def register_events(application: FastAPI, name: str) -> None:
    application.add_event_handler("shutdown", lambda: None)


def register_nothing(application: FastAPI) -> None:
    application.add_event_handler("startup", lambda: None)


helped = FastAPI()
register_events(helped, "svc")

not_helped = FastAPI()  # want `with a startup hook but no shutdown|FastAPI app without`
register_nothing(not_helped)
