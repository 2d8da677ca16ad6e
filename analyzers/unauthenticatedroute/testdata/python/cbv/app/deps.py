from fastapi import Depends


def get_db():
    yield None


def get_current_user(db=Depends(get_db)):
    return None


def get_public_group(slug: str):
    return None
