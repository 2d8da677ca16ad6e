x = 1  # want "finding that never comes"
