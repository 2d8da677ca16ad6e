"""A worker: its subscription is opened in a function but no command-line
library configures it, so its callback stays a worker's entry."""
import os

from google.cloud import pubsub_v1


def run():
    subscriber = pubsub_v1.SubscriberClient()

    def handle(message):
        print("processing", message.data)  # want warning "reached from subscription callback `handle`"
        message.ack()

    subscriber.subscribe(os.environ["SUBSCRIPTION"], callback=handle).result()


if __name__ == "__main__":
    run()
