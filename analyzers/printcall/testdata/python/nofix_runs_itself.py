"""A cleanup script: it calls its own functions when run."""


def delete_all_products(client):
    print("Deleting all products, please wait")  # want "`print` call"
    client.delete_all()


delete_all_products(None)
