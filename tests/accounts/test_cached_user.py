"""The signed-in user is read from the cache, and every change to the account signs other sessions out at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

MY_LEARNING = "/en/my-learning/"


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def user_queries(client):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(MY_LEARNING)
    return response, [q["sql"] for q in queries if '"auth_user"' in q["sql"].split(" WHERE ")[0]]


def test_a_signed_in_request_reads_the_user_from_the_cache():
    client = signed_in(UserFactory())
    client.get(MY_LEARNING)
    response, queries = user_queries(client)
    assert response.status_code == 200
    assert queries == []


def test_a_changed_password_signs_the_other_sessions_out_at_once():
    user = UserFactory()
    other = signed_in(user)
    assert other.get(MY_LEARNING).status_code == 200  # the user is now in the cache
    user.set_password("a-new-long-password-2026")
    user.save()
    assert other.get(MY_LEARNING).status_code == 302


def test_a_deactivated_user_is_signed_out_at_once():
    user = UserFactory()
    client = signed_in(user)
    assert client.get(MY_LEARNING).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(MY_LEARNING).status_code == 302


def test_a_deleted_user_is_signed_out_at_once():
    user = UserFactory()
    client = signed_in(user)
    assert client.get(MY_LEARNING).status_code == 200
    user.delete()
    assert client.get(MY_LEARNING).status_code == 302


def test_a_change_saved_by_another_process_is_seen_at_once():
    user = UserFactory(first_name="Amina")
    client = signed_in(user)
    client.get(MY_LEARNING)
    user.first_name = "Zarina"
    user.save(update_fields=["first_name"])
    assert client.get(MY_LEARNING).wsgi_request.user.first_name == "Zarina"
