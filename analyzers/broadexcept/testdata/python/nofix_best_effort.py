"""Handlers whose maintainer rejects both narrowing and logger.exception:
best-effort swallows around optional code, and handlers whose job is to
turn any error into a value."""
import logging
import sys

from google.cloud import storage

logger = logging.getLogger(__name__)


def retry_delay(e, backoff):
    # Optional parsing: a retry hint, when the error carries one.
    delay = None
    try:
        details = (getattr(e, "response_json", {}) or {}).get("error", {}).get("details", [])
        for d in details:
            if d.get("@type", "").endswith("RetryInfo"):
                s = d.get("retryDelay", "0s")
                if s.endswith("s"):
                    delay = float(s[:-1])
                break
    except Exception:  # want "swallows the exception"
        pass
    return delay if delay is not None else backoff


async def version_info(db):
    # A probe filling in a field of a report.
    info = {"Database": "postgresql"}
    try:
        async with db.session() as session:
            result = await session.execute("SHOW server_version")
            if version := result.scalar():
                info["PostgreSQL version"] = version
    except Exception:  # want "swallows the exception"
        pass
    return info


def main():
    # Telemetry of a developer CLI.
    try:
        import analytics

        analytics.track(sys.argv)
    except Exception:  # want "swallows the exception"
        pass


def forget(bucket_name, name):
    # A best-effort delete.
    try:
        storage.Client().bucket(bucket_name).blob(name).delete()
    except Exception:  # want "swallows the exception"
        pass


def list_blobs(bucket_name):
    # An agent's tool: any error goes back to the agent as a value.
    try:
        return {"status": "ok", "blobs": [b.name for b in storage.Client().list_blobs(bucket_name)]}
    except Exception as e:  # want "returns the error's message"
        return {"status": "error", "detail": str(e)}


def blob_size(bucket_name, name):
    try:
        return storage.Client().bucket(bucket_name).get_blob(name).size, None
    except Exception as e:  # want "returns the error's message"
        return None, str(e)


def joined_models(query, models):
    # Introspection that fills a list when the query has what it looks for.
    try:
        state = query.compile_state()
        for mapper in state.join_entities:
            if mapper.class_ not in models:
                models.append(mapper.class_)
    except Exception:  # want "swallows the exception"
        pass
    return models


def delete_task(project, task_id):
    try:
        from google.cloud import scheduler_v1

        client = scheduler_v1.CloudSchedulerClient()
        name = "projects/" + project + "/jobs/" + task_id
        if task_id:
            client.delete_job(name=name)
    except Exception:  # want "swallows the exception"
        pass  # the job may not exist
