"""Publishing a translation of a page or snippet through wagtail-localize's translation memory.

The strings go into wagtail-localize as if a translator had typed them, so editors can keep
working on them in its translation editor. `setup_site` fills them from the interface
catalogue (`locale/`); the demo loader from its PO files.
"""

import re
from html import escape, unescape

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

_HAS_LETTERS = re.compile(r"[^\W\d_]")


class MissingTranslations(Exception):
    def __init__(self, instance, language_code, strings):
        self.strings = strings
        shown = "\n  ".join(text[:100] for text in strings[:10])
        super().__init__(f"No {language_code} translation for {len(strings)} string(s) of {instance!r}:\n  {shown}")


@transaction.atomic
def publish_translation(instance, language_code, lookup):
    """Create or update the `language_code` translation of a page or snippet, and publish it.

    `lookup(english)` gives the translation of one source string, or None. Raises
    MissingTranslations, naming the strings, rather than publish a page that mixes languages.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, created = TranslationSource.get_or_create_from_instance(instance)
    if not created:
        source.update_from_db()
    Translation.objects.get_or_create(source=source, target_locale=locale, defaults={"enabled": True})

    missing = []
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        english = segment.string.data
        text = _find(lookup, english)
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
        raise MissingTranslations(instance, language_code, missing)

    is_page = isinstance(instance, Page)
    # wagtail-localize would publish in transaction.on_commit; inside a longer transaction that
    # runs after child pages exist and writes a stale tree. Save a draft, then publish now.
    source.create_or_update_translation(locale, publish=not is_page, copy_parent_pages=is_page, fallback=False)
    target = instance.get_translation(locale)
    if is_page:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target


def _find(lookup, english):
    text = lookup(english)
    if text is None and unescape(english) != english:
        # Rich text segments arrive HTML-escaped ("&amp;"); catalogues hold plain text.
        plain = lookup(unescape(english))
        text = escape(plain, quote=False) if plain is not None else None
    return text
