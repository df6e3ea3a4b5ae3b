"""Saving a learner's progress: idempotent, and safe when two requests race."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import Certificate, CoursePage, CourseProgress, Enrolment, LessonCompletion, LessonPage, QuizAttempt


class QuizRefused(Exception):
    """A quiz submission that is refused; the message is shown to the learner."""


def enrol(user, course):
    enrolment, _created = _get_or_create(Enrolment, learner=user, course_key=course.translation_key)
    return enrolment


def _get_or_create(model, defaults=None, **lookup):
    """get_or_create that survives two requests inserting the same row at the same moment."""
    try:
        with transaction.atomic():
            return model.objects.get_or_create(defaults=defaults, **lookup)
    except IntegrityError:
        return model.objects.get(**lookup), False


def complete_lesson(user, lesson):
    """Record the lesson as complete; issue the certificate when it is the course's last one."""
    course = lesson.get_parent().specific
    enrolment = enrol(user, course)
    _get_or_create(
        LessonCompletion,
        learner=user,
        lesson_key=lesson.translation_key,
        defaults={"course_key": course.translation_key},
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_lesson_key=lesson.translation_key, last_activity_at=timezone.now()
    )
    lessons = course.lessons()
    progress = CourseProgress.for_user(user, course, lessons)
    if progress.total and progress.done == progress.total and not enrolment.completed_at:
        Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(completed_at=timezone.now())
        name = user.get_full_name() or user.get_username()
        _get_or_create(Certificate, learner=user, course_key=course.translation_key, defaults={"learner_name": name})
    return progress


def finished_attempts(user, lesson):
    return QuizAttempt.objects.filter(
        learner=user, lesson_key=lesson.translation_key, status=QuizAttempt.Status.FINISHED
    )


def attempts_left(user, lesson):
    if not lesson.max_attempts:
        return None
    return max(0, lesson.max_attempts - finished_attempts(user, lesson).count())


def open_attempt(user, lesson, course_key=None):
    """The learner's attempt in progress at this quiz (one, whatever the number of tabs), or None."""
    if attempts_left(user, lesson) == 0:
        return None
    course_key = course_key or lesson.get_parent().translation_key
    attempt, _created = _get_or_create(
        QuizAttempt,
        learner=user,
        lesson_key=lesson.translation_key,
        status=QuizAttempt.Status.OPEN,
        defaults={"course_key": course_key},
    )
    return attempt


def submit_attempt(user, attempt_pk, data):
    """Score a submitted quiz. Raises QuizRefused (changing nothing) for anything but a clean submission.

    ``data`` is the POST: only ``q-<question id>`` keys whose values are choices of that question.
    """
    with transaction.atomic():
        attempt = QuizAttempt.objects.select_for_update().filter(pk=attempt_pk, learner=user).first()
        if attempt is None:
            raise LookupError(attempt_pk)
        if attempt.status != QuizAttempt.Status.OPEN:
            raise QuizRefused(_("This attempt has already been submitted. Your answers were not changed."))
        lesson = LessonPage.objects.live().filter(translation_key=attempt.lesson_key).select_related("locale").first()
        if lesson is None:
            raise LookupError(attempt_pk)
        questions = {qid: {cid for cid, _c in choices} for qid, _q, choices in lesson.ordered_questions()}
        kinds = {qid: question["kind"] for qid, question, _c in lesson.ordered_questions()}
        answers = {}
        for key in data:
            if key == "csrfmiddlewaretoken":
                continue
            if not key.startswith("q-") or key[2:] not in questions:
                raise QuizRefused(_("The form sent something that is not part of this quiz. Nothing was saved."))
            qid = key[2:]
            chosen = data.getlist(key)
            if not set(chosen) <= questions[qid] or len(set(chosen)) != len(chosen):
                raise QuizRefused(_("An answer does not belong to its question. Nothing was saved."))
            if kinds[qid] != "multiple" and len(chosen) > 1:
                raise QuizRefused(_("Choose only one answer for each single-choice question. Nothing was saved."))
            answers[qid] = chosen
        missing = [qid for qid in questions if qid not in answers]
        if missing:
            raise QuizRefused(_("Please answer every question before you submit."))
        percent, _results = lesson.score(answers)
        attempt.answers = answers
        attempt.score = percent
        attempt.passed = percent >= lesson.pass_mark
        attempt.status = QuizAttempt.Status.FINISHED
        attempt.finished_at = timezone.now()
        attempt.save()
    if attempt.passed:
        complete_lesson(user, lesson)
    return attempt


def lesson_context(request, lesson):
    """What a lesson page shows: course, neighbours, progress and, for enrolled learners, the quiz."""
    course = CoursePage.objects.get(path=lesson.path[: -Page.steplen])
    lessons = course.lessons()
    index = next(i for i, item in enumerate(lessons) if item.pk == lesson.pk) if lesson in lessons else 0
    context = {
        "course": course,
        "previous_lesson": lessons[index - 1] if index > 0 else None,
        "next_lesson": lessons[index + 1] if index + 1 < len(lessons) else None,
        "lesson_number": index + 1,
        "lesson_total": len(lessons),
    }
    user = request.user
    progress = CourseProgress.for_user(user, course, lessons)
    context["progress"] = progress
    context["is_complete"] = bool(progress and lesson.translation_key in progress.completed_keys)
    if progress and request.method == "GET" and progress.enrolment.last_lesson_key != lesson.translation_key:
        Enrolment.objects.filter(pk=progress.enrolment.pk).update(
            last_lesson_key=lesson.translation_key, last_activity_at=timezone.now()
        )
    if progress and lesson.has_quiz:
        attempts = list(QuizAttempt.objects.filter(learner=user, lesson_key=lesson.translation_key))
        finished = [a for a in attempts if a.status == QuizAttempt.Status.FINISHED]
        context["attempts"] = finished
        context["best_score"] = max((a.score for a in finished), default=None)
        left = max(0, lesson.max_attempts - len(finished)) if lesson.max_attempts else None
        attempt = next((a for a in attempts if a.status == QuizAttempt.Status.OPEN), None)
        if attempt is None and left != 0:
            attempt = open_attempt(user, lesson, course.translation_key)
        context["attempt"] = attempt
        context["attempts_left"] = left
        if attempt:
            context["quiz_questions"] = lesson.ordered_questions(attempt.seed)
    return context
