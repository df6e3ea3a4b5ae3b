"""Load the demo course and two demo learners. Idempotent: a second run changes nothing."""

import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from courses import demo_course
from courses.models import CourseIndexPage, CoursePage, CourseThematicArea, LessonPage, QuizAttempt
from courses.progress import complete_lesson, enrol
from home.demo import ensure_child_page, ensure_translations
from home.models import HomePage, MemberProfile, Organisation, Region, ThematicArea

THEMATIC_AREAS = ["cso-government", "cso-law", "accountability", "capacity-building"]
DEMO_LEARNER_PASSWORD = "hamkori-learner"  # noqa: S105 - set only outside production settings
DEMO_LEARNERS = [
    # email, first name, last name, organisation, lessons to complete, failed quiz attempts at the first quiz
    ("learner1@hamkori.local", "Nigora", "Rahimova", 'Public Organization "Sino"', 1, 1, "tg"),
    ("learner2@hamkori.local", "Farrukh", "Saidov", 'Public Organization "Ghamkhori"', 10, 0, "ru"),
]


class Command(BaseCommand):
    help = "Load the demo course built from seed 000's five training sessions, and two demo learners."

    @transaction.atomic
    def handle(self, *args, **options):
        english = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.get(depth=2, locale=english)
        index, _created = ensure_child_page(
            home, CourseIndexPage, "courses", show_in_menus=True, **demo_course.index_fields()
        )
        ensure_translations(index)
        course, created = ensure_child_page(index, CoursePage, demo_course.COURSE_SLUG, **demo_course.course_fields())
        if created:
            for order, slug in enumerate(THEMATIC_AREAS):
                area = ThematicArea.objects.filter(locale=english, slug=slug).first()
                if area:
                    CourseThematicArea.objects.create(page=course, thematic_area=area, sort_order=order)
            course.save_revision().publish()
        ensure_translations(course)
        for module, lessons, languages in demo_course.sessions():
            for lesson_fields in lessons:
                fields = dict(lesson_fields)
                slug = fields.pop("slug")
                lesson, _created = ensure_child_page(course, LessonPage, slug, module=module, **fields)
                ensure_translations(lesson, languages)
        self.load_learners(course)

    def load_learners(self, course):
        User = get_user_model()
        # SETTINGS_MODULE is None under override_settings (the test live server): fall back to the environment.
        module = getattr(settings, "SETTINGS_MODULE", None) or os.environ.get("DJANGO_SETTINGS_MODULE", "")
        production = module.endswith("production")
        lessons = course.lessons()
        for email, first, last, organisation_name, done, failures, language in DEMO_LEARNERS:
            user, created = User.objects.get_or_create(
                username=email, defaults={"email": email, "first_name": first, "last_name": last}
            )
            if not created:
                continue
            if production:
                user.set_unusable_password()
            else:
                user.set_password(DEMO_LEARNER_PASSWORD)
            user.save()
            organisation = Organisation.objects.filter(name=organisation_name).first()
            MemberProfile.objects.get_or_create(
                user=user,
                defaults={
                    "organisation": organisation,
                    "region": (organisation.region if organisation else "") or Region.KHATLON,
                    "preferred_language": language,
                },
            )
            enrol(user, course)
            for lesson in lessons[:done]:
                if lesson.has_quiz:
                    self.finished_attempt(user, course, lesson, passed=True)
                complete_lesson(user, lesson)
            quiz_lesson = next(lesson for lesson in lessons if lesson.has_quiz)
            for _n in range(failures):
                self.finished_attempt(user, course, quiz_lesson, passed=False)
        if not production:
            self.stdout.write(
                f"Demo learners: learner1@hamkori.local and learner2@hamkori.local, password {DEMO_LEARNER_PASSWORD}"
            )

    def finished_attempt(self, user, course, lesson, passed):
        answers = {}
        for question_id, _question, choices in lesson.ordered_questions():
            correct = [cid for cid, choice in choices if choice["is_correct"]]
            wrong = [cid for cid, choice in choices if not choice["is_correct"]]
            answers[question_id] = correct if passed or not wrong else wrong[:1]
        score, _results = lesson.score(answers)
        QuizAttempt.objects.create(
            learner=user,
            course_key=course.translation_key,
            lesson_key=lesson.translation_key,
            status=QuizAttempt.Status.FINISHED,
            answers=answers,
            score=score,
            passed=score >= lesson.pass_mark,
            finished_at=timezone.now(),
        )
