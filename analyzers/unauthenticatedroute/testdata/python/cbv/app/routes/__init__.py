# Re-exports by star import: the names are base's.
from .base import *
