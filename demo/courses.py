"""The demo course and its lessons (content/courses.toml), and the demo learners' progress."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import (
    CoursePage,
    CourseThematicArea,
    Delivery,
    Enrolment,
    LessonPage,
    Participant,
    QuizAttempt,
    complete_lesson,
    enrol,
)
from home.models import Organisation

from .blocks import quiz, stream
from .data import read_content
from .directory import thematic_areas
from .pages import child_page, section

CONTEXT = "courses"  # msgctxt of the texts the course translates differently from the rest of the site


def load_course(home, translator):
    data = read_content("courses")
    spec = data["course"]
    course = child_page(
        section(home, "courses"),
        CoursePage,
        spec["slug"],
        title=spec["title"],
        summary=spec["summary"],
        level=spec["level"],
        estimated_hours=spec["estimated_hours"],
        body=stream(spec["body"]),
        thematic_area_links=[
            CourseThematicArea(thematic_area=area, sort_order=order)
            for order, area in enumerate(thematic_areas(spec["thematic_areas"]))
        ],
    )
    translator.translate(course, CONTEXT)
    for lesson in data["lessons"]:
        page = child_page(
            course,
            LessonPage,
            lesson["slug"],
            title=lesson["title"],
            module=lesson["module"],
            session_number=lesson.get("session"),
            summary=lesson.get("summary", ""),
            body=stream(lesson["body"]),
            quiz=quiz(lesson.get("quiz", [])),
        )
        translator.translate(page, CONTEXT)


def load_progress(home, translator):
    """Each demo learner's completed lessons and quiz attempts, once (a learner already enrolled is skipped)."""
    data = read_content("courses")
    course = section(home, "courses").get_children().get(slug=data["course"]["slug"]).specific
    lessons = course.lessons()
    first_quiz = next(lesson for lesson in lessons if lesson.has_quiz)
    User = get_user_model()
    for spec in data["progress"]:
        learner = User.objects.get(username=spec["learner"])
        if Enrolment.objects.filter(learner=learner, course_key=course.translation_key).exists():
            continue
        enrol(learner, course)
        for lesson in lessons[: spec["lessons_completed"]]:
            if lesson.has_quiz:
                _finished_attempt(learner, course, lesson, passed=True)
            complete_lesson(learner, lesson)
        for _attempt in range(spec["failed_attempts_at_first_quiz"]):
            _finished_attempt(learner, course, first_quiz, passed=False)


def _finished_attempt(learner, course, lesson, passed):
    answers = {}
    for question_id, _question, choices in lesson.ordered_questions():
        correct = [choice_id for choice_id, choice in choices if choice["is_correct"]]
        wrong = [choice_id for choice_id, choice in choices if not choice["is_correct"]]
        answers[question_id] = correct if passed or not wrong else wrong[:1]
    score, _results = lesson.score(answers)
    QuizAttempt.objects.create(
        learner=learner,
        course_key=course.translation_key,
        lesson_key=lesson.translation_key,
        status=QuizAttempt.Status.FINISHED,
        answers=answers,
        score=score,
        passed=score >= lesson.pass_mark,
        finished_at=timezone.now(),
    )


def load_deliveries(home, translator):
    """The illustrative in-person deliveries (content/deliveries.toml), once: marked as made up, never real figures."""
    if Delivery.objects.filter(is_illustrative=True).exists():
        return
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    for spec in read_content("deliveries")["deliveries"]:
        delivery = Delivery.objects.create(
            session_number=spec["session"],
            starts_on=spec["starts_on"],
            ends_on=spec["ends_on"],
            location=spec["location"],
            region=spec["region"],
            trainer=spec["trainer"],
            is_illustrative=True,
        )
        emails = spec["learners"]
        for number in range(spec["participants"]):
            Participant.objects.create(
                delivery=delivery,
                sort_order=number,
                name=f"Example participant {spec['session']}-{number + 1:02d}",
                email=emails[number] if number < len(emails) else "",
                organisation=organisations[spec["organisations"][number % len(spec["organisations"])]],
                sex=spec["sexes"][number % len(spec["sexes"])],
                completed=number % 7 != 6,
                paper_score=55 + (number * 13) % 45,
            )
