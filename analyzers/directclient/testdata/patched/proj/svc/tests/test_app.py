from unittest import mock

from google.cloud import pubsub_v1

from app import events, uploads


@mock.patch("app.reports.bigquery.Client")
def test_reports(client):
    client.return_value.query.return_value.result.return_value = []


def test_upload(monkeypatch):
    monkeypatch.setattr(uploads, "Client", mock.MagicMock())


def test_publish():
    with mock.patch.object(events.pubsub_v1, "PublisherClient") as pub:
        pub.return_value.publish.return_value = None


def test_secret(mocker):
    mocker.patch("google.cloud.secretmanager.SecretManagerServiceClient")


def test_unrelated():
    # Patching another module's name changes nothing here.
    with mock.patch("app.other.bigquery.Client"):
        assert pubsub_v1
