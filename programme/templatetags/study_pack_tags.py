"""The study packs a page offers: a session its own, a course those of the sessions its lessons teach."""

from django import template
from django.conf import settings
from django.core.cache import cache
from wagtail.models import Page

from home import page_cache
from programme.models import StudyPack, TrainingSessionPage, under_a_restriction
from programme.study_packs import can_see_answers

register = template.Library()


@register.simple_tag
def study_packs_for(page):
    """Packs in the page's language: the session's own, or those holding this page (a course) or its translations.

    The same for every reader: kept in the cache by the page's version (home.page_cache.page_version),
    which building or removing a pack changes for every page it holds (programme.study_packs). Otherwise
    one query; the files were built when the content was published, so nothing is built here.
    """
    key = study_packs_key(page)
    packs = page_cache.cached(key)
    if packs is None:
        packs = _study_packs_for(page)
        cache.set(key, packs, settings.PAGE_CACHE_SECONDS or 60)
    return packs


def study_packs_key(page):
    return f"study-packs:{page_cache.page_version(page)}:{page.locale_id}"


def _study_packs_for(page):
    packs = StudyPack.objects.select_related("session").filter(
        session__in=TrainingSessionPage.objects.live().exclude(under_a_restriction()),
        session__locale_id=page.locale_id,
    )
    if isinstance(page, TrainingSessionPage):
        return list(packs.filter(session=page))
    translations = Page.objects.filter(translation_key=page.translation_key)
    return list(packs.filter(pages__in=translations).distinct().order_by("session__number"))


@register.simple_tag(takes_context=True)
def shows_answer_sheet(context, session):
    request = context.get("request")
    return bool(request) and can_see_answers(request.user, session)
