flagged = 1
fine = 2  # want "flagged .*"
