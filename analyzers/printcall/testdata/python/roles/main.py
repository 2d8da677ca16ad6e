"""A FastAPI service started by its own `__main__` block: the routes and
what they call are service code; the block is the program's start-up
output."""
import uvicorn
from fastapi import FastAPI

from helpers import describe, shared_format

app = FastAPI()


@app.get("/items/{item_id}")
def item(item_id: str):
    print("fetching", item_id)  # want warning "^`print` call in service code \\(reached from route handler `item` \\(GET /items/\\{item_id\\}\\)\\); use the module logger$"
    return describe(item_id) + shared_format(item_id)


print("importing the app")  # want warning "^`print` call in service code; use the module logger$"

if __name__ == "__main__":
    print("serving on :8080")
    uvicorn.run(app, port=8080)
