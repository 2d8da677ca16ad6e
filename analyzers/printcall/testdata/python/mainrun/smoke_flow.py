"""A smoke test run as `python smoke_flow.py`: its main block runs the flow
once, so the task's prints are the program's output, not a worker's."""
from prefect import flow, task


@task
def smoke_task(*args):
    print(args)


@flow
def smoke_flow():
    smoke_task("foo")


if __name__ == "__main__":
    smoke_flow()
