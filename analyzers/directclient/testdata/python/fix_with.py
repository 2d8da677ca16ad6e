"""`async with` on a client becomes the shared client, the body one level out."""
import httpx


async def report(url, rows):
    async with httpx.AsyncClient() as client:  # want "per call of `report`"
        # The query text keeps its own indentation.
        query = """
            SELECT *
              FROM t
        """

        for row in rows:
            if row:
                await client.post(url, json={"q": query,
                                             "row": row})
            else:
                msg = ("a continuation "
                       "line")
                await client.get(url, params={"m": msg})  # trailing comment
        return await client.get(
            url,
        )


async def with_others(url, path):
    with open(path) as fh, httpx.AsyncClient() as client:  # want "per call of `with_others`"
        return await client.post(url, content=fh.read())


async def first_item(url, path):
    async with httpx.AsyncClient() as client, other(path) as o:  # want "per call of `first_item`"
        return await client.post(url, content=o)


async def nested(urls):
    async with httpx.AsyncClient() as a:  # want "per call of `nested`"
        async with httpx.AsyncClient() as b:  # want "per call of `nested`"
            return [await a.get(urls[0]), await b.get(urls[1])]


async def unnamed():
    async with httpx.AsyncClient():  # want "per call of `unnamed`"
        pass


async def one_line(url):
    async with httpx.AsyncClient() as c: return await c.get(url)  # want "per call of `one_line`"


def other(path):
    return open(path)
