flagged_single = 3  # want "flagged flagged_single"
