"""A start-up wait script run as `python wait_for_db.py`: no main block,
its top level loops and prints, and nothing imports it."""
import time

import sqlalchemy

engine = sqlalchemy.create_engine("postgresql://db/app")
print("Waiting for the database")
while True:
    try:
        engine.connect()
        break
    except Exception as e:
        print(e)
        time.sleep(1)
print("ready")
