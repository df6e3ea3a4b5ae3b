"""The programme's indicators: unique staff and organisations reached, trained and certified, online and in person.

Everything counts people, not records: a person is their account when they have one (so someone who
attended in the room and also took the course online counts once), else their participant record,
merged with other records of the same email or phone. Only aggregate counts leave this module; the
report hides small ones (courses.suppression).
"""

import datetime
from dataclasses import dataclass, field
from operator import itemgetter

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from home.collation import sorted_by_name
from home.models import Organisation, Region, Sex, ThematicArea

from .models import (
    Certificate,
    CoursePage,
    CourseThematicArea,
    Delivery,
    Enrolment,
    LessonCompletion,
    LessonPage,
    Participant,
    QuizAttempt,
)

NOT_GIVEN = ""

BREAKDOWNS = {
    "sex": _("Sex"),
    "region": _("Region"),
    "organisation_type": _("Type of organisation"),
    "thematic_area": _("Thematic area"),
}

# (column, heading, definition): the order of the report's columns.
INDICATORS = [
    (
        "staff_reached",
        _("Staff reached"),
        _(
            "People who enrolled in a course online, attended an in-person delivery, or were trained or certified "
            "in the period, each counted once."
        ),
    ),
    (
        "organisations_reached",
        _("Organisations reached"),
        _("Organisations with at least one of the staff reached, each counted once."),
    ),
    (
        "staff_trained",
        _("Staff trained"),
        _(
            "People who completed a session in the period: every lesson of the session online, or the whole "
            "in-person delivery. Without a session chosen, completing a course online also counts."
        ),
    ),
    (
        "organisations_trained",
        _("Organisations trained"),
        _("Organisations with at least one of the staff trained, each counted once."),
    ),
    (
        "staff_certified",
        _("Staff certified"),
        _("People given a course certificate in the period (certificates are given online only)."),
    ),
    (
        "organisations_certified",
        _("Organisations certified"),
        _("Organisations with at least one of the staff certified, each counted once."),
    ),
]
COUNT_COLUMNS = [column for column, _heading, _definition in INDICATORS]
AVERAGE_DEFINITION = _(
    "For each person reached who has a score: the mean of their best online score in each quiz and their "
    "paper quiz scores; then the mean of those per-person figures. Every person weighs the same, whatever "
    "their number of quizzes."
)


@dataclass
class Filters:
    session: int | None = None
    course_key: object = None
    start: datetime.date | None = None
    end: datetime.date | None = None
    breakdown: str = "sex"

    def includes(self, moment):
        """Whether a date or a datetime falls in the period (both ends included)."""
        if moment is None:
            return False
        day = timezone.localdate(moment) if isinstance(moment, datetime.datetime) else moment
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


@dataclass
class Person:
    sex: str = NOT_GIVEN
    region: str = NOT_GIVEN
    organisation_type: str = NOT_GIVEN
    # column -> set of (organisation id or None, thematic area slugs) for each event that counts
    events: dict = field(default_factory=dict)
    scores: list = field(default_factory=list)

    def add(self, column, organisation_id, areas):
        """Count an event; whoever is trained or certified in the period was reached in it too."""
        for name in {column, "reached"}:
            self.events.setdefault(name, []).append((organisation_id, frozenset(areas)))


def course_sessions():
    """{course translation key: {session number: {lesson translation keys}}}, from the live lessons."""
    courses = dict(CoursePage.objects.values_list("path", "translation_key"))
    sessions = {key: {} for key in courses.values()}
    lessons = LessonPage.objects.live().values_list("path", "translation_key", "session_number")
    for path, lesson_key, number in lessons:
        course_key = courses.get(path[: -LessonPage.steplen])
        if course_key is not None:
            sessions[course_key].setdefault(number, set()).add(lesson_key)
    return sessions


def course_areas():
    """{course translation key: {thematic area slugs}} (the slug is the same in every language)."""
    areas = {}
    for key, slug in CourseThematicArea.objects.values_list("page__translation_key", "thematic_area__slug"):
        areas.setdefault(key, set()).add(slug)
    return areas


