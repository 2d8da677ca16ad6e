"""Handlers real code writes on purpose: fallbacks around parsing, optional
imports, best-effort cleanup, answers, errors returned as values, client
errors. Each is reported below a handler that hides a failure."""
import json
import logging
import os
import re
import shutil
from datetime import datetime
from fractions import Fraction
from http import HTTPStatus

import requests
import streamlit as st
from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from flask import Flask, abort, jsonify, request

app = FastAPI()
web = Flask(__name__)


def fetch(url):
    return requests.get(url, timeout=5)


# A fallback around code that can fail only on its input: a note (the fix
# narrows it where the exceptions are known).
def version_key(name):
    bits = name.split("-")
    try:
        return int(bits[-1]), int(bits[-2])
    except Exception:  # want note "^`except Exception` is a fallback around parsing and conversion \\(int\\), which fails only on its input: narrow it to the errors it expects, so that bugs are not caught too$"
        return 0, 0


def when(raw):
    try:
        stamp = datetime.fromisoformat(str(raw).replace("Z", "+00:00"))
    except Exception:  # want note "fallback around parsing and conversion \\(datetime.fromisoformat\\)"
        stamp = None
    return stamp


def payload(text):
    try:
        return json.loads(text).get("name", "").strip().lower()
    except Exception:  # want note "fallback around parsing"
        pass


def cached_name(redis_client, key):
    try:
        return redis_client.get(key).decode()
    except Exception:  # want error "swallows"
        return None


def search_url(start):
    try:
        from urllib.parse import parse_qs, quote_plus, urlparse

        parts = urlparse(start)
        query = (parse_qs(parts.query or "").get("q") or [""])[0]
        start = "https://duckduckgo.com/html/?q=" + quote_plus(query)
    except Exception:  # want note "fallback around parsing and conversion \\(urlparse\\)"
        pass
    return start


def text_of(line):
    try:
        line = line["text"]["value"]
    except Exception:  # want note "fallback around lookups \\(a subscript\\)"
        line = ""
    return line


def pull_request_of(subject):
    try:
        # A string that names a remote thing is not a remote receiver.
        number = re.match(r"Merge pull request #(\d+)", subject).groups()[0]
    except Exception:  # want note "fallback around parsing and conversion \\(groups\\)"
        number = ""
    return number


# A comment that says the error is let go on purpose makes it a note; a
# TODO is not a decision.
def track(event):
    try:
        fetch("http://analytics/" + event)
    except Exception:  # want note "^`except Exception` swallows the exception; a note because its comment says it is deliberate \\(\"Silently ignore tracking errors\"\\)$"
        pass  # Silently ignore tracking errors


def emit(event):
    try:
        fetch("http://events/" + event)
    except Exception:  # want note "without re-raise or traceback logging; a note because its comment says it is deliberate"
        # Best effort: the event is informational.
        event = None
    return event


def start_analytics():
    try:
        fetch("http://analytics/start")
    except Exception:  # want note "swallows the exception; a note because its comment says it is deliberate"
        # Never let analytics initialization impact the program
        pass


def fraction_of(text):
    try:
        return str(round(float(Fraction(text)), 3))
    except Exception:  # want note "fallback around parsing and conversion \\(str\\)"
        return ""


# A digest of data in hand is a conversion: it fails only on its input.
def dedup_key(name, args):
    import hashlib as _h
    try:
        digest = _h.md5(json.dumps(args, sort_keys=True, default=str).encode("utf-8")).hexdigest()
    except Exception:  # want note "fallback around parsing and conversion \\(hexdigest\\)"
        return None
    return name + ":" + digest


# The JSON of an HTTP response already received: the body in hand.
def error_details(http_error):
    try:
        details = http_error.response.json()
    except Exception:  # want note "fallback around parsing and conversion \\(json\\)"
        details = None
    return details


# Fetching it is I/O, whatever the .json() after it.
def remote_details(url):
    try:
        details = requests.get(url, timeout=5).json()
    except Exception:  # want warning "^`except Exception` without re-raise or traceback logging$"
        details = None
    return details


async def read_details(resp):
    try:
        details = await resp.json()
    except Exception:  # want warning "^`except Exception` without re-raise or traceback logging$"
        details = None
    return details


