"""Samples whose tests read what they print (capsys)."""


async def order_limit(db):
    results = await db.collection("cities").limit(2).get()
    print(results)  # want "`print` call"
