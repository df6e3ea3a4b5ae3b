"""The learning report in the admin: numbers match the records, exports match the page, staff only."""

import csv
import io
import uuid

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from courses.models import Certificate, Enrolment, QuizAttempt
from tests.factories import CoursePageFactory, UserFactory

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/learning/"


def user_with_permissions(*codenames):
    group = Group.objects.create(name=f"Report test group {'-'.join(codenames)}")
    group.permissions.add(*Permission.objects.filter(codename__in=codenames))
    return UserFactory(groups=[group.name])


@pytest.fixture
def staff_client(client):
    client.force_login(user_with_permissions("access_admin", "view_learning_reports"))
    return client


@pytest.fixture
def records(course, lessons, sino):
    """Three learners of the course: two at Sino in Khatlon (one finished), one with no organisation in Dushanbe.

    One of the Sino learners is also enrolled in another course, which the course filter leaves out.
    """
    done = UserFactory(email="done@example.org", profile__organisation=sino, profile__region="khatlon")
    started = UserFactory(email="started@example.org", profile__organisation=sino, profile__region="khatlon")
    alone = UserFactory(email="alone@example.org", profile__organisation=None, profile__region="dushanbe")
    key = course.translation_key
    Enrolment.objects.create(learner=done, course_key=key, completed_at=timezone.now())
    Enrolment.objects.create(learner=started, course_key=key)
    Enrolment.objects.create(learner=alone, course_key=key)
    Enrolment.objects.create(learner=started, course_key=CoursePageFactory(title="Budget monitoring").translation_key)
    Certificate.objects.create(learner=done, course_key=key, learner_name="Done")
    for learner, score in ((done, 50), (done, 100), (started, 40), (alone, 75)):
        QuizAttempt.objects.create(
            learner=learner,
            course_key=key,
            lesson_key=lessons[1].translation_key,
            status=QuizAttempt.Status.FINISHED,
            score=score,
            passed=score >= 70,
        )
    return done, started, alone


def report_rows(response):
    return {row["group"]: row for row in [*response.context["rows"], response.context["total"]]}


@pytest.mark.usefixtures("records")
def test_report_numbers_match_the_records(staff_client, course):
    response = staff_client.get(REPORT_URL, {"course": str(course.translation_key)})
    assert response.status_code == 200
    assert response.context["selected_course"] == course
    rows = report_rows(response)
    assert list(rows) == ['Public Organization "Sino"', "No organisation given", "All"]
    sino = rows['Public Organization "Sino"']
    assert (sino["learner_count"], sino["enrolments"], sino["completed"], sino["in_progress"]) == (2, 2, 1, 1)
    assert sino["completion_rate"] == 50
    assert sino["average_best_score"] == 70  # the best of each learner's attempts: 100 and 40
    alone = rows["No organisation given"]
    assert (alone["enrolments"], alone["completed"], alone["average_best_score"]) == (1, 0, 75)
    total = rows["All"]
    assert (total["learner_count"], total["enrolments"], total["completed"], total["in_progress"]) == (3, 3, 1, 2)
    assert total["organisations_completed"] == 1
    assert "1 of 3 enrolments completed, by staff of 1 organisations." in response.content.decode()

    # Every course, by region: the second course's enrolment counts too.
    rows = report_rows(staff_client.get(REPORT_URL, {"group_by": "region"}))
    assert rows["Khatlon region"]["enrolments"] == 3
    assert rows["Dushanbe"]["enrolments"] == 1
    assert rows["All"]["enrolments"] == Enrolment.objects.count() == 4
    assert rows["All"]["learner_count"] == 3


@pytest.mark.usefixtures("records")
def test_report_page_and_exports_show_the_same_numbers(staff_client, course):
    query = {"course": str(course.translation_key)}
    response = staff_client.get(REPORT_URL, query)
    assert 'id="learning-report-table"' in response.content.decode()
    rows = report_rows(response)

    response = staff_client.get(REPORT_URL, {**query, "export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(b"\xef\xbb\xbf")  # the byte-order mark: Excel keeps the Cyrillic
    lines = content.decode("utf-8-sig").splitlines()
    header = list(csv.reader(lines[: lines.index("")]))
    assert ["Filters", "Course: Engaging government; Break down by: Organisation"] in header
    assert any(line[0] == "Average best quiz score (%)" and "Per learner" in line[1] for line in header)
    exported = list(csv.DictReader(io.StringIO("\n".join(lines[lines.index("") + 1 :]))))
    assert [line["Organisation or region"] for line in exported] == list(rows)
    for line in exported:
        row = rows[line["Organisation or region"]]
        assert int(line["Learners"]) == row["learner_count"]
        assert int(line["Enrolments"]) == row["enrolments"]
        assert int(line["Completed"]) == row["completed"]
        assert int(line["In progress"]) == row["in_progress"]
        assert line["Completion rate (%)"] == str(row["completion_rate"])
        assert line["Average best quiz score (%)"] == str(row["average_best_score"])

    response = staff_client.get(REPORT_URL, {**query, "export": "xlsx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    content = response.content if not response.streaming else b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(content)).active
    everything = list(sheet.iter_rows(values_only=True))
    start = next(i for i, line in enumerate(everything) if line[0] == "Organisation or region")
    assert everything[1][0] == "Filters"
    heading, *lines = everything[start:]
    assert heading[:3] == ("Organisation or region", "Learners", "Enrolments")
    assert [line[0] for line in lines] == list(rows)
    for line in lines:
        row = rows[line[0]]
        assert list(line[1:6]) == [
            row["learner_count"],
            row["enrolments"],
            row["in_progress"],
            row["completed"],
            row["completion_rate"],
        ]


def test_report_is_refused_without_the_permission(client):
    client.force_login(user_with_permissions("access_admin"))
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert "learning-report-table" not in response.content.decode()
    assert REPORT_URL not in client.get("/admin/").content.decode()
    assert client.get(REPORT_URL, {"export": "csv"}).status_code in (302, 403)


def test_report_is_in_the_admin_menu_for_programme_staff(staff_client):
    assert REPORT_URL in staff_client.get("/admin/").content.decode()


def test_average_best_score_is_per_learner_in_the_rows_and_in_the_total(staff_client, course, sino):
    """One learner with three quizzes at 100 and one with a single 0: 50 for both, not 75 in the total."""
    keen = UserFactory(profile__organisation=sino)
    other = UserFactory(profile__organisation=None)
    key = course.translation_key
    for learner, scores in ((keen, [100, 100, 100]), (other, [0])):
        Enrolment.objects.create(learner=learner, course_key=key)
        for score in scores:
            QuizAttempt.objects.create(
                learner=learner,
                course_key=key,
                lesson_key=uuid.uuid4(),
                status=QuizAttempt.Status.FINISHED,
                score=score,
                passed=score >= 70,
            )
    rows = report_rows(staff_client.get(REPORT_URL, {"course": str(key)}))
    assert rows['Public Organization "Sino"']["average_best_score"] == 100
    assert rows["No organisation given"]["average_best_score"] == 0
    assert rows["All"]["average_best_score"] == 50
