"""Which language to serve a reader when a page does not exist in theirs."""

from django.conf import settings


def nearest_languages(code):
    """Every site language, the reader's (`code`) first, then the ones they most likely read.

    ``settings.LANGUAGE_FALLBACKS`` says which languages a reader of one also reads (Tajik and
    Russian readers each other's before English); the others follow in ``LANGUAGES`` order.
    """
    order = [code, *settings.LANGUAGE_FALLBACKS.get(code, [])]
    return order + [other for other, _name in settings.LANGUAGES if other not in order]


def is_site_language(code):
    return code in dict(settings.LANGUAGES)


def preferred_language(user):
    """The language a member chose in their profile (the site's default if they have none)."""
    profile = getattr(user, "profile", None) if user is not None else None
    code = getattr(profile, "preferred_language", "")
    return code if is_site_language(code) else settings.LANGUAGE_CODE


def chosen_language(request):
    """The reader's language, or None: the one they last read pages in (the cookie), else a signed-in
    member's profile language."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    if is_site_language(code):
        return code
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "profile", None):
        return preferred_language(user)
    return None


def remember_language(response, code):
    """Set the language cookie, which `/` and Django's LocaleMiddleware read first."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    return response
