flagged = 1  # want "flagged flagged"
