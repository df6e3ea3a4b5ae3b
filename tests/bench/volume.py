"""Run inside the bench environment: add generated volume on top of the demo content.

10,000 library resources, 1,000 learners with progress in every course, 200 recommendations
(BENCH_RESOURCES, BENCH_LEARNERS, BENCH_RECOMMENDATIONS). Idempotent: counts what is there and
only adds the difference. Pages go through Wagtail (tree, revisions, search index), so the
search and listing figures are those of a real site of that size.
"""

import datetime
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from courses.models import CoursePage, Enrolment, LessonCompletion, QuizAttempt  # noqa: E402
from home.models import HomePage, Organisation, ThematicArea  # noqa: E402
from library.models import (  # noqa: E402
    LibraryIndexPage,
    ResourceMaterialLanguage,
    ResourcePage,
    ResourceThematicArea,
    ResourceType,
)
from programme.models import Addressee, RecommendationIndexPage, RecommendationPage  # noqa: E402

RESOURCES = int(os.environ.get("BENCH_RESOURCES", "10000"))
SMALL_LIBRARY = int(os.environ.get("BENCH_SMALL_LIBRARY", "200"))  # in the Russian library
LEARNERS = int(os.environ.get("BENCH_LEARNERS", "1000"))
RECOMMENDATIONS = int(os.environ.get("BENCH_RECOMMENDATIONS", "200"))
BATCH = 500
WORDS = (
    "budget health water schools women youth registration dialogue monitoring districts villages "
    "consultation access disability climate migration reporting procurement transparency training"
).split()


def progress(label, done, total, started):
    rate = done / max(time.time() - started, 0.001)
    print(f"  {label}: {done}/{total} ({rate:.0f}/s)", flush=True)


def resources(language="en", wanted=RESOURCES):
    library = LibraryIndexPage.objects.get(locale__language_code=language)
    have = ResourcePage.objects.filter(slug__startswith="bench-resource-", locale=library.locale).count()
    areas = list(ThematicArea.objects.filter(locale__language_code="en"))
    organisations = list(Organisation.objects.values_list("pk", flat=True))
    types = [value for value, _label in ResourceType.choices]
    rng = random.Random(have)
    started = time.time()
    for start in range(have, wanted, BATCH):
        with transaction.atomic():
            for number in range(start, min(start + BATCH, wanted)):
                words = rng.sample(WORDS, 4)
                page = ResourcePage(
                    title=f"{words[0].title()} and {words[1]} in Tajikistan: report {number:05d}",
                    slug=f"bench-resource-{number:05d}",
                    summary=f"What CSOs found about {words[2]} and {words[3]} in {2010 + number % 16}.",
                    resource_type=types[number % len(types)],
                    access="members" if number % 4 == 0 else "public",
                    year=2010 + number % 16,
                    organisation_id=organisations[number % len(organisations)],
                    live=True,
                    first_published_at=timezone.now() - datetime.timedelta(days=number % 2000),
                )
                page.material_languages.add(ResourceMaterialLanguage(language=("en", "tg", "ru")[number % 3]))
                page.thematic_area_links.add(ResourceThematicArea(thematic_area=areas[number % len(areas)]))
                library.add_child(instance=page)
        progress(f"library resources ({language})", min(start + BATCH, wanted), wanted, started)
    print(f"library resources ({language}): {wanted}")


def recommendations():
    index = RecommendationIndexPage.objects.get(locale__language_code="en")
    total = RecommendationPage.objects.filter(locale__language_code="en").count()
    areas = list(ThematicArea.objects.filter(locale__language_code="en"))
    addressees = [value for value, _label in Addressee.choices]
    with transaction.atomic():
        for number in range(total, RECOMMENDATIONS):
            index.add_child(
                instance=RecommendationPage(
                    title=f"Recommendation {number:03d} on {WORDS[number % len(WORDS)]}",
                    slug=f"bench-recommendation-{number:03d}",
                    text="Involve CSOs early, publish the draft and report back on what was taken up.",
                    session_number=1 + number % 4,
                    thematic_area=areas[number % len(areas)],
                    addressee=addressees[number % len(addressees)],
                    live=True,
                )
            )
    print(f"recommendations: {RECOMMENDATIONS}")


def learners():
    """Learners enrolled in every course, part-way through, with finished and open quiz attempts."""
    User = get_user_model()
    have = User.objects.filter(username__startswith="bench-learner").count()
    User.objects.bulk_create(
        User(
            username=f"bench-learner-{n:04d}",
            email=f"bench-learner-{n:04d}@bench.local",
            first_name="Bench",
            last_name=str(n),
        )
        for n in range(have, LEARNERS)
    )
    users = list(User.objects.filter(username__startswith="bench-learner").order_by("pk"))
    courses = [(course, course.lessons()) for course in CoursePage.objects.live().filter(locale__language_code="en")]
    rng = random.Random(1)
    enrolments, completions, attempts = [], [], []
    enrolled = set(Enrolment.objects.filter(learner__in=users).values_list("learner_id", "course_key"))
    for user in users:
        for course, lessons in courses:
            if (user.pk, course.translation_key) in enrolled:
                continue
            done = rng.randint(0, len(lessons))
            enrolments.append(
                Enrolment(
                    learner=user,
                    course_key=course.translation_key,
                    last_lesson_key=lessons[max(done - 1, 0)].translation_key if lessons else None,
                    completed_at=timezone.now() if done == len(lessons) else None,
                )
            )
            for lesson in lessons[:done]:
                completions.append(
                    LessonCompletion(learner=user, course_key=course.translation_key, lesson_key=lesson.translation_key)
                )
                if lesson.has_quiz:
                    attempts.append(
                        QuizAttempt(
                            learner=user,
                            course_key=course.translation_key,
                            lesson_key=lesson.translation_key,
                            status=QuizAttempt.Status.FINISHED,
                            seed=rng.randint(1, 2**31 - 2),
                            score=100,
                            passed=True,
                            finished_at=timezone.now(),
                        )
                    )
    Enrolment.objects.bulk_create(enrolments, batch_size=2000)
    LessonCompletion.objects.bulk_create(completions, batch_size=2000)
    QuizAttempt.objects.bulk_create(attempts, batch_size=2000)
    print(f"learners: {len(users)} ({Enrolment.objects.filter(learner__in=users).count()} enrolments)")


if __name__ == "__main__":
    assert HomePage.objects.exists(), "load the demo content first"
    recommendations()
    learners()
    resources()
    resources("ru", SMALL_LIBRARY)
