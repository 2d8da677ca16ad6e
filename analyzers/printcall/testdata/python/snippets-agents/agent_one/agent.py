"""An agent of a snippets directory: what it prints on import is the
sample's output."""
import os

project = os.environ.get("PROJECT", "")
print("Fetching the secret...")
root_agent = {"model": "m", "project": project}
print("Agent initialized.")
