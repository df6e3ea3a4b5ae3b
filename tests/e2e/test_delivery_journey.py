"""A trainer records an in-person delivery on a phone, in Tajik, and adds a participant from the paper sheet."""

import pytest

from courses.models import Delivery
from tests import factories
from tests.e2e.conftest import PHONE, assert_accessible, screenshot

pytestmark = pytest.mark.e2e


@pytest.fixture
def trainer(db, unique):
    person = factories.UserFactory(
        email=f"trainer.{unique}@example.org", first_name="Zarina", last_name="Rahimova", groups=["Trainers"]
    )
    yield person.username, factories.PASSWORD
    Delivery.objects.filter(location=f"Panjakent {unique}").delete()
    person.delete()


def test_trainer_records_a_delivery_and_a_participant_on_a_phone_in_tajik(
    site, new_page, foreign_requests, trainer, unique
):
    page = new_page(PHONE, locale="tg-TJ")
    page.goto(f"{site.url}/tg/accounts/login/")
    page.fill("#id_username", trainer[0])
    page.fill("#id_password", trainer[1])
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(f"{site.url}/tg/deliveries/new/")
    assert page.locator("h1").inner_text() == "Сабти машғулияти рӯ ба рӯ"
    page.select_option("#id_session_number", "2")
    page.fill("#id_starts_on", "2026-06-01")
    page.fill("#id_ends_on", "2026-06-02")
    page.fill("#id_location", f"Panjakent {unique}")
    page.select_option("#id_region", "sughd")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.fill("#id_name", "Farangis Saidova")
    page.fill("#id_phone", "+992 92 700 11 22")
    page.select_option("#id_sex", "female")
    page.fill("#id_paper_score", "85")
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    assert "Farangis Saidova" in page.locator(".participant-list").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]  # nothing runs off the phone
    screenshot(page, "delivery-participants-tg")
    assert_accessible(page)
    assert not foreign_requests

    delivery = Delivery.objects.get(location=f"Panjakent {unique}")
    assert (delivery.session_number, delivery.trainer) == (2, "Zarina Rahimova")
    participant = delivery.participants.get()
    assert (participant.phone, participant.sex, participant.paper_score) == ("+992927001122", "female", 85)
