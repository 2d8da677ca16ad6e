from main import hello


def test_hello(capfd):
    assert hello() == "hello"
    assert "hello requested" in capfd.readouterr().out
