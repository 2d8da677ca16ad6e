"""Failures the code expects and has an answer for (library code: the
levels a service gets)."""
import asyncio
import queue
import json
import logging
from dataclasses import dataclass

logger = logging.getLogger(__name__)


def get_run_logger():
    raise RuntimeError("no run context")


def get_current_span():
    return None


# A wait with an explicit timeout that may run out: the code goes on.
async def settle(page):
    try:
        await page.wait_for_load_state(timeout=5000)
    except Exception:  # want note "^`except Exception` swallows the exception; a note because the try waits with an explicit timeout \\(wait_for_load_state\\(timeout=5000\\)\\), which the code expects may run out and goes on: narrow it"
        pass
    return page.url


def drain(jobs, client):
    for job in jobs:
        try:
            client.poll_until_done(job, timeout_seconds=30)
        except Exception:  # want note "waits with an explicit timeout \\(poll_until_done\\(timeout_seconds=30\\)\\)"
            continue


# Without a timeout the wait is the work: a swallow is an error.
async def settle_forever(page):
    try:
        await page.wait_for_load_state()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A timeout on a call that is no wait (a request) is not an expected
# expiry: the answer is lost.
def fetch(session, url):
    try:
        session.get(url, timeout=5)
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A wait among other work: the swallow hides more than the timeout.
async def settle_and_save(page, db):
    try:
        await page.wait_for_selector("#done", timeout=5000)
        db.save(page.url)
        db.commit()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass


# A call that raises outside its context, made to learn whether there is
# one: the handler is the answer no.
def cleanup_logger():
    try:
        # Use the run's logger when there is one.
        return get_run_logger()
    except Exception:  # want note "^`except Exception` without re-raise or traceback logging; a note because get_run_logger\\(\\) raises when called outside its context: the try asks whether there is one and the handler is the answer no"
        return logger


# The answer no needs no statement when the try's else clause alone uses
# what the probe gave, or a default was assigned before the try.
def warn_missing(names):
    try:
        run_logger = get_run_logger()
    except Exception:  # want note "^`except Exception` swallows the exception; a note because get_run_logger\\(\\) raises when called outside its context"
        pass
    else:
        run_logger.warning("limits %s do not exist", names)


def logger_or_default():
    run_logger = logger
    try:
        run_logger = get_run_logger()
    except Exception:  # want note "get_run_logger\\(\\) raises when called outside its context"
        pass
    return run_logger


# A pass with neither: whatever follows runs as if the probe had answered.
def probe_then_work():
    try:
        run_logger = get_run_logger()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass
    run_logger.info("started")


# A drain whose ordinary end (Empty) is answered above: the broad handler
# answers the queue's own failure by stopping the poller.
def drain_progress(progress):
    while True:
        drained = []
        try:
            while True:
                drained.append(progress.get_nowait())
        except queue.Empty:
            pass
        except Exception:  # want note "^`except Exception` swallows the exception; a note because the try only drains a queue and `except queue.Empty` above answers its ordinary end"
            return
        if not drained:
            return drained


# Without the Empty clause, or with work beside the drain, it is a swallow.
def drain_unanswered(progress):
    try:
        while True:
            progress.get_nowait()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return


def drain_and_send(progress, sink):
    try:
        while True:
            sink.send(progress.get_nowait())
    except queue.Empty:
        pass
    except Exception:  # want error "^`except Exception` swallows the exception$"
        return


def loop_or_none():
    try:
        loop = asyncio.get_running_loop()
    except Exception:  # want note "get_running_loop\\(\\) raises when called outside its context"
        loop = None
    return loop


# Given arguments, the call is work, not a probe.
def current_user(session):
    try:
        return get_current_span(session)
    except Exception:  # want warning "^`except Exception` without re-raise or traceback logging$"
        return logger


# A fallback chain the docstring documents.
def stable_key(*args):
    """Hash the arguments as JSON, else as their repr.

    Returns:
        A key, or None if hashing failed.
    """
    json_error = None
    try:
        return to_json(args)
    except Exception as e:  # want note "^`except Exception` without re-raise or traceback logging; a note because stable_key's docstring documents the fallback \\(\"None if hashing failed\"\\): the failure is its documented answer"
        json_error = str(e)
    try:
        return to_text(args)
    except Exception:  # want note "stable_key's docstring documents the fallback"
        return None
    finally:
        logger.debug("json: %s", json_error)


def to_json(value):
    return json.dumps(value)


def to_text(value):
    return str(value)


def load_settings(store):
    """Read the settings, falling back to the defaults when the store fails."""
    try:
        return store.fetch_all()
    except Exception:  # want note "load_settings's docstring documents the fallback \\(\"falling back to the defaults when the store fails\"\\)"
        return {}


# A docstring that says nothing of failures: the swallow is an error.
def load_profile(store):
    """Read the profile."""
    try:
        return store.fetch_all()
    except Exception:  # want error "^`except Exception` swallows the exception$"
        pass
    return None


@dataclass
class ReportEntry:
    name: str
    exception: str = ""


@dataclass
class ProbeResult:
    url: str
    error: str = ""


# Each failed item is recorded, with the error's text, in the report shown
# to the user; the rest goes on.
class Importer:
    def __init__(self):
        self.report_entries = []

    def run(self, items):
        done = []
        for item in items:
            try:
                done.append(self.parse(item))
            except Exception as e:  # want note "^`except Exception` records the failure with the error's text \\(self.report_entries.append\\): whoever reads that report sees what failed and why"
                self.report_entries.append(ReportEntry(item, exception=f"{type(e).__name__}: {e}"))
        return done

    def parse(self, item):
        return dict(item)


# A list that is not a report of failures: the error's text is data.
def collect_names(items):
    names = []
    for item in items:
        try:
            names.append(item.name)
        except Exception as e:  # want warning "without re-raise or traceback logging"
            names.append(str(e))
    return names


# A result that carries its failure to the caller.
def probe(client, url):
    try:
        client.head(url)
        return ProbeResult(url)
    except Exception:  # want note "^`except Exception` returns a result that says it failed \\(ProbeResult\\(error=\"connection_error\"\\)\\) to its caller"
        return ProbeResult(url, error="connection_error")


def probe_silently(client, url):
    try:
        client.head(url)
        return ProbeResult(url)
    except Exception:  # want warning "^`except Exception` without re-raise or traceback logging$"
        return ProbeResult(url)


def mark_failed(msg):
    return msg


# A handler that does work of its own on the failure is more than the
# documented answer.
def handle(msg, handler):
    """Returns True if handled, False if it failed and stays pending."""
    try:
        handler(msg)
        return True
    except Exception:  # want warning "^`except Exception` without re-raise or traceback logging$"
        mark_failed(msg)
        return False
