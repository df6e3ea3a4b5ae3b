"""The signed-in user is read from the cache, and every change to the account signs other sessions out at once."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from accounts.cached_user import user_keys
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


def test_without_a_shared_cache_a_user_deactivated_in_one_worker_is_signed_out_in_the_other(per_process_workers):
    user = UserFactory()
    client = signed_in(user)
    for name in ("worker-1", "worker-2"):
        per_process_workers(name)
        assert client.get(MY_LEARNING).status_code == 200
    per_process_workers("worker-1")
    user.is_active = False
    user.save()
    per_process_workers("worker-2")
    assert client.get(MY_LEARNING).status_code == 302


def test_a_user_deactivated_with_the_admins_bulk_action_is_signed_out_at_once():
    learner = UserFactory()
    person = signed_in(learner)
    assert person.get(MY_LEARNING).status_code == 200  # the user is now kept in the cache
    admin = signed_in(UserFactory(is_superuser=True, is_staff=True))
    response = admin.post(
        f"/admin/bulk/auth/user/set_active_state/?next=/admin/users/&id={learner.pk}", {"mark_as_active": "False"}
    )
    assert response.status_code == 302
    learner.refresh_from_db()
    assert learner.is_active is False
    assert person.get(MY_LEARNING).status_code == 302


def test_rotating_the_secret_key_signs_everyone_out_at_once(settings):
    settings.SESSION_ENGINE = "home.sessions"  # as in production: the session itself is read from the cache
    client = signed_in(UserFactory())
    assert client.get(MY_LEARNING).status_code == 200  # the user is now kept in the cache
    settings.SECRET_KEY = "a-new-key-after-the-old-one-leaked"
    settings.SECRET_KEY_FALLBACKS = []
    assert client.get(MY_LEARNING).status_code == 302


def test_a_user_kept_in_another_releases_format_is_read_anew_not_an_error():
    """Redis outlives a deploy: the release before kept (version, <User>) where this one keeps (fields, hash, key)."""
    user = UserFactory(first_name="Amina")
    client = Client(raise_request_exception=True)
    client.force_login(user)
    assert client.get(MY_LEARNING).status_code == 200
    version_key, entry_key = user_keys(user.pk)
    version = cache.get(version_key)
    for old in (type(user).objects.get(pk=user.pk), ({"id": user.pk}, "a-hash")):
        cache.set(entry_key, (version, old), 3600)
        cache.set(f"user:{user.pk}", (version, old), 3600)  # the key the release before used
        response = client.get(MY_LEARNING)
        assert response.status_code == 200
        assert response.wsgi_request.user.first_name == "Amina"


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


def test_the_cache_never_holds_a_password_hash_and_a_kept_user_saves_without_touching_the_password():
    import pickle

    from django.core.cache import cache

    user = UserFactory()
    user.set_password("the-first-long-password-2026")
    user.save()
    client = signed_in(user)
    assert client.get(MY_LEARNING).status_code == 200
    kept = cache.get(user_keys(user.pk)[1])
    assert kept is not None
    assert user.password.encode() not in pickle.dumps(kept)

    # A profile saved through the kept copy (the request's user) leaves the password as it is.
    response = client.get(MY_LEARNING)
    assert response.wsgi_request.user.first_name == user.first_name
    response.wsgi_request.user.first_name = "Zarina"
    response.wsgi_request.user.save()
    assert Client().login(username=user.username, password="the-first-long-password-2026")


class _Form(__import__("html.parser").parser.HTMLParser):
    """Every field of a form as a browser would send it back unchanged."""

    def __init__(self):
        super().__init__()
        self.data, self._select = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name")
        if tag == "input" and name and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") not in ("checkbox", "radio") or "checked" in attrs:
                self.data[name] = attrs.get("value") or ""
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and ("selected" in attrs or self._select not in self.data):
            self.data[self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None


def test_changing_ones_password_in_the_admin_keeps_one_signed_in_with_the_new_password():
    user = UserFactory(is_staff=True, is_superuser=True)
    user.set_password("the-first-long-password-2026")
    user.save()
    client = Client()
    assert client.login(username=user.username, password="the-first-long-password-2026")
    assert client.get("/admin/").status_code == 200  # the user is now kept in the cache
    form = _Form()
    form.feed(client.get("/admin/account/").content.decode())
    new = "a-second-long-password-2026"
    data = {**form.data, "password-old_password": "the-first-long-password-2026"}
    data.update({"password-new_password1": new, "password-new_password2": new})
    assert client.post("/admin/account/", data).status_code == 302
    assert client.get("/admin/").status_code == 200  # still signed in, as Wagtail means it to be
    assert Client().login(username=user.username, password=new)
