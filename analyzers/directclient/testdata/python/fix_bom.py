from google.cloud import storage

bucket = storage.Client().bucket("b")  # want "at module level"
