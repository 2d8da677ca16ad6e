"""A setup script: its top level calls the project's setup functions."""
from programs.bq_setup import create_dataset

DATASET = "search"
create_dataset(DATASET)
print("Success!")
