"""A function-local import of a name the module imports too: the local one
binds the name in the function only, so when the constructor was its one
use there, it goes (F401), and the module's stays for the annotations."""
from google.cloud import secretmanager


def rotate(name: str) -> secretmanager.Secret:
    """Rotate a secret's label."""

    # Import the Secret Manager client library.
    from google.cloud import secretmanager

    # Create the Secret Manager client.
    client = secretmanager.SecretManagerServiceClient()  # want "per call of `rotate`"

    return client.update_secret(request={"secret": {"name": name}})


def label(name: str) -> secretmanager.Secret:
    # Import the Secret Manager client library.
    from google.cloud import secretmanager

    client = secretmanager.SecretManagerServiceClient()  # want "per call of `label`"
    request = secretmanager.UpdateSecretRequest(secret={"name": name})
    return client.update_secret(request=request)


def tag(name: str) -> secretmanager.Secret:
    # Import the Secret Manager client library and the secret's type.
    from google.cloud import secretmanager

    client = secretmanager.SecretManagerServiceClient()  # want "per call of `tag`"

    def build():
        return secretmanager.Secret(name=name)

    return client.update_secret(request={"secret": build()})
