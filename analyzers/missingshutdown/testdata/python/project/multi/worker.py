import redis

from app.factory import create_app

app = create_app()
cache = redis.Redis()
