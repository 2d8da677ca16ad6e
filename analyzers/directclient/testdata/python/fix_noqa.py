from google.cloud import bigquery


def kept():
    # The finding ends on the line of the `# noqa`.
    return bigquery.Client(  # want "per call of `kept`"
    ).query("q")  # noqa: XY003


def fixed():
    return bigquery.Client().query("q")  # want "per call of `fixed`"
