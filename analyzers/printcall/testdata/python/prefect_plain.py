"""A task whose flow is not known to capture prints: its prints are reported."""
from prefect import flow, task


@task
def load(path):
    print(f"loading {path}")  # want "print"


@flow
def pipeline(path):
    print("starting")  # want "print"
    load(path)
