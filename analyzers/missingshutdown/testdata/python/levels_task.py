"""An app that starts a background task and never stops it: a warning."""
import asyncio

from starlette.applications import Starlette


async def poll():
    while True:
        await asyncio.sleep(60)


def start():
    asyncio.create_task(poll())


ticker = Starlette(on_startup=[start])  # want warning "Starlette app with a startup hook but no shutdown handling .*: nothing closes a background task \\(asyncio.create_task\\)$"
