"""Helpers for the demo-content loaders.

Pages are created once; translations are loaded through wagtail-localize, as if a
translator had typed them.

Loaders write English content with every string wrapped in ``t(en, tg, ru)``, which
remembers the Tajik and Russian versions. ``translate(instance, "tg")`` then fills
wagtail-localize's translation memory for that page or snippet and publishes the
translation, so editors can keep working on it in wagtail-localize's editor.
"""

import re
import uuid
from html import escape, unescape

from django.core.management.base import CommandError
from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

_CATALOGUE: dict[str, dict[str, str]] = {}
_HAS_LETTERS = re.compile(r"[^\W\d_]")


def t(en, tg=None, ru=None):
    """Return the English text, remembering its translations for ``translate()``."""
    for language, text in (("tg", tg), ("ru", ru)):
        if text:
            _CATALOGUE.setdefault(language, {})[en] = text
    return en


def list_items(values):
    """ListBlock items in Wagtail's block format; wagtail-localize only translates items stored this way."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def translated(en, language):
    """The remembered translation of an English string (for fields outside wagtail-localize)."""
    if language == "en":
        return en
    return _CATALOGUE.get(language, {}).get(en, en)


@transaction.atomic
def translate(instance, language_code):
    """Create or update the ``language_code`` translation of a page or snippet and publish it.

    Raises CommandError naming the strings that have no translation, rather than
    publishing a page that silently mixes languages.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})

    catalogue = _CATALOGUE.get(language_code, {})
    missing = []
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        english = segment.string.data
        text = catalogue.get(english)
        if text is None:
            text = _unescaped_lookup(catalogue, english)
        if text is None:
            if _HAS_LETTERS.search(english):
                missing.append(english)
                continue
            text = english  # numbers and symbols read the same in every language
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": text, "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL},
        )
    if missing:
        shown = "\n  ".join(m[:100] for m in missing[:10])
        raise CommandError(f"No {language_code} translation for {len(missing)} string(s) of {instance!r}:\n  {shown}")

    is_page = isinstance(instance, Page)
    # wagtail-localize would publish in transaction.on_commit; inside a longer transaction that
    # runs after child pages exist and writes a stale tree. Save a draft, then publish now.
    source.create_or_update_translation(locale, publish=not is_page, copy_parent_pages=is_page, fallback=False)
    target = instance.get_translation(locale)
    if is_page:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def _unescaped_lookup(catalogue, english):
    # Rich text segments arrive HTML-escaped ("&amp;"); the catalogue holds plain text.
    plain = unescape(english)
    if plain in catalogue:
        return escape(catalogue[plain], quote=False)
    return None


def ensure_child_page(parent, model, slug, **fields):
    """The English child page with this slug, created and published if missing.

    An existing page is left as it is, so re-running a loader changes nothing and
    never overwrites what an editor has since written.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translations(instance, languages=("tg", "ru")):
    """Translate a page or snippet into each language that it is not yet translated into."""
    for language_code in languages:
        if not instance.has_translation(Locale.objects.get(language_code=language_code)):
            translate(instance, language_code)
