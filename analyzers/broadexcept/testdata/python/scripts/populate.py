"""A one-off script (by its path): a swallow costs the run it happens in."""
import logging


def add_rows(session, rows):
    for row in rows:
        try:
            session.add(row)
            session.flush()
        except Exception:  # want warning "^`except Exception` swallows the exception; a warning in a one-off script, not service code: whoever runs it is not told, but the failure costs one run, not a service's requests$"
            pass


def count(session):
    try:
        return session.count()
    except Exception:  # want note "^`except Exception` logs that something failed, but neither the exception nor its traceback; a note in a one-off script, not service code: the failure costs one run, not a service's requests$"
        logging.error("count failed")
        return 0


def close(session):
    try:
        session.close()
    except Exception:  # want note "best-effort cleanup"
        pass
