import requests


def audit():
    return requests.Session().post("https://audit")  # want "per request: `audit` is called by route handler `publish` \\(POST /publish\\)"
