from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import credentials, learning_state
from .models import (
    Certificate,
    CoursePage,
    Enrolment,
    LessonCompletion,
    LessonPage,
    QuizAttempt,
    RevokedStatusIndex,
    claim_participations,
    complete_finished_enrolments,
)


def claim_participations_of_new_account(sender, instance, created, **kwargs):
    """A person who attended in the room and then signs up with the same email gets their attendance."""
    if created:
        claim_participations(instance)


def issue_credential_on_completion(sender, instance, created, **kwargs):
    """A new certificate gets its Open Badges credential once the completion is committed, described
    in the language the learner was reading."""
    if created:
        language = get_language() or "en"
        transaction.on_commit(lambda: credentials.issue_quietly(instance.pk, language), robust=True)


def keep_revocation_of_deleted_certificate(sender, instance, **kwargs):
    """Deleting an account deletes its certificates: a revoked one's bit stays set in the status list."""
    if instance.is_revoked:
        RevokedStatusIndex.objects.get_or_create(index=instance.pk)


class CompleteFinishedEnrolments:
    """Complete one course's finished enrolments once the editor's change is committed, never inside it:
    a failure there cannot undo or break the change. Deleting or unpublishing several of a course's
    lessons in one transaction asks several times: they share one batch, and the first to run does it."""

    def __init__(self, course_key, batch=None):
        self.course_key = course_key
        self.batch = batch if batch is not None else {"done": False}

    def __call__(self):
        if self.batch["done"]:
            return
        self.batch["done"] = True
        complete_finished_enrolments(self.course_key)


def complete_finished_enrolments_after_commit(course_key):
    pending = transaction.get_connection().run_on_commit
    batch = next(
        (
            func.batch
            for _sids, func, _robust in pending
            if isinstance(func, CompleteFinishedEnrolments) and func.course_key == course_key and not func.batch["done"]
        ),
        None,
    )
    transaction.on_commit(CompleteFinishedEnrolments(course_key, batch), robust=True)


def course_key_above(lesson):
    course = CoursePage.objects.filter(path=lesson.path[: -Page.steplen])
    return course.values_list("translation_key", flat=True).first()


def lessons_left_course(sender, instance, **kwargs):
    """A lesson unpublished (by an editor, by its expiry, or as it is deleted) or a translation of the
    course unpublished: learners who have completed every lesson the course still has complete it now,
    not when they next read a page (a GET writes nothing)."""
    if isinstance(instance, LessonPage):
        key = course_key_above(instance)
        if key is not None:
            complete_finished_enrolments_after_commit(key)
    elif isinstance(instance, CoursePage):
        complete_finished_enrolments_after_commit(instance.translation_key)


def lesson_moved(sender, instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """A live lesson moved out of its course is gone from it as if unpublished there."""
    if parent_page_before is None or parent_page_before == parent_page_after or not instance.live:
        return
    if issubclass(instance.specific_class, LessonPage) and issubclass(parent_page_before.specific_class, CoursePage):
        complete_finished_enrolments_after_commit(parent_page_before.translation_key)


def connect():
    pre_delete.connect(
        keep_revocation_of_deleted_certificate, sender=Certificate, dispatch_uid="courses-keep-revocation"
    )
    post_save.connect(issue_credential_on_completion, sender=Certificate, dispatch_uid="courses-issue-credential")
    post_save.connect(
        claim_participations_of_new_account, sender=get_user_model(), dispatch_uid="courses-claim-participations"
    )
    page_unpublished.connect(lessons_left_course, dispatch_uid="courses-complete-after-unpublish")
    # A course published again after lessons left it while it was not live (nobody could complete it then).
    page_published.connect(lessons_left_course, sender=CoursePage, dispatch_uid="courses-complete-after-publish")
    post_page_move.connect(lesson_moved, dispatch_uid="courses-complete-after-move")
    # Every saved or deleted row of a learner's progress makes their kept state stale (learning_state).
    for model in (Enrolment, LessonCompletion, QuizAttempt, Certificate):
        for signal in (post_save, post_delete):
            signal.connect(learning_state.row_changed, sender=model, dispatch_uid=f"learning-state-{model.__name__}")
