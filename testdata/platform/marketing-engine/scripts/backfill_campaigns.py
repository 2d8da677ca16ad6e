"""One-off backfill run by hand from a laptop; prints are its output.

The platform's pyproject.toml allows print calls in */scripts/*.py through
per-file-ignores.
"""

import sys

from shared.gcp_clients import get_bigquery_client


def backfill(day: str) -> int:
    job = get_bigquery_client().query(f"CALL marketing.backfill('{day}')")
    rows = job.result().total_rows
    print(f"backfilled {rows} rows for {day}")
    return rows


if __name__ == "__main__":
    backfill(sys.argv[1])
