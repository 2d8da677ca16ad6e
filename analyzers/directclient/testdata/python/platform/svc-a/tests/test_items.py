# Test files are excluded by default: fixtures build real clients.
from google.cloud import storage

client = storage.Client()
