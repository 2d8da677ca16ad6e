"""Prefect records the prints of a flow or task run with log_prints=True as
log lines: those prints are its logging, not stray output."""
from prefect import flow, task
import prefect


@task(retries=3)
def fetch(url):
    print(f"fetching {url}")  # the flow below runs it with log_prints=True
    return url


@task(log_prints=False)
def quiet(url):
    print(f"not captured {url}")  # want "print"
    return url


@flow(log_prints=True)
def scrape(urls):
    for url in urls:
        print("scraping", url)
        fetch(url)


@prefect.task(log_prints=True)
def count(items):
    print(len(items))


def helper(items):
    print(items)  # want "print"
