import json

print("at import time", json.dumps({}))  # want "`print` call"
