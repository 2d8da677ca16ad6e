import httpx


async def fetch(url):
	async with httpx.AsyncClient() as client:  # want "per call of `fetch`"
		if url:
			return await client.get(url)
		return None
