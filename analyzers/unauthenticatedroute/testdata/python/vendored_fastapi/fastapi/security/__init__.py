from .http import HTTPBasic as HTTPBasic
