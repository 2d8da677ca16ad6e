"""Handlers whose failure the user sees: a toast or a flashed message with
the error's text, a fixed text that says it failed returned to the caller.
Not hidden from the user, but not in the logs either: notes."""
from django.contrib import messages
from fastapi import FastAPI, Request
from flask import flash

app = FastAPI()


async def add_toast(request, text, kind):
    request.state.toasts.append((text, kind))


def refund(order):
    pass


@app.post("/orders/{order_id}/refund")
async def refund_order(request: Request, order_id: str):
    try:
        refund(order_id)
    except Exception as e:  # want note "^`except Exception` shows the error's message to the user \\(add_toast\\): they see that it failed and why, but the logs get nothing$"
        await add_toast(request, f"Failed to create refund: {e}", "error")
    return {"ok": True}


def flask_view(order_id):
    try:
        refund(order_id)
    except Exception as exc:  # want note "shows the error's message to the user \\(flash\\)"
        flash(f"Refund failed: {exc}")


def django_view(request, order_id):
    try:
        refund(order_id)
    except Exception as exc:  # want note "shows the error's message to the user \\(messages.error\\)"
        messages.error(request, "Refund failed: %s" % exc)


# A toast without the error's text tells the user nothing they could act on,
# and the cause is lost everywhere.
@app.post("/orders/{order_id}/invoice")
async def regenerate(request: Request, order_id: str):
    try:
        refund(order_id)
    except Exception:  # want warning "without re-raise or traceback logging"
        await add_toast(request, "Something went wrong", "error")
    return {"ok": True}


def latest_release():
    return refund("latest")


# A fixed text that says it failed, returned to the caller that shows it.
def latest_version():
    try:
        return latest_release()
    except Exception:  # want note "^`except Exception` returns a text that says it failed \\(\"unknown error\"\\) to its caller: the failure is shown, but its cause is lost$"
        return "unknown error"


# A text that says nothing of a failure is a placeholder that hides it.
def version_or_blank():
    try:
        return latest_release()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return "latest"


# From a web handler, the text is the client's ordinary answer.
@app.get("/version")
def version_route():
    try:
        return latest_release()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return "unknown error"
