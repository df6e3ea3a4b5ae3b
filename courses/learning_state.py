"""A learner's progress as their own pages show it (enrolments with their completed lessons, finished quiz
attempts, certificates), kept in the cache under a version of the learner's own that every write bumps.

Read with the signed-in user, in the same cache call (accounts.cached_user.ALSO), so a signed-in lesson or
My learning asks the database nothing when the learner has not changed anything since. Every write to these
rows bumps the version: the models' save and delete (signals), and the bulk updates in courses.models and
courses.credentials (``changed``), now and once more when committed.
"""

from accounts import cached_user


def keys(user_id):
    """(version key, entry key): the entry key carries the format's number, changed with LearningState's fields
    (as accounts.cached_user.user_keys)."""
    return f"learning:v:{user_id}", f"learning:2:{user_id}"


class LearningState:
    def __init__(self, enrolments, attempts, certificates):
        self.enrolments = enrolments  # latest activity first, each with completed_keys (courses.models.enrolments_of)
        self.attempts = attempts  # finished quiz attempts, latest first
        self.certificates = certificates  # latest issued first

    def enrolment(self, course_key):
        return next((e for e in self.enrolments if e.course_key == course_key), None)

    def attempts_at(self, lesson_key):
        return [attempt for attempt in self.attempts if attempt.lesson_key == lesson_key]


def _build(user):
    from .models import Certificate, QuizAttempt, enrolments_of

    return LearningState(
        enrolments_of(user),
        list(QuizAttempt.objects.filter(learner=user, status=QuizAttempt.Status.FINISHED)),
        list(Certificate.objects.filter(learner=user).order_by("-issued_at")),
    )


def of(user):
    """The learner's state now: from the cache when nothing changed since it was kept, else read (three queries)."""
    version_key, entry_key = keys(user.pk)
    version, state = cached_user.read(version_key, entry_key)
    if not isinstance(state, LearningState):  # not kept, or kept in another shape: read anew
        state = _build(user)
        cached_user.keep(version_key, version, entry_key, state)
    return state


def changed(*learner_ids):
    """These learners' progress changed (or will when the transaction commits): their next page reads it anew."""
    cached_user.bump(*(keys(pk)[0] for pk in set(learner_ids)))


def row_changed(sender, instance, **kwargs):
    changed(instance.learner_id)
