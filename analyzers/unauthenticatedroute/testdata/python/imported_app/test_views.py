from unittest import mock

import views


@mock.patch("views.create_item")
def test_create(create):
    assert views.create_item is create
