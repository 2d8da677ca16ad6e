"""A flow the main block serves: `serve()` starts a worker process that runs
the flow for each scheduled run, so its task is a worker's code."""
from prefect import flow, task


@task
def nightly_task(n):
    print(n)  # want warning "in service code \\(reached from task `nightly_task`\\)"


@flow
def nightly_flow():
    nightly_task(1)


if __name__ == "__main__":
    nightly_flow.serve(name="nightly")
