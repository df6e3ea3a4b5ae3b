"""Run inside the faults environment: set up and inspect what a fault scenario needs. Prints JSON.

fault_helpers.py member EMAIL    a signed-in CSO member (session headers)
fault_helpers.py quiz EMAIL      a learner enrolled with no attempt yet, and a correct submission of their quiz form
fault_helpers.py attempts EMAIL  that learner's attempts and completions
fault_helpers.py library         how many submissions, documents and resource pages exist
fault_helpers.py people N PASSWORD  N accounts that sign in with PASSWORD (their usernames)
"""

import json
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
sys.path.insert(0, str(Path(__file__).parent))

import django  # noqa: E402

django.setup()

from bench_pages import quiz_lesson, signed_in_headers  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from wagtail.documents import get_document_model  # noqa: E402

from courses.models import Enrolment, LessonCompletion, QuizAttempt, quiz_seed  # noqa: E402
from home.models import Affiliation, MemberProfile, Organisation  # noqa: E402
from library.models import ResourcePage, Submission  # noqa: E402


def user(email):
    account, _created = get_user_model().objects.get_or_create(
        username=email, defaults={"email": email, "first_name": "Fault", "last_name": "Test"}
    )
    profile, _created = MemberProfile.objects.get_or_create(
        user=account, defaults={"organisation": Organisation.objects.first()}
    )
    link = Affiliation.objects.claim(account, profile.organisation)  # a confirmed member may submit
    if link is not None and link.status != Affiliation.Status.CONFIRMED:
        link.decide(Affiliation.Status.CONFIRMED, method=Affiliation.Method.STAFF)
    return account


def people(count, password):
    usernames = []
    for n in range(int(count)):
        account = user(f"storm.person{n}@faults.local")
        account.set_password(password)
        account.save()
        usernames.append(account.username)
    return {"usernames": usernames}


def member(email):
    return {"headers": signed_in_headers(user(email))}


def quiz(email):
    """A learner enrolled, with no attempt yet, and their quiz form answered right (round 0)."""
    learner = user(email)
    lesson = quiz_lesson()
    course_key = lesson.get_parent().translation_key
    enrolment, _created = Enrolment.objects.get_or_create(learner=learner, course_key=course_key)
    QuizAttempt.objects.filter(learner=learner, lesson_key=lesson.translation_key).delete()
    answers = [("round", "0")] + [
        (f"q-{question_id}", choice_id)
        for question_id, _question, choices in lesson.ordered_questions(quiz_seed(learner, lesson, 0))
        for choice_id, choice in choices
        if choice["is_correct"]
    ]
    return {
        "headers": signed_in_headers(learner),
        "path": f"/en/learn/lesson/{lesson.pk}/quiz/",
        "body": urlencode(answers),
        "enrolment": enrolment.pk,
    }


def attempts(email):
    learner = get_user_model().objects.get(username=email)
    rows = QuizAttempt.objects.filter(learner=learner)
    return {
        "finished": rows.filter(status="finished").count(),
        "open": rows.filter(status="open").count(),
        "scores": sorted(rows.filter(status="finished").values_list("score", flat=True)),
        "completions": LessonCompletion.objects.filter(learner=learner).count(),
    }


def library():
    return {
        "submissions": Submission.objects.count(),
        "documents": get_document_model().objects.count(),
        "pages": ResourcePage.objects.count(),
    }


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    commands = {"member": member, "quiz": quiz, "attempts": attempts, "library": library, "people": people}
    print(json.dumps(commands[command](*args)))
