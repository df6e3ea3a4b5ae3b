"""One learner's records: their enrolments, quiz attempts, completed lessons, certificates and in-person attendance.

Shown to the learner in their own data export (through the `register_personal_data` hook) and to
programme staff with the permission to see one learner's records (each view logged).
"""

from wagtail.models import Page

from .models import Certificate, Enrolment, LessonCompletion, Participant, QuizAttempt


def learner_records(user):
    """{section: [rows]} with plain values, in the order a person reads them."""
    enrolments = list(Enrolment.objects.filter(learner=user).order_by("enrolled_at"))
    completions = list(LessonCompletion.objects.filter(learner=user).order_by("completed_at"))
    attempts = list(QuizAttempt.objects.filter(learner=user).order_by("started_at"))
    certificates = list(Certificate.objects.filter(learner=user).order_by("issued_at"))
    keys = {e.course_key for e in enrolments} | {c.lesson_key for c in completions}
    keys |= (
        {c.course_key for c in completions} | {a.lesson_key for a in attempts} | {c.course_key for c in certificates}
    )
    titles = {}
    # The English title where there is one (the source language), else any translation's.
    for key, title, code in Page.objects.filter(translation_key__in=keys).values_list(
        "translation_key", "title", "locale__language_code"
    ):
        if key not in titles or code == "en":
            titles[key] = title

    def title(key):
        return titles.get(key, str(key))

    return {
        "enrolments": [
            {
                "course": title(e.course_key),
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in enrolments
        ],
        "completed_lessons": [
            {"course": title(c.course_key), "lesson": title(c.lesson_key), "completed_at": c.completed_at.isoformat()}
            for c in completions
        ],
        "quiz_attempts": [
            {
                "lesson": title(a.lesson_key),
                "status": a.status,
                "score": a.score,
                "passed": a.passed,
                "started_at": a.started_at.isoformat(),
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in attempts
        ],
        "certificates": [
            {
                "course": title(c.course_key),
                "code": c.code,
                "issued_at": c.issued_at.isoformat(),
                "revoked_at": c.revoked_at.isoformat() if c.revoked_at else None,
                "revocation_reason": c.revocation_reason,
            }
            for c in certificates
        ],
        "in_person_sessions": [
            {
                "session": p.delivery.session_number,
                "first_day": p.delivery.starts_on.isoformat(),
                "last_day": p.delivery.ends_on.isoformat(),
                "location": p.delivery.location,
                "attended_the_whole_session": p.completed,
                "paper_quiz_score": p.paper_score,
            }
            for p in Participant.objects.filter(learner=user).select_related("delivery").order_by("delivery__starts_on")
        ],
    }
