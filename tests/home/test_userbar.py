import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_learners_pages_ask_nothing_about_admin_permissions(client, about):
    client.force_login(UserFactory())
    client.get("/en/about/")
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/en/about/").content.decode()
    assert "wagtail-userbar" not in html
    assert not [query["sql"] for query in queries if "auth_permission" in query["sql"]]


def test_editors_see_wagtails_user_bar(client, about):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    assert "wagtail-userbar" in client.get("/en/about/").content.decode()
