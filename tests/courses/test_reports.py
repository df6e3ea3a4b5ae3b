"""The learning report in the admin: numbers match the records, exports match the page, staff only."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from courses.models import Certificate, Enrolment, QuizAttempt
from courses.reports import learning_rows

pytestmark = pytest.mark.django_db

REPORT_URL = "/admin/reports/learning/"


@pytest.fixture
def staff_client(client):
    user = get_user_model().objects.create_user(username="officer", password="x-long-password", is_staff=False)
    group = Group.objects.create(name="Programme staff")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_learning_reports"),
    )
    user.groups.add(group)
    client.force_login(user)
    return client


@pytest.fixture
def records(make_learner, course, lessons):
    """Three new learners: two at Sino (one finished), one with no organisation in Dushanbe."""
    done = make_learner("done@example.org")
    started = make_learner("started@example.org")
    other = make_learner("other@example.org", organisation="nope", region="dushanbe")
    now_key = course.translation_key
    from django.utils import timezone

    Enrolment.objects.create(learner=done, course_key=now_key, completed_at=timezone.now())
    Enrolment.objects.create(learner=started, course_key=now_key)
    Enrolment.objects.create(learner=other, course_key=now_key)
    Certificate.objects.create(learner=done, course_key=now_key, learner_name="Done")
    quiz = lessons[1]
    for learner, score in ((done, 50), (done, 100), (started, 25), (other, 75)):
        QuizAttempt.objects.create(
            learner=learner,
            course_key=now_key,
            lesson_key=quiz.translation_key,
            status="finished",
            score=score,
            passed=score >= 75,
        )
    return done, started, other


def test_report_numbers_match_the_records(records, course):
    demo = {e.learner_id for e in Enrolment.objects.exclude(learner__in=records)}
    rows = {row["group"]: row for row in learning_rows(course.translation_key, "organisation")}
    sino = rows['Public Organization "Sino"']
    # The demo learner1 is at Sino too and has not finished.
    assert sino["enrolments"] == 3
    assert sino["completed"] == 1
    assert sino["in_progress"] == 2
    assert rows["No organisation given"]["enrolments"] == 1
    assert rows["No organisation given"]["average_best_score"] == 75
    total = rows["All"]
    assert total["enrolments"] == Enrolment.objects.filter(course_key=course.translation_key).count() == 3 + len(demo)
    assert total["completed"] == Enrolment.objects.filter(completed_at__isnull=False).count()
    by_region = {row["group"]: row for row in learning_rows(None, "region")}
    assert by_region["Dushanbe"]["enrolments"] == 1
    assert by_region["All"]["enrolments"] == total["enrolments"]


def test_report_page_and_csv_export_show_the_same_numbers(staff_client, records, course):
    response = staff_client.get(REPORT_URL, {"course": str(course.translation_key)})
    assert response.status_code == 200
    html = response.content.decode()
    assert "learning-report-table" in html
    rows = {row["group"]: row for row in response.context["rows"]}
    response = staff_client.get(REPORT_URL, {"course": str(course.translation_key), "export": "csv"})
    assert response.status_code == 200
    exported = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert exported[-1]["Organisation or region"] == "All"
    for line in exported[:-1]:
        row = rows[line["Organisation or region"]]
        assert int(line["Enrolments"]) == row["enrolments"]
        assert int(line["Completed"]) == row["completed"]
        assert int(line["In progress"]) == row["in_progress"]
        assert line["Completion rate (%)"] == str(row["completion_rate"])
    xlsx = staff_client.get(REPORT_URL, {"export": "xlsx", "group_by": "region"})
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_report_is_refused_without_the_permission(client):
    user = get_user_model().objects.create_user(username="editor2", password="x-long-password")
    group = Group.objects.create(name="Editors only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    response = client.get(REPORT_URL)
    assert response.status_code in (302, 403)
    assert "learning-report-table" not in response.content.decode()
