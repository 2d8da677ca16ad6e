from google.cloud import pubsub_v1


def publisher():
    return pubsub_v1.PublisherClient()  # want "per request: `publisher` is called by route handler `publish` \\(POST /publish\\); use `shared.gcp_clients.get_publisher_client\\(\\)`"
