# A Cloud Functions entry point: its first parameter is the HTTP input.
import clients


def export(request):
    clients.gcs().bucket("b")
    return "ok"
