# A CloudEvent function: nothing here names a framework.
import clients


def on_upload(cloud_event):
    clients.gcs().bucket(cloud_event.data["bucket"])
