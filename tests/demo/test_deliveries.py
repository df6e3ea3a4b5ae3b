"""The demo's in-person deliveries: illustrative, marked as such, and flagged wherever the report counts them."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from courses.models import Delivery, LessonPage, Participant
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_every_demo_delivery_is_marked_illustrative_and_its_people_as_examples(content):
    spec = content("deliveries")["deliveries"]
    deliveries = list(Delivery.objects.all())
    assert len(deliveries) == len(spec) and all(delivery.is_illustrative for delivery in deliveries)
    names = Participant.objects.values_list("name", flat=True)
    assert names and all(name.startswith("Example participant") for name in names)


def test_demo_learners_who_attended_are_matched_to_their_accounts():
    learner = get_user_model().objects.get(username="learner1@hamkori.local")
    assert set(Participant.objects.filter(learner=learner).values_list("delivery__session_number", flat=True)) == {1, 2}


def test_the_demo_lessons_say_which_session_they_teach():
    numbers = sorted(LessonPage.objects.filter(locale__language_code="en").values_list("session_number", flat=True))
    assert numbers == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]


def test_the_indicators_report_says_its_figures_include_illustrative_deliveries(client):
    group = Group.objects.create(name="Demo report readers")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_learning_reports"]))
    client.force_login(UserFactory(groups=[group.name]))
    page = client.get("/admin/reports/indicators/").content.decode()
    assert "Includes 3 illustrative demo deliveries: these are not real programme figures." in page
