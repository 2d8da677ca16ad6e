"""Levels that follow what the try guards and what its author wrote above it
(library code: the levels a service gets)."""
import contextlib
import datetime
import logging
from http import HTTPStatus

import posthog
from aiohttp import web
from fastapi import APIRouter
from fastapi.responses import JSONResponse
from google.cloud import firestore, storage
from pydantic import BaseModel

logger = logging.getLogger(__name__)
router = APIRouter()
db = firestore.Client()


def run_report(job):
    return job


# A best-effort cleanup after the work is done: a note.
def drop_scratch_blob(bucket_name, job_id):
    try:
        from google.cloud import storage as gcs

        name = "scratch/" + job_id + ".tmp"
        if bucket_name:
            gcs.Client().bucket(bucket_name).blob(name).delete()
    except Exception:  # want note "^`except Exception` swallows the exception; a note because the try only does a cleanup \\(delete\\), a best-effort action: its failure costs the program nothing it needs, but goes unseen$"
        pass


def stop_worker(proc):
    try:
        proc.terminate()
    except Exception:  # want note "ignores errors of cleanup \\(terminate\\): best-effort cleanup"
        pass


# Not a cleanup: the work itself is lost.
def store_result(job_id, result):
    try:
        db.collection("results").document(job_id).set({"rows": result, "owner": job_id})
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A bare except also catches cancellation: never only a cleanup.
async def close_socket(ws):
    try:
        await ws.close()
    except:  # want error "swallows"
        pass


# Telemetry: the try's calls or the function around it say so.
def record_signup(user_id):
    try:
        posthog.capture(user_id, "signed_up")
    except Exception:  # want note "a note because the try only does telemetry \\(capture\\)"
        pass


def send_usage_metrics(name, props):
    try:
        payload = {"event": name, "props": dict(props)}
        queue_for_upload(payload)
        return True
    except Exception:  # want note "^`except Exception` answers False for every error: a failure looks like an ordinary no, and its cause is lost; a note because the try only does telemetry \\(send_usage_metrics\\)"
        return False


def queue_for_upload(payload):
    return payload


# A noun alone is no telemetry: a function that serves metrics, or
# publishes an event to a bus, loses data when it swallows.
def performance_metrics(source):
    try:
        return source.query("SELECT * FROM perf")
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return None


def publish_event(bus, event):
    try:
        bus.publish(event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# Bookkeeping written after the work: a warning.
def finish_run(run_ref, outcome):
    logger.info("run finished: %s", outcome)
    try:
        now = datetime.datetime.now(datetime.timezone.utc)
        update = {"status": outcome, "finished_at": now.isoformat(), "log_tail": "done"}
        run_ref.set(update, merge=True)
    except Exception:  # want warning "^`except Exception` swallows the exception; a warning because the try only writes bookkeeping \\(status, finished_at, log_tail\\): the record goes stale and nobody is told, but the work it describes is done$"
        pass


def mark_sent(table, row_id):
    try:
        table.update(row_id, state="sent", sent_at=datetime.datetime.now())
    except Exception:  # want warning "only writes bookkeeping \\(state, sent_at\\)"
        pass


# A status beside the data is not bookkeeping only.
def record_payment(order_ref, total):
    try:
        order_ref.set({"status": "paid", "amount": total})
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


def save_session(store, env_id):
    try:
        state = {"updated_at": datetime.datetime.now().isoformat()}
        if env_id:
            state["environment_id"] = env_id
        store.document("current").set(state, merge=True)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


def tag_asset(ctx, key, artifacts):
    try:
        meta = {"status": "success"}
        meta.update(artifacts[key])
        ctx.add_metadata(key, meta)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A comment right above the try or the with that says the failure is let go
# counts as the handler's own.
def watchdog_tick(dump, exit_process):
    # Diagnostics are best effort: a failure here must never skip the exit.
    with contextlib.suppress(Exception):  # want note "^`suppress\\(Exception\\)` swallows every exception its block raises; a note because the comment above the with says it is deliberate \\(\"Diagnostics are best effort: a failure here must never skip the exit.\"\\)$"
        dump()
    exit_process()


def refresh_cache(cache):
    # The cache may not exist yet on a fresh deploy; the next request fills it.
    try:
        cache.reload()
    except Exception:  # want note "a note because the comment above the try says the failure is expected"
        pass


# ... but not one that only describes the code.
def copy_report(report):
    # Stays in the archive bucket by design.
    try:
        storage.Client().bucket("archive").blob(report).upload_from_string(report)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A function whose name says None is an answer: a warning.
async def try_get_account(token):
    try:
        return await load_account(token)
    except Exception:  # want warning "^`except Exception` swallows the exception; a warning because try_get_account's name says None is one of its answers: by design, but a failure of its own \\(a database or network error\\) looks the same as nothing found$"
        return None


async def load_account(token):
    return token


async def get_account(token):
    try:
        return await load_account(token)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return None


# A client error response (aiohttp's status=): a note.
async def handle_import(request: web.Request):
    try:
        data = await request.json()
    except Exception:  # want note "turns the error into a client error response \\(web.json_response\\)"
        return web.json_response({"error": "body is not JSON"}, status=400)
    return web.json_response(data)


@router.post("/decode")
async def decode(payload: str):
    try:
        return {"value": int(payload, 16)}
    except Exception as e:  # want note "^`except Exception` turns the error into a client error response \\(web.json_response\\)"
        return web.json_response({"message": f"cannot decode: {e}"}, status=400)


# The error's text goes back to the client in the response model: a note.
class SendResult(BaseModel):
    sent: bool
    error: str | None = None


@router.post("/notify")
def notify(address: str):
    sent, error = False, None
    try:
        sent = deliver(address)
    except Exception as e:  # want note "^`except Exception` returns the error's message to the client: they see that it failed and why, but the logs get nothing$"
        error = str(e)
    return SendResult(sent=sent, error=error)


# ... but as a server error, nothing in the service's logs says why: a warning.
@router.post("/notify-all")
def notify_all(address: str):
    try:
        return {"sent": deliver(address)}
    except Exception as e:  # want warning "^`except Exception` returns the error's message to the client as a server error \\(status 500\\) and logs nothing"
        return JSONResponse({"error": str(e)}, status_code=500)


@router.post("/notify-one")
def notify_one(address: str):
    try:
        return {"sent": deliver(address)}
    except Exception as e:  # want warning "as a server error \\(status HTTPStatus.INTERNAL_SERVER_ERROR\\)"
        return str(e), HTTPStatus.INTERNAL_SERVER_ERROR


def deliver(address):
    return bool(address)


# A fallback logged at debug level: a note; without the fallback, a warning.
def parse_hint(text, namespace):
    try:
        hint = eval(compile(text, "<hint>", "eval"), namespace)
    except Exception as e:  # want note "^`except Exception` logs the error at debug level and falls back to a default: an expected failure with an answer, though production rarely records why$"
        logger.debug("could not evaluate hint %s: %s", text, e)
        hint = None
    return hint


def warm_up(job):
    try:
        run_report(job)
    except Exception as e:  # want warning "^`except Exception` logs the error only at debug level, which production rarely records$"
        logger.debug("warm-up failed: %s", e)


# ... but a value it builds is no plain default.
def payment_state(client, ref):
    try:
        return client.fetch_status(ref)
    except Exception as e:  # want warning "^`except Exception` logs the error only at debug level, which production rarely records$"
        logger.debug("status lookup failed: %s", e)
        return SendResult(sent=False)
