"""The pages `make bench` measures (run inside the bench environment, after django.setup())."""

from django.apps import apps
from django.contrib.auth import get_user_model


def first_url(model_path, **filters):
    """The URL of the first live English page of a type, or None while that app has none."""
    try:
        model = apps.get_model(model_path)
    except LookupError:
        return None
    page = model.objects.live().filter(locale__language_code="en", **filters).order_by("path").first()
    return page.url if page else None


PAGES = {
    "home": "/en/",
    "home (tg)": "/tg/",
    "standard page": "/en/about/",
    "search": "/en/search/?q=civil+society",
}
SIGNED_IN_PAGES = set()


def bench_user():
    return get_user_model().objects.filter(username__startswith="bench-learner").order_by("pk").first()


def quiz_post(user, environ):
    """The URL and form body of a quiz submission for the bench learner (None until courses exist)."""
    return None
