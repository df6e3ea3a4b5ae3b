"""In-person deliveries: the Trainers group made by setup_site records them in the admin, with paper scores."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from courses.models import Delivery, Participant
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/courses/delivery/add/"


@pytest.fixture
def trainer_client(db):
    client = Client()
    client.force_login(UserFactory(groups=["Trainers"]))
    return client


def test_setup_site_makes_the_trainers_group_with_its_own_permissions():
    group = Group.objects.get(name="Trainers")
    codenames = set(group.permissions.values_list("codename", flat=True))
    deliveries = {"add_delivery", "change_delivery", "view_delivery", "delete_delivery"}
    assert codenames == {"access_admin", "view_answer_sheet", *deliveries}  # answer sheets of the study packs
    # Running setup again leaves what staff changed.
    group.permissions.remove(group.permissions.get(codename="delete_delivery"))
    call_command("setup_site", verbosity=0)
    assert not group.permissions.filter(codename="delete_delivery").exists()


def delivery_form(participants, **fields):
    return nested_form_data(
        {
            "session_number": 2,
            "starts_on": "2026-03-10",
            "ends_on": "2026-03-11",
            "location": "Kulob",
            "region": "khatlon",
            "trainer": "Zarina Rahimova",
            **fields,
            "participants": inline_formset(participants),
        }
    )


def test_a_trainer_records_a_delivery_and_its_participants_in_the_admin(trainer_client):
    cso = OrganisationFactory(name="Kulob women's CSO")
    learner = UserFactory(email="nodira@example.org")
    response = trainer_client.post(
        ADD_URL,
        delivery_form(
            [
                {"name": "Nodira", "email": "Nodira@example.org", "organisation": cso.pk, "completed": "on"},
                {"name": "Jamshed", "phone": "+992 93 555 44 33", "organisation": cso.pk, "paper_score": "80"},
            ]
        ),
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    delivery = Delivery.objects.get(location="Kulob")
    nodira, jamshed = delivery.participants.order_by("sort_order")
    assert (nodira.learner, nodira.email, nodira.completed) == (learner, "nodira@example.org", True)
    assert (jamshed.learner, jamshed.phone, jamshed.completed, jamshed.paper_score) == (
        None,
        "+992935554433",
        False,
        80,
    )
    assert not delivery.is_illustrative


def test_a_delivery_cannot_end_before_it_starts(trainer_client):
    response = trainer_client.post(ADD_URL, delivery_form([], ends_on="2026-03-01"))
    assert response.status_code == 200
    assert not Delivery.objects.exists()


def test_the_delivery_form_is_for_trainers_and_not_for_learners(client):
    client.force_login(UserFactory())
    assert client.get(ADD_URL).status_code in (302, 403)
    trainer = Client()
    trainer.force_login(UserFactory(groups=["Trainers"]))
    assert trainer.get(ADD_URL).status_code == 200
    assert trainer.get("/admin/reports/indicators/").status_code in (302, 403)


@pytest.fixture
def delivery(db):
    delivery = Delivery.objects.create(
        session_number=1, starts_on="2026-02-02", ends_on="2026-02-02", location="Khujand", region="sughd", trainer="T"
    )
    for name, email, phone in (
        ("Малика Назарова", "malika@example.org", ""),
        ("Rustam", "", "+992 92 111 22 33"),
        ("Sitora Karimova", "", ""),
    ):
        Participant.objects.create(delivery=delivery, name=name, email=email, phone=phone)
    return delivery


def upload(client, delivery, text, encoding="utf-8"):
    file = SimpleUploadedFile("scores.csv", text.encode(encoding), content_type="text/csv")
    return client.post(f"/admin/deliveries/{delivery.pk}/paper-scores/", {"file": file})


def scores(delivery):
    return list(delivery.participants.order_by("pk").values_list("paper_score", flat=True))


def test_paper_scores_uploaded_from_excel_match_by_email_phone_or_name(trainer_client, delivery):
    # Excel in Russian saves with semicolons, in the Windows Cyrillic code page.
    text = "name;email;phone;score\n;MALIKA@example.org;;90\n;;+992921112233;65\nsitora  karimova;;;70\n"
    response = upload(trainer_client, delivery, text, encoding="cp1251")
    assert response.status_code == 302
    assert scores(delivery) == [90, 65, 70]


def test_a_bad_row_saves_nothing_and_says_which(trainer_client, delivery):
    response = upload(trainer_client, delivery, "email,score\nmalika@example.org,90\nnobody@example.org,50\n")
    assert response.status_code == 200
    assert "Row 3: no participant of this delivery matches." in response.content.decode()
    response = upload(trainer_client, delivery, "email,score\nmalika@example.org,190\n")
    assert "Row 2: the score must be a whole number from 0 to 100." in response.content.decode()
    response = upload(trainer_client, delivery, "who,points\nmalika,90\n")
    assert "The first row must name the columns" in response.content.decode()
    assert scores(delivery) == [None, None, None]


def test_paper_scores_need_the_permission_to_change_deliveries(client, delivery):
    client.force_login(UserFactory())
    response = upload(client, delivery, "email,score\nmalika@example.org,90\n")
    assert response.status_code in (302, 403)
    assert scores(delivery) == [None, None, None]


def test_a_trainer_records_a_delivery_on_a_phone_in_tajik_one_participant_at_a_time(trainer_client):
    page = trainer_client.get("/tg/deliveries/new/").content.decode()
    assert "Сабти машғулияти рӯ ба рӯ" in page and 'name="session_number"' in page
    response = trainer_client.post(
        "/tg/deliveries/new/",
        {
            "session_number": 4,
            "starts_on": "2026-05-04",
            "ends_on": "2026-05-05",
            "location": "Khorog",
            "region": "gbao",
        },
    )
    delivery = Delivery.objects.get(location="Khorog")
    assert response["Location"] == f"/tg/deliveries/{delivery.pk}/participants/"
    assert delivery.trainer == "Amina Karimova"  # the signed-in trainer

    cso = OrganisationFactory(name="Pamir CSO")
    learner = UserFactory(email="gulnora@example.org")
    for name, email in (("Gulnora", "gulnora@example.org"), ("Davlat", "")):
        response = trainer_client.post(
            f"/tg/deliveries/{delivery.pk}/participants/",
            {
                "name": name,
                "email": email,
                "organisation": cso.pk,
                "sex": "female",
                "completed": "on",
                "paper_score": "75",
            },
        )
        assert response.status_code == 302 and response["Location"].endswith("#add")
    page = trainer_client.get(f"/tg/deliveries/{delivery.pk}/participants/").content.decode()
    assert "Gulnora" in page and "Davlat" in page and "ҳисоб ёфт шуд" in page  # "account found"
    assert [p.learner for p in delivery.participants.order_by("sort_order")] == [learner, None]

    response = trainer_client.post(f"/tg/deliveries/{delivery.pk}/participants/", {"name": "", "paper_score": "140"})
    assert response.status_code == 200 and delivery.participants.count() == 2


def test_learners_cannot_record_deliveries_or_see_their_participants(client, delivery):
    assert client.get("/en/deliveries/new/").status_code == 302  # to the login
    client.force_login(UserFactory())
    assert client.get("/en/deliveries/new/").status_code == 403
    assert client.get(f"/en/deliveries/{delivery.pk}/participants/").status_code == 403
    assert client.post(f"/en/deliveries/{delivery.pk}/participants/", {"name": "Intruder"}).status_code == 403
    assert not delivery.participants.filter(name="Intruder").exists()
