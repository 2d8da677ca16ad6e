"""Schema migration run once by hand; excluded from xylint in pyproject.toml."""

from google.cloud import bigquery


def migrate() -> None:
    client = bigquery.Client()
    for table in ("customer_journeys", "performance_metrics", "events"):
        client.create_table(f"analytics.{table}", exists_ok=True)
        print(f"created analytics.{table}")
