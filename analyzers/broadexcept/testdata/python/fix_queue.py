"""Queue operations that end by raising Empty or Full: the handler is the
queue's ordinary way out, narrowed to that exception or left alone."""
import asyncio
import logging
import queue
import queue as jobs_queue

logger = logging.getLogger(__name__)

pending = queue.Queue(maxsize=10)
backlog = jobs_queue.LifoQueue()
events = asyncio.Queue()


def flush_pending():
    try:
        while True:
            pending.get_nowait()
    except Exception:  # want error "swallows"
        pass


def clear_backlog():
    try:
        while True:
            backlog.get(block=False)
    except Exception:  # want error "swallows"
        pass


def next_event():
    try:
        return events.get_nowait()
    except Exception:  # want error "swallows"
        return None


def poll_inbox(inbox):
    try:
        return inbox.get(timeout=2)
    except Exception:  # want note "fallback"
        pass


def take_job(inbox):
    try:
        return inbox.get(False)
    except Exception as exc:  # want note "without its traceback"
        logger.error("no job: %s", exc)


def offer(item):
    try:
        pending.put_nowait(str(item).strip())
    except Exception:  # want error "swallows"
        pass


def wait_for_job(inbox):
    try:
        return inbox.get()
    except Exception:  # want note "fallback"
        pass


def next_job(inbox):
    try:
        return inbox.get(True, 5)
    except Exception:  # want note "fallback"
        pass


# dict.get(key, default) has the shape of a queue's get(block, timeout).
def lookup(table, key):
    try:
        return table.get(key, 0) + 1
    except Exception:  # want note "fallback"
        pass


def forward(bridge, frame):
    # A project's own put_nowait (not a queue's): the record is still made.
    try:
        bridge.put_nowait(frame)
    except Exception as exc:  # want note "without its traceback"
        logger.error("forward failed: %s", exc)