def todo(event):
    try:
        fetch("http://analytics/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass  # TODO: handle errors


# A TODO makes its whole comment block undecided, also the lines after it.
def todo_block(event):
    try:
        fetch("http://analytics/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        # TODO: report these properly;
        # for now we ignore them
        pass


# A separate comment block after a TODO is read on its own.
def todo_then_reason(event):
    try:
        fetch("http://analytics/" + event)
    except Exception:  # want note "deliberate \\(\"a logging callback must not raise\"\\)$"
        # TODO: count these

        # a logging callback must not raise
        pass


# A comment that says the failure is expected, and what answers it, makes a
# swallow a note too: a fallback, a skip, a failure named as possible, the
# condition the handler answers.
def wait(future, timeout):
    try:
        result = future.result(timeout=timeout)
    except Exception:  # want note "^`except Exception` swallows the exception; a note because its comment says the failure is expected \\(\"either the task failed or the timeout was reached\"\\)$"
        # either the task failed or the timeout was reached
        return
    return result


def choose(items):
    try:
        return fetch("http://prompt/" + ",".join(items))
    except Exception:  # want note "failure is expected \\(\"fall back to the plain prompts below\"\\)"
        pass  # fall back to the plain prompts below
    return items


def populate(rows, session):
    for row in rows:
        try:
            session.add(row)
            session.flush()
        except Exception:  # want note "failure is expected \\(\"Skip if there's any constraint violation\"\\)"
            # Skip if there's any constraint violation
            pass


def delete_job(client, name):
    try:
        client.delete_job(name)
    except Exception:  # want note "failure is expected \\(\"Job may not exist\"\\)"
        pass  # Job may not exist


def persist(device_id, path):
    try:
        fetch("file://" + path + "?id=" + device_id)
    except Exception:  # want note "failure is expected \\(\"If we can't persist, still return the generated ID \\(it will be ...\"\\)"
        # If we can't persist, still return the generated ID
        # (it will be regenerated next time)
        pass
    return device_id


def evaluate(annotation, namespace):
    try:
        return fetch(annotation + str(namespace))
    except Exception as e:  # want note "^`except Exception` logs the error at debug level and falls back to a default: an expected failure with an answer, though production rarely records why$"
        # Don't raise an error if the annotation evaluation fails. Set the
        # annotation to `empty` instead, as if there were none.
        logging.debug("Failed to evaluate annotation %s: %s", annotation, e)
        return None


# A try that only logs (and computes what it logs), as a logging callback
# does: a failed log line goes unseen, nothing else fails with it.
def surface_event(event):
    try:
        if event.level not in ("warn", "error"):
            return
        msg = event.msg
        if not msg or (isinstance(msg, str) and not msg.strip()):
            return
        if event.level == "error":
            logging.error("dbt: %s", msg)
        else:
            logging.warning("dbt: %s", msg)
    except Exception:  # want note "^`except Exception` ignores errors of logging \\(logging.error\\): a log line that fails goes unseen, but nothing else fails with it$"
        pass


# Logging and something else: the something else fails unseen.
def log_and_send(event):
    try:
        logging.info("sending %s", event)
        fetch("http://events/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# Comments that explain nothing about the failure do not count: what the
# code does, what should not happen, a log line to add.
def should_not_happen(event):
    try:
        fetch("http://analytics/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        # this should not happen
        pass


def says_what_it_does(event):
    try:
        fetch("http://events/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        # Check error message if GoogleAPIException
        pass


def comment_above_the_try(event):
    # Deliberately ignores the surface id (it carries a per-turn suffix).
    try:
        fetch("http://events/" + event)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# An optional dependency.
try:
    import ujson as fast_json
except Exception:  # want note "^`except Exception` is a fallback around imports, which fails only on its input"
    fast_json = None


# The same handlers around I/O hide failures.
def fetch_json(url):
    try:
        return json.loads(fetch(url).text)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return None


def read_count(path):
    try:
        with open(path) as f:
            return int(f.read())
    except Exception:  # want error "swallows the exception"
        return 0


async def parse_later(text, queue):
    try:
        return int(await queue.get())
    except Exception:  # want error "swallows"
        return 0


# Best-effort cleanup.
def finish(conn, tmp):
    try:
        conn.close()
    except Exception:  # want note "^`except Exception` ignores errors of cleanup \\(close\\): best-effort cleanup, but a leak or a failed removal goes unseen$"
        pass
    try:
        os.remove(tmp)
        shutil.rmtree(tmp + ".d")
    except Exception:  # want note "ignores errors of cleanup \\(os.remove\\)"
        pass


# A bare except and BaseException also catch cancellation and exits: never
# only a fallback or cleanup.
async def close_quietly(ws):
    try:
        await ws.close()
    except:  # want error "swallows"
        pass


def port_of(raw):
    try:
        return int(raw)
    except BaseException:  # want error "swallows"
        return 8080


async def close_socket(ws):
    try:
        await ws.close()
    except Exception:  # want note "ignores errors of cleanup \\(close\\)"
        pass


def close_and_report(conn, db):
    try:
        conn.close()
        db.commit()
    except Exception:  # want error "swallows"
        pass


# An answer: False for every error is a warning.
def is_reachable(url):
    try:
        fetch(url).raise_for_status()
        return True
    except Exception:  # want warning "^`except Exception` answers False for every error: a failure looks like an ordinary no, and its cause is lost$"
        return False


# True for every error: the message says what the handler answers (a
# property asking whether something is broken answers True on failure).
class PluginRecord:
    @property
    def broken(self):
        try:
            load_plugin(self.slug)
            return False
        except Exception:  # want warning "^`except Exception` answers True for every error: any failure, a bug included, gives that answer, and its cause is lost$"
            return True


def lookup(url):
    try:
        return fetch(url).json()
    except Exception:  # want error "swallows"
        return None


# The error's message returned to the caller as a value.
def tool_read_file(name):
    try:
        with open(name) as f:
            return f.read()
    except Exception as e:  # want note "^`except Exception` returns the error's message to its caller: the failure is passed on, but not where it came from$"
        return f"[Error reading file: {e!s}]"


def tool_status(url):
    try:
        return {"status": "ok", "body": fetch(url).text}
    except Exception as err:  # want note "returns the error's message to its caller"
        return {"status": "error", "message": "fetch failed: " + str(err)[:200]}


def run_query(client, sql):
    try:
        rows = client.query(sql)
        error = None
    except Exception as ex:  # want note "returns the error's message to its caller"
        rows = None
        error = str(ex)
    return rows, error


def keeps_it_to_itself(url):
    try:
        body = fetch(url).text
    except Exception as ex:  # want warning "without re-raise or traceback logging"
        body = ""
        reason = str(ex)
    return body


# ... and a web handler's caller is a client, who is told: the logs get nothing.
@app.get("/items")
def items():
    try:
        return {"items": fetch("http://inventory/items").json()}
    except Exception as e:  # want note "^`except Exception` returns the error's message to the client: they see that it failed and why, but the logs get nothing$"
        return {"error": str(e)}


@web.route("/report")
def report():
    try:
        return fetch("http://reports/latest").text
    except Exception as e:  # want note "returns the error's message to the client"
        return {"error": str(e)}


def viewer(path):
    try:
        return JSONResponse({"data": open(path).read()})
    except Exception as e:  # want warning "returns the error's message to the client as a server error \\(status 500\\)"
        return JSONResponse(content={"error": str(e)}, status_code=500)


# A client error (4xx) for a request that did not parse: a note; a server
# error response stays a warning.
@app.post("/events")
async def events(body: str):
    try:
        event = json.loads(body)
        item = lookup_item(event)
    except Exception:  # want note "^`except Exception` turns the error into a client error response \\(HTTPException\\): right when the request is at fault, but a failure of the service's own would look like one too$"
        raise HTTPException(status_code=HTTPStatus.BAD_REQUEST, detail="Bad Request") from None
    return item


def lookup_item(event):
    return fetch("http://items/" + event["id"]).json()


@web.post("/intent")
def intent():
    try:
        data = request.get_json()
        name = data.get("intent_name")
        item = lookup_item(name)
    except Exception:  # want note "client error response \\(status 400\\)"
        return jsonify({"error": "Bad Request"}), 400
    return item


@web.post("/abort")
def aborts():
    try:
        item = lookup_item(request.get_json())
    except Exception:  # want note "client error response \\(abort\\)"
        abort(404)
    return item


@app.get("/private")
def private(header: str):
    try:
        scheme, creds = header.split()
        user = lookup_item({"id": creds})
    except Exception:  # want note "client error response \\(JSONResponse\\)"
        return JSONResponse(status_code=401, content={"message": "Unauthorized"})
    return user


@app.post("/upstream")
def upstream():
    try:
        return lookup_item({"id": "1"})
    except Exception:  # want warning "turns the error into an HTTP error response \\(HTTPException\\) without logging it"
        raise HTTPException(status_code=502, detail="upstream failed")


# Streamlit shows the error to the user, as print does; st.exception shows
# the traceback.
def dashboard(url):
    try:
        return fetch(url).json()
    except Exception as e:  # want note "prints the error without its traceback"
        st.error(f"Agent not reachable: {e}")
        return None


def dashboard_trace(url):
    try:
        return fetch(url).json()
    except Exception as e:
        st.exception(e)
        return None


# Optional keys read and popped from parsed input: a fallback (dict.pop with
# a default cannot fail but on its input), not a swallow; no traceback for
# every query that lacks the key.
def query_args(query):
    ua, args = "", {}
    try:
        args = json.loads(query)
        ua = args["user-agent"]
        args.pop("user-agent", None)
    except Exception:  # want note "fallback around parsing and conversion"
        pass
    return ua, args
