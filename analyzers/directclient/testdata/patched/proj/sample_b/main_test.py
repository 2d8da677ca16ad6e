from unittest import mock

import main


def test_handler():
    with mock.patch("google.cloud.bigquery.Client"):
        main.handler(None)
