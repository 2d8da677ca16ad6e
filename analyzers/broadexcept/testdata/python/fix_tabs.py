import json


def parse(body):
	try:
		return json.loads(body)
	except Exception:  # want note "fallback around parsing and conversion \\(json.loads\\)"
		return None


def other():
	try:
		work()
	except Exception:  # want "swallows"
		"""Ignored."""
		pass
