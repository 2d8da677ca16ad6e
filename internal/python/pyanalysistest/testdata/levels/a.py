flagged_a = 1  # want warning "flagged"
flagged_b = 1  # want error "flagged"
flagged_c = 1  # want "flagged"
