"""Handlers whose try body calls only known functions are narrowed."""
import json
import os
from decimal import Decimal
from uuid import UUID

import httpx
import requests
from google.cloud import bigquery


def parse(body):
    try:
        data = json.loads(body)
    except Exception:  # want note "fallback around parsing and conversion \\(json.loads\\)"
        return None
    return data


def parse_count(body):
    try:
        n = int(json.loads(body)["count"])
    except Exception as e:  # want note "prints the error"
        print("bad count", e)
        return 0
    return n


def read(path):
    try:
        with open(path) as f:
            return f.read()
    except (ValueError, Exception):  # want "swallows"
        return ""


async def fetch(url):
    async with httpx.AsyncClient() as client:
        try:
            r = await client.get(url)
            r.raise_for_status()
            return r.json()
        except Exception:  # want "swallows"
            return None


def fetch_sync(url):
    try:
        return requests.get(url, timeout=5).json()
    except Exception:  # want "swallows"
        return None


def query(sql):
    client = bigquery.Client()
    try:
        return list(client.query(sql).result())
    except Exception:  # want "swallows"
        return []


def env_port():
    try:
        return int(os.environ["PORT"])
    except:  # want error "swallows"
        return 8080


def fee_msat(amount):
    # Decimal arithmetic and int() of the result: int(Decimal("Infinity") * 1000)
    # raises OverflowError, a huge exponent decimal.Overflow, Decimal(None)
    # TypeError: ArithmeticError covers the decimal signals and OverflowError.
    try:
        fee = Decimal(amount)
        fee_msat = int(fee * 1000)
    except Exception as e:  # want note "prints the error"
        print("bad fee", e)
        fee_msat = 0
    return fee_msat


def ratio(a, b):
    try:
        r = a / b
    except Exception as e:  # want note "prints the error"
        print("no ratio", e)
        r = 0.0
    return r


def as_uuid(v):
    # UUID(5) and UUID({}) raise AttributeError (the int or dict has no
    # .replace), UUID(None) TypeError, UUID("zz") ValueError.
    try:
        u = UUID(v)
    except Exception as e:  # want note "prints the error"
        print("not a uuid", e)
        u = None
    return u


# A parse fallback around UUID() alone fails only on its input: a note, and
# narrowed to all three of its errors.
def parse_id(v):
    try:
        return UUID(v)
    except Exception:  # want note "is a fallback around parsing and conversion \\(UUID\\)"
        return None
