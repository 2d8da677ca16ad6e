from fastapi import Header, HTTPException, status


def check_partner_key(x_partner_key: str = Header()):
    if x_partner_key != "k":
        raise HTTPException(status_code=status.HTTP_403_FORBIDDEN)


def load_item(item_id: int):
    if item_id < 0:
        raise HTTPException(status_code=404)
    return {"id": item_id}
