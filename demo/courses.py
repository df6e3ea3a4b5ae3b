"""The demo course and its lessons (content/courses.toml), and the demo learners' progress."""

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import (
    CoursePage,
    CourseThematicArea,
    Enrolment,
    LessonPage,
    QuizAttempt,
    complete_lesson,
    enrol,
)

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
            summary=lesson.get("summary", ""),
            body=stream(lesson["body"]),
            quiz=quiz(lesson.get("quiz", [])),
        )
        translator.translate(page, CONTEXT, languages=lesson.get("translations"))


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