class IndicatorData:
    """The people behind the figures for one set of filters."""

    def __init__(self, filters):
        self.filters = filters
        self.people = {}
        self.illustrative_deliveries = 0
        sessions = course_sessions()
        areas = course_areas()
        if filters.course_key:
            sessions = {key: value for key, value in sessions.items() if key == filters.course_key}
        if filters.session:
            sessions = {key: value for key, value in sessions.items() if filters.session in value}
        self.course_keys = set(sessions)
        self.sessions = sessions
        self.areas = areas
        self.profiles = {}
        self._online()
        self._in_person()

    # --- who people are -----------------------------------------------------------------------------

    def _learner(self, user_id):
        key = f"u{user_id}"
        person = self.people.get(key)
        if person is None:
            person = self.people[key] = Person()
            profile = self.profiles.get(user_id)
            if profile is not None:
                organisation = profile.organisation
                person.sex = profile.sex
                person.region = profile.region or (organisation.region if organisation else NOT_GIVEN)
                person.organisation_type = organisation.type if organisation else NOT_GIVEN
        return person

    def _load_profiles(self, user_ids):
        from home.models import MemberProfile

        missing = set(user_ids) - set(self.profiles)
        for profile in MemberProfile.objects.filter(user_id__in=missing).select_related("organisation"):
            self.profiles[profile.user_id] = profile

    def _organisation_of(self, user_id):
        profile = self.profiles.get(user_id)
        return profile.organisation_id if profile else None

    # --- online -------------------------------------------------------------------------------------

    def _online(self):
        filters = self.filters
        keys = self.course_keys
        enrolments = list(
            Enrolment.objects.filter(course_key__in=keys).values(
                "learner_id", "course_key", "enrolled_at", "completed_at"
            )
        )
        certificates = list(
            Certificate.objects.filter(course_key__in=keys).values("learner_id", "course_key", "issued_at")
        )
        completions = {}
        for learner_id, course_key, lesson_key, completed_at in LessonCompletion.objects.filter(
            course_key__in=keys
        ).values_list("learner_id", "course_key", "lesson_key", "completed_at"):
            completions.setdefault((learner_id, course_key), {})[lesson_key] = completed_at
        self._load_profiles({row["learner_id"] for row in enrolments} | {row["learner_id"] for row in certificates})

        for row in enrolments:
            learner_id, course_key = row["learner_id"], row["course_key"]
            areas = self.areas.get(course_key, set())
            organisation_id = self._organisation_of(learner_id)
            if filters.includes(row["enrolled_at"]):
                self._learner(learner_id).add("reached", organisation_id, areas)
            if any(
                filters.includes(day)
                for day in self._trained_on(
                    course_key, completions.get((learner_id, course_key), {}), row["completed_at"]
                )
            ):
                self._learner(learner_id).add("trained", organisation_id, areas)
        for row in certificates:
            if filters.includes(row["issued_at"]):
                learner_id = row["learner_id"]
                self._learner(learner_id).add(
                    "certified", self._organisation_of(learner_id), self.areas.get(row["course_key"], set())
                )

        # Each learner's best score in each quiz, finished in the period, in the courses in scope.
        best = (
            QuizAttempt.objects.filter(course_key__in=keys, status=QuizAttempt.Status.FINISHED)
            .values("learner_id", "course_key", "lesson_key")
            .annotate(best=Max("score"), last=Max("finished_at"))
        )
        for row in best:
            if not filters.includes(row["last"]):
                continue
            if filters.session and row["lesson_key"] not in self.sessions[row["course_key"]].get(filters.session, ()):
                continue
            key = f"u{row['learner_id']}"
            if key in self.people:
                self.people[key].scores.append(row["best"])

    def _trained_on(self, course_key, completed, course_completed_at):
        """The days on which a learner finished a session of the course (and the course itself)."""
        sessions = self.sessions.get(course_key, {})
        numbers = [self.filters.session] if self.filters.session else [n for n in sessions if n is not None]
        days = []
        for number in numbers:
            lessons = sessions.get(number, set())
            if lessons and lessons <= set(completed):
                days.append(max(completed[lesson] for lesson in lessons))
        if not self.filters.session and course_completed_at:
            days.append(course_completed_at)
        return days

    # --- in person ----------------------------------------------------------------------------------

    def _in_person(self):
        filters = self.filters
        deliveries = Delivery.objects.all()
        if filters.session:
            deliveries = deliveries.filter(session_number=filters.session)
        if filters.course_key:
            covered = {number for number in self.sessions.get(filters.course_key, {}) if number}
            deliveries = deliveries.filter(session_number__in=covered)
        if filters.start:
            deliveries = deliveries.filter(starts_on__gte=filters.start)
        if filters.end:
            deliveries = deliveries.filter(starts_on__lte=filters.end)
        session_areas = {}
        for course_key, sessions in self.sessions.items():
            for number in sessions:
                session_areas.setdefault(number, set()).update(self.areas.get(course_key, set()))
        participants = list(
            Participant.objects.filter(delivery__in=deliveries).select_related("delivery", "organisation")
        )
        self.illustrative_deliveries = len({p.delivery_id for p in participants if p.delivery.is_illustrative})
        self._load_profiles({p.learner_id for p in participants if p.learner_id})
        for participant in participants:
            organisation = participant.organisation
            if participant.learner_id:
                person = self._learner(participant.learner_id)
                organisation_id = participant.organisation_id or self._organisation_of(participant.learner_id)
                if not person.sex:
                    person.sex = participant.sex
            else:
                person = self._light_person(participant)
                organisation_id = participant.organisation_id
            areas = session_areas.get(participant.delivery.session_number, set())
            person.add("reached", organisation_id, areas)
            if participant.completed:
                person.add("trained", organisation_id, areas)
            if participant.paper_score is not None:
                person.scores.append(participant.paper_score)
            if organisation is not None and not person.organisation_type:
                person.organisation_type = organisation.type

    def _light_person(self, participant):
        if participant.email:
            key = f"e:{participant.email}"
        elif participant.phone:
            key = f"t:{participant.phone}"
        else:
            key = f"p{participant.pk}"
        person = self.people.get(key)
        if person is None:
            organisation = participant.organisation
            person = self.people[key] = Person(
                sex=participant.sex,
                region=(organisation.region if organisation else "") or participant.delivery.region,
                organisation_type=organisation.type if organisation else NOT_GIVEN,
            )
        return person


