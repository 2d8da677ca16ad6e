"""A loop over items that does not repeat the failing work (no sleep, no
while): each item's failure is its own, and its record gets the traceback."""
import logging

logger = logging.getLogger(__name__)


def import_rows(rows, save):
    for row in rows:
        try:
            save(row)
        except Exception as e:  # want "logs the error without its traceback \\(logger.error\\)"
            logger.error(f"could not import row {row['id']}: {e}")
