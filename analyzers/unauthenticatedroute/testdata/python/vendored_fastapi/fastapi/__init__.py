# fastapi's own sources in the run (as when linting fastapi itself, or a
# vendored copy): its scheme classes still count as auth by their names.
from .applications import FastAPI as FastAPI
from .param_functions import Depends as Depends
