"""Copy optional assets into the bundle; the ignore list is read from
ASSET_IGNORE. A failed copy stops the build."""
import logging

logger = logging.getLogger(__name__)


def place(src, dst):
    return src, dst


def copy(src, dst):
    try:
        place(src, dst)
    except Exception:  # want error "swallows"
        pass


class Bundle:
    """A bundle of assets."""

    def add(self, src):
        try:
            copy(src, "out")
        except Exception:  # want error "swallows"
            pass
