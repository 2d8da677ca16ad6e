"""A flow its main block runs once, but that the service imports too: the
service's worker runs it, so its task is a worker's code."""
from prefect import flow, task


@task
def sync_task(n):
    print(n)  # want warning "in service code"


@flow
def sync_flow():
    sync_task(1)


if __name__ == "__main__":
    sync_flow()
