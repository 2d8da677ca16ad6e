import logging
import re

import httpx

logger = logging.getLogger(__name__)

BANNED = re.compile(r"\b(guaranteed|risk-free)\b", re.IGNORECASE)

LINK_CHECKER = "https://link-checker.internal.xynergy.com/check"


def check_links(text: str) -> list[str]:
    with httpx.Client(timeout=5) as client:
        response = client.post(LINK_CHECKER, json={"text": text})
    return response.json().get("broken", [])


def validate_content(content: dict) -> dict:
    text = content.get("body", "")
    problems = [m.group(0) for m in BANNED.finditer(text)]
    try:
        broken = check_links(text)
    except Exception:
        broken = []
    return {"content_id": content.get("id"), "problems": problems, "broken_links": broken}
