"""A one-off script: scripts/ holds them."""
for i in range(3):
    print("backfilled", i)
