"""A command that waits for one notification, then exits."""
import argparse

from google.cloud import pubsub_v1


def wait_for_job(project, subscription):
    subscriber = pubsub_v1.SubscriberClient()
    path = subscriber.subscription_path(project, subscription)

    def on_message(message):
        # The command's output: the subscription lives while it runs.
        print("job done:", message.data)
        message.ack()

    future = subscriber.subscribe(path, callback=on_message)
    future.result(timeout=60)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("project")
    parser.add_argument("subscription")
    args = parser.parse_args()
    wait_for_job(args.project, args.subscription)
