from fastapi import FastAPI
from google.cloud import bigquery

# Only a client a pool would hold: no fix until XY003 moves it to the pool
# (the pool module might not exist here).
app = FastAPI()  # want `nothing closes bigquery.Client`
bq = bigquery.Client()
