"""Issue 16 item 2: the login throttle behind a load balancer. It counts the real client (through the
configured number of trusted proxies only), slows attempts down instead of locking an account, and
keeps brute force expensive."""

import pytest
from django.test import Client

from accounts import login_throttle
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

BALANCER = "10.0.0.2"
LOGIN = "/en/accounts/login/"


def attempt(client, username, password, client_address=None, balancer=BALANCER):
    extra = {"REMOTE_ADDR": balancer}
    if client_address:
        extra["HTTP_X_FORWARDED_FOR"] = client_address
    return client.post(LOGIN, {"username": username, "password": password}, **extra)


@pytest.fixture
def amina(db):
    return UserFactory(email="amina@example.org")


@pytest.fixture
def behind_one_balancer(settings):
    settings.TRUSTED_PROXY_COUNT = 1


def later(monkeypatch, seconds):
    """The clock `seconds` ahead, as the throttle sees it."""
    start = login_throttle.now()
    monkeypatch.setattr(login_throttle, "now", lambda: start + seconds)


def test_the_setting_is_off_by_default():
    from cms.settings import base

    assert base.TRUSTED_PROXY_COUNT == 0


def test_failures_by_one_client_behind_the_balancer_do_not_stop_the_others(behind_one_balancer, amina):
    attacker = Client()
    for n in range(30):
        attempt(attacker, f"guess{n}@example.org", "guess", client_address="203.0.113.7")
    assert attempt(attacker, "guess99@example.org", "guess", client_address="203.0.113.7").status_code == 429
    chief = UserFactory(email="chief@hamkori.local", is_superuser=True, is_staff=True)
    for person, address in ((amina, "198.51.100.1"), (chief, "198.51.100.2")):
        response = attempt(Client(), person.username, PASSWORD, client_address=address)
        assert response.status_code == 302, person


def test_an_address_a_client_writes_itself_is_not_believed(behind_one_balancer, amina):
    """Only the address our balancer appended counts; one written before it by the client is ignored."""
    attacker = Client()
    for n in range(30):
        attempt(attacker, f"guess{n}@example.org", "guess", client_address=f"192.0.2.{n}, 203.0.113.7")
    assert attempt(attacker, "x@example.org", "guess", client_address="192.0.2.200, 203.0.113.7").status_code == 429


def test_without_the_setting_forwarded_addresses_are_ignored(amina):
    attacker = Client()
    for n in range(20):
        attempt(attacker, f"guess{n}@example.org", "guess", client_address=f"192.0.2.{n}")
    assert attempt(attacker, "guess@example.org", "guess", client_address="192.0.2.250").status_code == 429


def test_nobody_can_lock_an_account_against_its_owner_on_their_phone(amina):
    phone = Client()
    assert attempt(phone, amina.username, PASSWORD, balancer="198.51.100.1").status_code == 302
    phone.post("/en/accounts/logout/")  # she signs out (her browser keeps its other cookies)
    assert "_auth_user_id" not in phone.session
    attacker = Client()
    for _n in range(12):
        attempt(attacker, amina.username, "guess", balancer="203.0.113.7")
    assert attempt(attacker, amina.username, PASSWORD, balancer="203.0.113.7").status_code == 429
    # Her phone signed in before: other people's failures do not keep her waiting.
    assert attempt(phone, amina.username, PASSWORD, balancer="198.51.100.1").status_code == 302


def test_on_a_new_device_the_right_password_is_accepted_once_the_wait_is_over(amina, monkeypatch):
    attacker = Client()
    for _n in range(5):
        attempt(attacker, amina.username, "guess", balancer="203.0.113.7")
    new_phone = Client()
    response = attempt(new_phone, amina.username, PASSWORD, balancer="198.51.100.1")
    assert response.status_code == 429  # asked to wait...
    assert "_auth_user_id" not in new_phone.session
    later(monkeypatch, 31)
    assert attempt(new_phone, amina.username, PASSWORD, balancer="198.51.100.1").status_code == 302  # ...not locked


def test_brute_force_gets_no_answer_while_it_waits_and_waits_longer_each_time(amina, monkeypatch):
    attacker = Client()
    for _n in range(5):
        attempt(attacker, amina.username, "guess", balancer="203.0.113.7")
    # While waiting, even the right password is not looked at: a guess learns nothing.
    assert attempt(attacker, amina.username, PASSWORD, balancer="203.0.113.7").status_code == 429
    waits = []
    elapsed = 0
    for _n in range(5):
        wait = login_throttle.seconds_to_wait(None, amina.username)
        waits.append(wait)
        elapsed += wait + 1
        later(monkeypatch, elapsed)
        assert attempt(attacker, amina.username, "guess", balancer="203.0.113.7").status_code == 200
    assert waits == sorted(waits) and waits[-1] >= 8 * waits[0], waits
    assert login_throttle.seconds_to_wait(None, amina.username) >= 15 * 60 - 2  # a guess costs 15 minutes now


def test_the_admin_login_slows_down_too(amina, monkeypatch):
    chief = UserFactory(email="chief@hamkori.local", is_superuser=True, is_staff=True)
    client = Client()
    for _n in range(5):
        client.post("/admin/login/", {"username": chief.username, "password": "guess"})
    client.post("/admin/login/", {"username": chief.username, "password": PASSWORD})
    assert client.get("/admin/").status_code == 302
    later(monkeypatch, 31)
    client.post("/admin/login/", {"username": chief.username, "password": PASSWORD})
    assert client.get("/admin/").status_code == 200
