"""Learner actions and pages outside the page tree: enrol, complete, quiz results, dashboard, certificates."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from openbadgeslib.ob3.credential import OB3_CONTEXT

from . import credentials, learning_state, verification
from .certificate_pdf import certificate_pdf
from .models import (
    AlreadySubmitted,
    Certificate,
    CourseOutline,
    CoursePage,
    CourseProgress,
    LessonPage,
    QuizAttempt,
    QuizRefused,
    complete_lesson,
    enrol,
    structures_by_key,
    submit_quiz,
)


def viewable_or_404(request, page):
    """The page's privacy (login, password, groups) holds for actions on it too, not only for reading it."""
    if not all(restriction.accept_request(request) for restriction in page.get_view_restrictions()):
        raise Http404


def localized(model, translation_key):
    """The live page with this translation key in the current language, else in any language."""
    pages = list(model.objects.live().filter(translation_key=translation_key).select_related("locale"))
    language = get_language()
    return next((p for p in pages if p.locale.language_code == language), pages[0] if pages else None)


@require_POST
@login_required
def enrol_view(request, page_id):
    course = get_object_or_404(CoursePage.objects.live(), pk=page_id)
    viewable_or_404(request, course)
    enrol(request.user, course)
    progress = CourseProgress.for_user(request.user, course, CourseOutline.for_course(course))
    messages.success(request, _("You are enrolled. Welcome to the course!"))
    target = progress.next_lesson or course
    return redirect(target.url)


@require_POST
@login_required
def complete_view(request, page_id):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    viewable_or_404(request, lesson)
    quiz_lesson = lesson.quiz_translation()  # in this language or, not translated yet, in another
    if quiz_lesson is not None:
        messages.error(request, _("Pass the quiz to complete this lesson."))
        return redirect(quiz_lesson.url + "#quiz")
    progress = complete_lesson(request.user, lesson)
    if progress.is_complete and progress.next_lesson is None:
        messages.success(request, _("Congratulations, you have finished the course!"))
        return redirect("courses:dashboard")
    messages.success(request, _("Lesson marked as complete."))
    return redirect((progress.next_lesson or lesson).url)


@require_POST
@login_required
def submit_quiz_view(request, page_id):
    """The quiz form of a lesson page: scored and saved as one attempt (submit_quiz)."""
    lesson = get_object_or_404(LessonPage.objects.live(), pk=page_id)
    viewable_or_404(request, lesson)
    return _submitted(request, lesson, lambda: submit_quiz(request.user, lesson, request.POST))


@require_POST
@login_required
def submit_open_attempt_view(request, attempt_id):
    """A quiz form shown before forms were keyed by the lesson, naming an attempt opened by that page:
    scored once, in the order it showed (the open attempt gives way to the finished one)."""
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, learner=request.user)
    lesson = localized(LessonPage, attempt.lesson_key)
    if lesson is None:
        raise Http404
    viewable_or_404(request, lesson)
    return _submitted(request, lesson, lambda: submit_quiz(request.user, lesson, request.POST, attempt.pk))


def _submitted(request, lesson, submit):
    try:
        attempt = submit()
    except AlreadySubmitted as refusal:
        messages.error(request, str(refusal))
        if refusal.latest:
            return redirect("courses:attempt", attempt_id=refusal.latest)
        return redirect(lesson.url + "#quiz")
    except QuizRefused as refusal:
        messages.error(request, str(refusal))
        return redirect(lesson.url + "#quiz")
    except LookupError:
        raise Http404 from None
    return redirect("courses:attempt", attempt_id=attempt.pk)


@login_required
def attempt_view(request, attempt_id):
    attempt = get_object_or_404(QuizAttempt, pk=attempt_id, learner=request.user, status=QuizAttempt.Status.FINISHED)
    lesson = localized(LessonPage, attempt.lesson_key)
    if lesson is None:
        raise Http404
    _percent, results = lesson.score(attempt.answers)
    course = lesson.get_parent().specific
    progress = CourseProgress.for_user(request.user, course, CourseOutline.for_course(course))
    # The right answers are shown once the quiz is passed or no attempt is left; before that, only
    # whether each of the learner's answers was right, with its feedback, so a retry still tests them.
    finished = QuizAttempt.objects.filter(
        learner=request.user, lesson_key=attempt.lesson_key, status=QuizAttempt.Status.FINISHED
    ).values_list("passed", flat=True)
    finished = list(finished)
    reveal = any(finished) or bool(lesson.max_attempts and len(finished) >= lesson.max_attempts)
    return render(
        request,
        "courses/attempt.html",
        {
            "attempt": attempt,
            "lesson": lesson,
            "course": course,
            "results": results,
            "progress": progress,
            "reveal": reveal,
        },
    )


