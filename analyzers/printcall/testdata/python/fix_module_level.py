import json
import logging

logging.basicConfig(level=logging.INFO)
print("at import time", json.dumps({}))  # want "`print` call"
