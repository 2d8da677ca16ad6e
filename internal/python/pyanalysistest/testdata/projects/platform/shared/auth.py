flagged_key = 2  # want "flagged flagged_key"
