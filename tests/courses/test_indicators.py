"""The indicators report: people counted once online and in the room, small counts hidden, exports that agree.

Figures are read as programme staff read them: from the report's table in the admin, its CSV and its
XLSX. Staff with the permission to see small counts read the exact numbers (each such view is logged).
"""

import csv
import datetime
import io
import re
from html import unescape

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.test import Client
from django.utils import timezone

from courses.models import (
    Certificate,
    CourseThematicArea,
    Delivery,
    Enrolment,
    FigureDisclosure,
    Participant,
    complete_lesson,
)
from courses.suppression import COMPLEMENTARY, PRIMARY, Column
from tests.courses.test_suppression import assert_safe
from tests.factories import (
    PASSWORD,
    CoursePageFactory,
    LessonPageFactory,
    OrganisationFactory,
    ThematicAreaFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "/admin/reports/indicators/"
COLUMNS = [
    "Staff reached",
    "Organisations reached",
    "Staff trained",
    "Organisations trained",
    "Staff certified",
    "Organisations certified",
]


def staff_user(*codenames):
    group = Group.objects.create(name=f"Indicators {'-'.join(codenames)}")
    group.permissions.add(*Permission.objects.filter(codename__in=["access_admin", *codenames]))
    return UserFactory(groups=[group.name])


@pytest.fixture
def staff_client(db):
    client = Client()
    client.force_login(staff_user("view_learning_reports"))
    return client


@pytest.fixture
def exact_client(db):
    """Programme staff who may see small counts."""
    client = Client()
    client.force_login(staff_user("view_learning_reports", "view_unsuppressed_figures"))
    return client


@pytest.fixture
def session_course(db):
    """An online course whose two lessons teach training session 2, in a thematic area with a Russian name."""
    area = ThematicAreaFactory(name="Гражданское участие", slug="civic")
    course = CoursePageFactory(title="Being heard", thematic_area_links=[CourseThematicArea(thematic_area=area)])
    lessons = [LessonPageFactory(parent=course, session_number=2, quiz=[]) for _n in range(2)]
    return course, lessons


def complete_session_online(user, lessons):
    for lesson in lessons:
        complete_lesson(user, lesson)


def exact_figures(client, **params):
    response = client.get(URL, {"unsuppressed": "on", **params})
    assert response.status_code == 200
    total = response.context["total"]
    return tuple(
        total[column] for column in ("staff_reached", "organisations_reached", "staff_trained", "organisations_trained")
    )


def deliver(session, participants, starts_on=datetime.date(2026, 3, 10), **fields):
    delivery = Delivery.objects.create(
        session_number=session,
        starts_on=starts_on,
        ends_on=starts_on,
        location="Bokhtar",
        region="khatlon",
        trainer="Trainer",
        **fields,
    )
    for participant in participants:
        Participant.objects.create(delivery=delivery, **participant)
    return delivery


def test_twenty_participants_from_ten_csos_count_once_also_when_they_learn_online(exact_client, client, session_course):
    course, lessons = session_course
    # Three staff of two other organisations completed session 2 online before the delivery.
    elsewhere = [OrganisationFactory(name=f"Elsewhere {n}") for n in range(2)]
    for n in range(3):
        complete_session_online(UserFactory(profile__organisation=elsewhere[n % 2]), lessons)
    assert exact_figures(exact_client, session=2) == (3, 2, 3, 2)

    csos = [OrganisationFactory(name=f"CSO {n}") for n in range(10)]
    deliver(
        2,
        [
            {"name": f"Participant {n}", "email": f"participant{n}@example.org", "organisation": csos[n // 2]}
            for n in range(20)
        ],
    )
    assert exact_figures(exact_client, session=2) == (23, 12, 23, 12)

    # Five of them sign up with the email on the attendance sheet and complete session 2 online too.
    for n in range(5):
        signup = Client().post(
            "/en/accounts/signup/",
            {
                "first_name": "Participant",
                "last_name": str(n),
                "email": f"Participant{n}@example.org",
                "password1": PASSWORD + "x",
                "password2": PASSWORD + "x",
                "organisation": csos[n // 2].pk,
                "region": "khatlon",
                "preferred_language": "en",
            },
        )
        assert signup.status_code == 302
        user = Participant.objects.get(email=f"participant{n}@example.org").learner
        assert user is not None and user.email == f"participant{n}@example.org"
        complete_session_online(user, lessons)
    assert exact_figures(exact_client, session=2) == (23, 12, 23, 12)
    # The same people, without the session filter, and in another session's figures: none.
    assert exact_figures(exact_client) == (23, 12, 23, 12)
    assert exact_figures(exact_client, session=3) == (0, 0, 0, 0)


def test_a_participant_with_an_account_is_matched_by_email_or_by_phone_at_their_organisation(session_course):
    cso = OrganisationFactory(name="Matched CSO")
    by_email = UserFactory(email="dilnoza@example.org")
    by_phone = UserFactory(profile__organisation=cso, profile__phone="+992 93 123-45-67")
    elsewhere = UserFactory(profile__phone="+992 93 000-00-00")
    delivery = deliver(
        1,
        [
            {"name": "Dilnoza", "email": "Dilnoza@Example.org "},
            {"name": "Farrukh", "phone": "+992931234567", "organisation": cso},
            {"name": "Same phone, other organisation", "phone": "+992930000000", "organisation": cso},
        ],
    )
    learners = [p.learner for p in delivery.participants.order_by("pk")]
    assert learners == [by_email, by_phone, None]
    assert elsewhere not in learners


def rendered_table(response):
    """The report table as the page shows it: [[label, cell, ...], ...], the total row last."""
    html = response.content.decode()
    table = re.search(r'<table[^>]*id="indicator-table".*?</table>', html, re.S).group(0)
    rows = []
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", table, re.S)[1:]:
        cells = [
            unescape(re.sub("<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        rows.append(cells)
    return rows


def as_shown(value):
    return str(value) if value is not None else ""


def csv_table(response):
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    start = next(i for i, line in enumerate(lines) if line[1:7] == COLUMNS)
    return lines[:start], lines[start + 1 :]


def xlsx_table(response):
    content = response.content if not response.streaming else b"".join(response.streaming_content)
    lines = [list(line) for line in openpyxl.load_workbook(io.BytesIO(content)).active.iter_rows(values_only=True)]
    start = next(i for i, line in enumerate(lines) if list(line[1:7]) == COLUMNS)
    return lines[:start], [[as_shown(cell) for cell in line] for line in lines[start + 1 :]]


@pytest.fixture
def one_woman(session_course):
    """One woman (in GBAO, the only person there) among twelve men and seven who did not say, all online."""
    course, lessons = session_course
    cso = OrganisationFactory(name="Women's CSO", region="gbao")
    woman = UserFactory(profile__sex="female", profile__region="gbao", profile__organisation=cso)
    complete_session_online(woman, lessons)
    for _n in range(12):
        complete_session_online(UserFactory(profile__sex="male", profile__region="sughd"), lessons)
    for _n in range(7):
        complete_session_online(UserFactory(profile__sex="not_said", profile__region="khatlon"), lessons)
    return woman


def column_from_screen(rows, index, k=5):
    """A column of the rendered table as a reader sees it, for the reader's reasoning in test_suppression."""
    values, hidden = [], {}
    for position, row in enumerate(rows[:-1]):
        cell = row[index]
        if cell == f"<{k}":
            hidden[position] = PRIMARY
            values.append(None)
        elif cell == "–":
            hidden[position] = COMPLEMENTARY
            values.append(None)
        else:
            values.append(int(cell))
    total = rows[-1][index]
    return values, hidden, total


@pytest.mark.usefixtures("one_woman")
@pytest.mark.parametrize("breakdown", ["sex", "region", "organisation_type", "thematic_area"])
def test_one_woman_shows_under_five_and_no_total_gives_her_away(staff_client, exact_client, breakdown):
    rows = rendered_table(staff_client.get(URL, {"breakdown": breakdown}))
    exact = {
        row["label"]: row
        for row in exact_client.get(URL, {"breakdown": breakdown, "unsuppressed": "on"}).context["rows"]
    }
    labels = [row[0] for row in rows]
    if breakdown == "sex":
        assert rows[labels.index("Female")][1:7] == ["<5", "<5", "<5", "<5", "<5", "<5"]
    if breakdown == "region":
        assert rows[labels.index("Gorno-Badakhshan (GBAO)")][1] == "<5"
    # Every column, against its total: the reader's possible values for each "<5" are more than one.
    for index, column in enumerate(
        [
            "staff_reached",
            "organisations_reached",
            "staff_trained",
            "organisations_trained",
            "staff_certified",
            "organisations_certified",
        ],
        start=1,
    ):
        values, hidden, total = column_from_screen(rows, index)
        true_values = [exact[label][column] for label in labels[:-1]]
        assert all(v == t for v, t in zip(values, true_values, strict=True) if v is not None)
        shown_total = None if total in ("<5", "–") else int(total)
        reader_column = Column(
            true_values,
            shown_total if shown_total is not None else exact_client_total(exact, column),
            hidden,
            None if shown_total is not None else (PRIMARY if total == "<5" else COMPLEMENTARY),
        )
        if shown_total is not None and breakdown not in ("thematic_area",) and not column.startswith("organisations"):
            assert sum(true_values) == shown_total  # the column adds up, so subtraction is the reader's tool
        assert_safe(reader_column)


def exact_client_total(exact, column):
    return sum(row[column] for row in exact.values())


@pytest.mark.usefixtures("one_woman")
def test_screen_csv_and_xlsx_agree_cell_for_cell(staff_client):
    params = {"breakdown": "sex", "session": 2}
    screen = rendered_table(staff_client.get(URL, params))
    header, csv_rows = csv_table(staff_client.get(URL, {**params, "export": "csv"}))
    xlsx_header, xlsx_rows = xlsx_table(staff_client.get(URL, {**params, "export": "xlsx"}))
    assert csv_rows == screen
    assert xlsx_rows == screen
    assert "<5" in {cell for row in screen for cell in row}
    # The file says what it covers.
    for lines in (header, xlsx_header):
        labels = [line[0] for line in lines if line]
        assert {"Filters", "Period", "Exported on", "Small counts", "Staff reached"} <= set(labels)
        filters = next(line[1] for line in lines if line and line[0] == "Filters")
        assert "Session 2" in filters and "Sex" in filters
        exported = next(line[1] for line in lines if line and line[0] == "Exported on")
        assert exported == timezone.localdate().isoformat()

    # The logframe layout has the same values, one per indicator and category.
    _header, logframe = csv_table_logframe(staff_client.get(URL, {**params, "export": "csv", "layout": "logframe"}))
    by_cell = {(line[0], line[1]): line[3] for line in logframe}
    assert by_cell[("Staff reached", "Sex: Female")] == "<5"
    assert by_cell[("Staff trained", "All")] == screen[-1][3]
    assert {line[2] for line in logframe} == {"All dates"}


def csv_table_logframe(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(content)))
    start = next(i for i, line in enumerate(lines) if line == ["Indicator", "Breakdown", "Period", "Value", "Source"])
    return lines[:start], lines[start + 1 :]


@pytest.mark.usefixtures("one_woman")
def test_the_csv_keeps_cyrillic_for_excel(staff_client):
    response = staff_client.get(URL, {"breakdown": "thematic_area", "export": "csv"})
    content = b"".join(response.streaming_content)
    assert content[:3] == b"\xef\xbb\xbf"  # the byte-order mark Excel needs to read UTF-8
    assert "Гражданское участие" in content[3:].decode("utf-8")


def test_a_date_range_leaves_out_what_lies_outside_it(exact_client, session_course):
    course, lessons = session_course
    deliver(2, [{"name": f"January {n}", "email": f"jan{n}@example.org"} for n in range(3)], datetime.date(2026, 1, 15))
    deliver(2, [{"name": f"March {n}", "email": f"mar{n}@example.org"} for n in range(4)], datetime.date(2026, 3, 15))
    early, late = UserFactory(), UserFactory()
    Enrolment.objects.create(learner=early, course_key=course.translation_key)
    Enrolment.objects.create(learner=late, course_key=course.translation_key)
    Enrolment.objects.filter(learner=early).update(enrolled_at=timezone.make_aware(datetime.datetime(2025, 12, 1)))
    Enrolment.objects.filter(learner=late).update(enrolled_at=timezone.make_aware(datetime.datetime(2026, 3, 1)))
    Certificate.objects.create(learner=early, course_key=course.translation_key, learner_name="Early")
    Certificate.objects.filter(learner=early).update(issued_at=timezone.make_aware(datetime.datetime(2026, 1, 2)))

    assert exact_figures(exact_client)[0] == 3 + 4 + 2
    assert exact_figures(exact_client, start="2026-02-01", end="2026-04-30")[0] == 4 + 1
    assert exact_figures(exact_client, start="2026-01-01", end="2026-01-31")[0] == 3 + 1  # early's certificate
    response = exact_client.get(URL, {"start": "2026-02-01", "end": "2026-04-30", "unsuppressed": "on"})
    assert response.context["total"]["staff_certified"] == 0
    assert "2026-02-01 – 2026-04-30" in response.content.decode()


def test_a_learner_who_deletes_their_account_leaves_every_later_report(exact_client, session_course):
    course, lessons = session_course
    learner = UserFactory(email="leaving@example.org", profile__organisation=OrganisationFactory(name="Leaving CSO"))
    complete_session_online(learner, lessons)
    deliver(
        2, [{"name": "Leaving", "email": "leaving@example.org"}, {"name": "Staying", "email": "staying@example.org"}]
    )
    assert Participant.objects.get(email="leaving@example.org").learner == learner
    assert exact_figures(exact_client, session=2) == (2, 1, 2, 1)

    own = Client()
    own.force_login(learner)
    assert own.post("/en/accounts/delete/", {"password": PASSWORD}).status_code == 302
    assert not Participant.objects.filter(email="leaving@example.org").exists()
    assert exact_figures(exact_client, session=2) == (1, 0, 1, 0)
    assert exact_figures(exact_client) == (1, 0, 1, 0)


def test_small_counts_in_full_need_their_own_permission_and_every_view_is_logged(staff_client, exact_client, one_woman):
    # Without the permission the switch is ignored: still "<5", nothing logged.
    rows = rendered_table(staff_client.get(URL, {"breakdown": "sex", "unsuppressed": "on"}))
    assert rows[0][1] == "<5"
    assert not FigureDisclosure.objects.exists()

    rows = rendered_table(exact_client.get(URL, {"breakdown": "sex", "unsuppressed": "on"}))
    assert rows[0][1] == "1"
    exact_client.get(URL, {"breakdown": "sex", "unsuppressed": "on", "export": "csv"})
    logged = list(FigureDisclosure.objects.order_by("pk"))
    assert [entry.kind for entry in logged] == ["unsuppressed", "unsuppressed"]
    assert logged[1].detail.startswith("csv:") and "Sex" in logged[1].detail
    # The suppressed view is not logged.
    exact_client.get(URL, {"breakdown": "sex"})
    assert FigureDisclosure.objects.count() == 2

    # The log is read in the admin by those given its view permission, and by nobody else.
    log_url = "/admin/reports/disclosures/"
    assert exact_client.get(log_url).status_code in (302, 403)
    auditor = Client()
    auditor.force_login(staff_user("view_figuredisclosure"))
    page = auditor.get(log_url).content.decode()
    assert page.count("Unsuppressed figures") == 2 and "csv: Training session: All sessions" in page


def test_the_report_is_for_programme_staff_only(client):
    client.force_login(staff_user())
    assert client.get(URL).status_code in (302, 403)
    assert client.get(URL, {"export": "csv"}).status_code in (302, 403)
    assert URL not in client.get("/admin/").content.decode()


def test_illustrative_deliveries_are_flagged_on_screen_and_in_the_file(staff_client):
    deliver(1, [{"name": f"Example {n}"} for n in range(6)], is_illustrative=True)
    response = staff_client.get(URL)
    assert "illustrative demo delivery" in response.content.decode()
    header, _rows = csv_table(staff_client.get(URL, {"export": "csv"}))
    assert any(line and line[0] == "Warning" and "not real programme figures" in line[1] for line in header)


def report_queries(client, params):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, params)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("params", [{"breakdown": "sex"}, {"breakdown": "thematic_area", "export": "csv"}])
def test_the_report_takes_as_many_queries_for_many_people_as_for_few(staff_client, session_course, params):
    course, lessons = session_course

    def add_people(count, session):
        csos = [OrganisationFactory() for _n in range(3)]
        for n in range(count):
            complete_session_online(UserFactory(profile__organisation=csos[n % 3]), lessons)
        deliver(
            session,
            [
                {"name": f"P{n}", "email": f"p{session}-{n}@example.org", "organisation": csos[n % 3]}
                for n in range(count)
            ],
        )

    add_people(2, 1)
    staff_client.get(URL, params)  # the admin's first-request work (menus, sessions) out of the way
    few = report_queries(staff_client, params)
    add_people(25, 2)
    add_people(25, 3)
    assert report_queries(staff_client, params) == few
