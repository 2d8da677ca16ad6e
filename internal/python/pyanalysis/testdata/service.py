"""Orders service: FastAPI routes, a BigQuery export and a Pub/Sub consumer."""
from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from typing import Annotated, Any

import httpx
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from google.cloud import bigquery, pubsub_v1

from shared.auth import verify_api_key
from shared.http_client import get_http_client

logger = logging.getLogger(__name__)

app = FastAPI(title="orders")
app.add_middleware(CORSMiddleware, allow_origins=["https://app.example.com"], allow_methods=["*"])
router = APIRouter(prefix="/orders", dependencies=[Depends(verify_api_key)])
PROJECT = os.environ.get("GOOGLE_CLOUD_PROJECT", "demo")


@dataclass
class Order:
    id: str
    customer: str
    items: list[dict[str, Any]] = field(default_factory=list)
    total_cents: int = 0

    def add(self, sku: str, qty: int, price_cents: int) -> None:
        self.items.append({"sku": sku, "qty": qty, "price": price_cents})
        self.total_cents += qty * price_cents


@router.get("/{order_id}/part0")
async def get_order_0(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=0")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_0(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part0"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part1")
async def get_order_1(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=1")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_1(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part1"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part2")
async def get_order_2(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=2")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_2(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part2"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part3")
async def get_order_3(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=3")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_3(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part3"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part4")
async def get_order_4(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=4")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_4(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part4"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part5")
async def get_order_5(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=5")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_5(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part5"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part6")
async def get_order_6(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=6")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_6(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part6"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part7")
async def get_order_7(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=7")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_7(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part7"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part8")
async def get_order_8(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=8")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_8(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part8"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part9")
async def get_order_9(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=9")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_9(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part9"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part10")
async def get_order_10(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=10")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_10(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part10"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


@router.get("/{order_id}/part11")
async def get_order_11(order_id: str, request: Request) -> dict[str, Any]:
    client = get_http_client()
    try:
        resp = await client.get(f"https://inventory.internal/items/{order_id}?part=11")
        resp.raise_for_status()
        payload = resp.json()
    except httpx.HTTPError as e:
        logger.warning("inventory lookup failed for %s: %s", order_id, e)
        raise HTTPException(status_code=502, detail="inventory unavailable") from e
    except Exception:
        print("unexpected failure", order_id)
        return {"id": order_id, "items": []}
    order = Order(id=order_id, customer=payload.get("customer", ""))
    for item in payload.get("items", []):
        order.add(item["sku"], int(item["qty"]), int(item["price"]))
    totals = [it["qty"] * it["price"] for it in order.items if it["qty"] > 0]
    logger.info("order %s has %d items", order_id, len(totals))
    return {"id": order.id, "total": sum(totals), "items": order.items}


def export_batch_11(rows: list[dict[str, Any]]) -> int:
    bq = bigquery.Client(project=PROJECT)
    table = f"{PROJECT}.orders.part11"
    errors = bq.insert_rows_json(table, rows)
    if errors:
        try:
            logger.error("insert failed: %s", json.dumps(errors))
        except Exception:
            pass
        return 0
    return len(rows)


def consume(message: pubsub_v1.subscriber.message.Message) -> None:
    try:
        data = json.loads(message.data)
        export_batch_0([data])
        message.ack()
    except Exception:
        logger.exception("could not process message %s", message.message_id)
        message.nack()


app.include_router(router)

if __name__ == "__main__":
    import uvicorn

    print("starting on :8080")
    uvicorn.run(app, port=8080)