@login_required
def dashboard_view(request):
    """My learning: each course's progress, recent quiz results and certificates. The courses and their
    lessons come from the cache (courses.models.structures_by_key), what is personal from the learner's kept state
    (courses.learning_state): no query when the learner changed nothing since."""
    state = learning_state.of(request.user)  # kept in the cache until the learner changes something
    enrolments, certificates, attempts = state.enrolments, state.certificates, state.attempts[:5]
    structures = structures_by_key([e.course_key for e in enrolments] + [c.course_key for c in certificates])
    language = get_language()
    pages = {}  # {course key: the live course page in the reader's language, else the nearest}
    for key, structure in structures.items():
        page = structure.translation(language)
        if page is not None:
            pages[key] = page
    items = []
    lesson_titles = {}
    for enrolment in enrolments:
        course = pages.get(enrolment.course_key)
        if course is None:
            continue
        outline = CourseOutline.of(course, structures[enrolment.course_key])
        lesson_titles.update((lesson.key, lesson.page) for lesson in outline)
        progress = CourseProgress(enrolment, enrolment.completed_keys, outline)  # reading it writes nothing
        items.append({"course": course, "progress": progress, "continue_lesson": progress.next_lesson})
    return render(
        request,
        "courses/dashboard.html",
        {
            "items": items,
            "attempts": [(attempt, lesson_titles.get(attempt.lesson_key)) for attempt in attempts],
            "certificates": [(certificate, pages.get(certificate.course_key)) for certificate in certificates],
            "shared_chrome": True,  # its title and language links are the same for every learner (kept_tags)
        },
    )


@login_required
def certificate_view(request, code):
    certificate = get_object_or_404(Certificate, code=code, learner=request.user)
    course = localized(CoursePage, certificate.course_key)
    languages = [(code, name) for code, name in settings.LANGUAGES if code != get_language()]
    return render(
        request,
        "courses/certificate.html",
        {"certificate": certificate, "course": course, "other_languages": languages},
    )


@never_cache
@login_required
def certificate_pdf_view(request, code):
    """The learner's own certificate as a PDF download, in the language of the address."""
    certificate = get_object_or_404(Certificate, code=code, learner=request.user)
    if certificate.is_revoked:
        return redirect("courses:certificate", code=certificate.code)
    course = localized(CoursePage, certificate.course_key)
    language = get_language()
    data = certificate_pdf(certificate, course.title if course else "", language)
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}-{language}.pdf"'
    return response


@never_cache
@login_required
def certificate_credential_view(request, code):
    """The learner's own Open Badges 3.0 credential (a signed VC-JWT), as a download."""
    certificate = get_object_or_404(Certificate.objects.select_related("learner"), code=code, learner=request.user)
    if certificate.is_revoked:
        return redirect("courses:certificate", code=certificate.code)
    try:
        token = credentials.issue(certificate, get_language())
    except credentials.CredentialsUnavailable:
        messages.error(request, _("The digital credential cannot be made just now. Please try again later."))
        return redirect("courses:certificate", code=certificate.code)
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Content-Disposition"] = f'attachment; filename="credential-{certificate.code}.jwt"'
    return response


def status_list_view(request):
    """The signed Bitstring Status List of revoked credentials (public, for verifiers)."""
    try:
        token = credentials.status_list_token()
    except credentials.CredentialsUnavailable:
        return HttpResponse(status=503)
    response = HttpResponse(token, content_type="application/vc+jwt")
    response["Cache-Control"] = "no-cache"  # a revocation is published at once
    response["Access-Control-Allow-Origin"] = "*"  # verifiers in browsers may fetch it
    return response


def achievement_view(request, course_key, language):
    """The achievement of a course in one language, as Open Badges JSON (what a credential's `related` links to)."""
    if language not in dict(settings.LANGUAGES):
        raise Http404
    translations = credentials.course_translations(course_key, public=True)  # a private course's title stays private
    found = credentials.achievement(course_key, language, translations)
    if found is None or found.language != language:
        raise Http404
    document = {"@context": list(OB3_CONTEXT)}
    document.update(found.to_dict())
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache  # it shows a learner's name: kept in no cache, so deleting the account or revoking shows at once
def verify_form_view(request):
    """/<lang>/certificates/verify/?code=…: the form for people holding a paper certificate."""
    return _verification(request, request.GET.get("code", ""))


@never_cache
def verify_view(request, code):
    """/<lang>/certificates/verify/<code>/: where the QR code on the PDF leads."""
    return _verification(request, code)


def _verification(request, typed):
    typed = typed.strip()[:60]
    state, certificate, code = verification.check(request, typed) if typed else (None, None, None)
    course = localized(CoursePage, certificate.course_key) if certificate else None
    response = render(
        request,
        "courses/verify.html",
        {"state": state, "certificate": certificate, "course": course, "code": code or typed, "typed": typed},
    )
    response.status_code = {verification.NOT_FOUND: 404, verification.THROTTLED: 429}.get(state, 200)
    return response
