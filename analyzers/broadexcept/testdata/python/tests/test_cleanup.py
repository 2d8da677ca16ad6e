"""Tests are excluded by default (the exclude option): a fixture's cleanup
hides nothing from production."""


def test_cleanup():
    try:
        open("x").close()
    except Exception:
        pass