def categories(breakdown):
    """[(key, label)] of a breakdown, the "not given" one last."""
    if breakdown == "sex":
        return [*Sex.choices, (NOT_GIVEN, _("Not given"))]
    if breakdown == "region":
        return [*Region.choices, (NOT_GIVEN, _("Not given"))]
    if breakdown == "organisation_type":
        return [*Organisation.Type.choices, (NOT_GIVEN, _("No organisation given"))]
    areas = {}
    language = (get_language() or "en").split("-")[0]
    for area in ThematicArea.objects.select_related("locale"):
        if area.slug not in areas or area.locale.language_code == language:
            areas[area.slug] = area.name
    return [*sorted_by_name(areas.items(), key=itemgetter(1)), (NOT_GIVEN, _("No thematic area"))]


def _organisation_attributes(organisation_ids):
    return {
        pk: {"region": region, "organisation_type": kind}
        for pk, region, kind in Organisation.objects.filter(pk__in=organisation_ids).values_list("pk", "region", "type")
    }


def indicator_table(filters):
    """(rows, total, data): one row per category of the breakdown with every indicator and average, and the total.

    Rows are dicts: key, label, one count per indicator column, `scored` (people with a score) and
    `average_score` (see AVERAGE_DEFINITION).
    """
    data = IndicatorData(filters)
    breakdown = filters.breakdown
    organisation_ids = {
        organisation_id
        for person in data.people.values()
        for events in person.events.values()
        for organisation_id, _areas in events
        if organisation_id
    }
    organisations = _organisation_attributes(organisation_ids)
    rows = [_new_row(key, label) for key, label in categories(breakdown)]
    by_key = {row["key"]: row for row in rows}
    total = _new_row(None, _("All"))
    for person_key, person in data.people.items():
        for event, events in person.events.items():
            for key in _person_categories(person, breakdown, events):
                by_key.get(key, by_key[NOT_GIVEN])[f"staff_{event}"].add(person_key)
            total[f"staff_{event}"].add(person_key)
            for organisation_id, areas in events:
                if organisation_id is None:
                    continue
                total[f"organisations_{event}"].add(organisation_id)
                for key in _organisation_categories(person, breakdown, organisations[organisation_id], areas):
                    by_key.get(key, by_key[NOT_GIVEN])[f"organisations_{event}"].add(organisation_id)
        if person.scores and "reached" in person.events:
            average = sum(person.scores) / len(person.scores)
            total["scores"].append(average)
            for key in _person_categories(person, breakdown, person.events["reached"]):
                by_key.get(key, by_key[NOT_GIVEN])["scores"].append(average)
    for row in [*rows, total]:
        _finish_row(row)
    return rows, total, data


def _person_categories(person, breakdown, events):
    if breakdown == "thematic_area":
        areas = set().union(*(areas for _organisation, areas in events))
        return areas or {NOT_GIVEN}
    return {getattr(person, breakdown)}


def _organisation_categories(person, breakdown, organisation, areas):
    if breakdown == "sex":
        return {person.sex}
    if breakdown == "thematic_area":
        return areas or {NOT_GIVEN}
    return {organisation[breakdown] or NOT_GIVEN}


def _new_row(key, label):
    row = {"key": key, "label": label, "scores": []}
    for column in COUNT_COLUMNS:
        row[column] = set()
    return row


def _finish_row(row):
    for column in COUNT_COLUMNS:
        row[column] = len(row[column])
    scores = row.pop("scores")
    row["scored"] = len(scores)
    row["average_score"] = round(sum(scores) / len(scores)) if scores else None
