import create_bucket
import report
from contextlib import redirect_stdout
import io

import pytest


def test_create_bucket(capsys: pytest.CaptureFixture[str]) -> None:
    create_bucket.create_bucket("b")
    out, _ = capsys.readouterr()
    assert "Created bucket b" in out


def test_delete_bucket(capsys):
    # capsys, but nothing read: the output is not what the test checks.
    create_bucket.delete_bucket("b")


def test_report():
    buf = io.StringIO()
    with redirect_stdout(buf):
        report.summary(["a", "b"])
    report.totals(["a"])
    assert "2 rows" in buf.getvalue()
