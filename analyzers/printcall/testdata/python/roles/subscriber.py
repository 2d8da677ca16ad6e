from google.cloud import pubsub_v1


def callback(message):
    print(message.data)  # want warning "reached from subscription callback `callback`"
    message.ack()


def listen(path):
    pubsub_v1.SubscriberClient().subscribe(path, callback=callback)
