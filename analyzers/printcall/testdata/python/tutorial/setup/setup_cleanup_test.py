from setup_cleanup import create_dataset


def test_create():
    assert create_dataset("x") == "x"
