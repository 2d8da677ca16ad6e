"""Top-level work, but the project imports it: it runs on import, in
whatever imports it."""
from programs.bq_setup import create_dataset

create_dataset("settings")
print("settings loaded")  # want warning "^`print` call; use the module logger$"
