"""Every import form resolves to the constructor's qualified name."""
import google.cloud.bigquery
import google.cloud.bigquery as bq
import httpx
import redis
import redis.asyncio as aioredis
import requests
from aiohttp import ClientSession
from google.cloud import bigquery, pubsub, pubsub_v1, storage
from google.cloud.bigquery import Client
from google.cloud.bigquery import Client as BQ
from google.cloud.firestore import AsyncClient
from google import genai
from langchain_google_vertexai import ChatVertexAI

a = bigquery.Client()  # want note "^direct `bigquery.Client\\(\\)` at module level: once per process; use `shared.gcp_clients.get_bigquery_client\\(\\)` \\(no fix: `a` is passed on: .*\\)$"
b = bq.Client(project="p")  # want "direct `bigquery.Client\\(\\)` at module level"
c = Client()  # want "direct `bigquery.Client\\(\\)`"
d = BQ()  # want "direct `bigquery.Client\\(\\)`"
e = google.cloud.bigquery.Client()  # want "direct `bigquery.Client\\(\\)`"
f = storage.Client()  # want "`storage.Client\\(\\)` at module level: once per process; use `shared.gcp_clients.get_storage_client\\(\\)`"
g = pubsub_v1.PublisherClient()  # want "get_publisher_client"
h = pubsub.SubscriberClient()  # want "`pubsub.SubscriberClient\\(\\)`.*get_subscriber_client"
i = AsyncClient()  # want "`firestore.AsyncClient\\(\\)` at module level: once per process; no pooled getter for it yet: add one to `shared.gcp_clients`"
j = redis.Redis.from_url("redis://x")  # want "^direct `redis.Redis.from_url\\(\\)` at module level: once per process; build it once and share it$"
k = redis.from_url("redis://x")  # want "redis.from_url"
l = redis.StrictRedis(host="x")  # want "redis.StrictRedis"
m = aioredis.Redis()  # want "redis.asyncio.Redis"
n = httpx.AsyncClient()  # want "use `shared.http_client.get_http_client\\(\\)`"
o = httpx.Client()  # want "`httpx.Client\\(\\)`.*add one to `shared.http_client`"
p = requests.Session()  # want "`requests.Session\\(\\)`"
q = ClientSession()  # want "`aiohttp.ClientSession\\(\\)`"
s = genai.Client()  # want "^direct `genai.Client\\(\\)` at module level"
t = ChatVertexAI(model="gemini")  # want "`langchain_google_vertexai.ChatVertexAI\\(\\)`"

# An alias of the constructor is followed.
Make = bigquery.Client
r = Make()  # want "`bigquery.Client\\(\\)`"

# Not constructors: module functions that use a default session, methods
# of clients, the class object itself, and names that only look alike.
requests.get("https://example.com", timeout=5)
httpx.get("https://example.com")
a.query("SELECT 1")
kind = bigquery.Client
isinstance(a, bigquery.Client)
