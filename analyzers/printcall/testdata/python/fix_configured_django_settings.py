"""Django's LOGGING setting, which Django passes to dictConfig; the print
of a view in the same module (a one-file Django project)."""
from django.http import HttpResponse

LOGGING = {
    "version": 1,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "INFO"},
}


def index(request):
    print("index called")  # want "in service code"
    return HttpResponse("ok")
