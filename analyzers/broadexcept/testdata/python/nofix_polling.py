"""Handlers in a polling or retry loop: a traceback on every round would
flood the log for as long as the failure lasts, so neither
logger.exception nor error → exception is added."""
import asyncio
import logging
import time

logger = logging.getLogger(__name__)


class Wallet:
    async def paid_invoices(self):
        # Polls every pending invoice every five seconds while it runs.
        while self.running:
            for invoice in list(self.pending):
                try:
                    status = await self.status(invoice)
                    if status.paid:
                        self.pending.remove(invoice)
                except Exception as exc:  # want "logs the error without its traceback \\(logger.error\\)"
                    logger.error(f"could not get status of invoice {invoice}: {exc}")
            await asyncio.sleep(5)


def fetch_with_retries(client, url, attempts=3):
    # Attempts with a back-off: a record per failed attempt.
    for attempt in range(attempts):
        try:
            return client.get(url)
        except Exception as e:  # want "logs the error without its traceback \\(logger.error\\)"
            logger.error("attempt %d failed: %s", attempt, e)
            time.sleep(2**attempt)
    return None


def consume(queue, handle):
    while True:
        msg = queue.get()
        try:
            handle(msg)
        except Exception:  # want "swallows the exception"
            pass
