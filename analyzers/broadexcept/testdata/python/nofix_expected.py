"""Expected-failure paths and patches: no fix."""
import json


def cached(cache, key):
    try:
        return json.loads(cache.get(key))
    except Exception:  # want "swallows"
        pass
    return None


def each(rows):
    out = []
    for r in rows:
        try:
            out.append(json.loads(r))
        except Exception:  # want "swallows"
            continue
    return out


def patch():
    try:
        import httpx

        httpx.Client.send = None
    except Exception as e:  # want "logs the error|without"
        print(e)


async def proxy(server_ws, client_ws):
    try:
        await server_ws.close()
    except:  # want "swallows"
        pass
    try:
        await client_ws.close()
    except:  # want "swallows"
        pass
