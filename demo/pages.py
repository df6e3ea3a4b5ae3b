"""Creating demo pages and publishing their translations, without touching what editors have written."""

from django.core.management.base import CommandError
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from home import setup as home_setup
from home.translation import MissingTranslations, publish_translation


def section(home, slug):
    """A section page that `setup_site` made under the home page."""
    page = home.get_children().filter(slug=slug).first()
    if page is None:
        raise CommandError(f"There is no page /{slug}/ under the home page (setup_site makes the sections).")
    return page.specific


def child_page(parent, model, slug, **fields):
    """The child page with this slug, created and published if missing; an existing one is left as it is."""
    return home_setup.child_page(parent, model, slug, **fields)[0]


def fill_empty(page, **fields):
    """Publish `fields` on a page someone else made, only where they are still empty. True if any was.

    A page with an unpublished draft is left alone: the draft is an editor's work in progress.
    """
    empty = {name: value for name, value in fields.items() if not getattr(page, name)}
    if not empty or page.has_unpublished_changes:
        return False
    for name, value in empty.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return True


class Translator:
    """Publishes translations through wagtail-localize's translation memory, as a translator would."""

    def __init__(self, translations):
        self.translations = translations

    def text(self, language, english, context=None):
        """The translation of one text, for fields that wagtail-localize does not translate."""
        return self.translations.get(language, english, context)

    def translate(self, instance, context=None, update=False):
        """Publish the translations of a page or snippet that are missing (all of them with `update`).

        Raises CommandError naming the texts that have no translation, rather than publish a
        page that mixes languages.
        """
        for language in self.translations.languages:
            if not update and instance.has_translation(Locale.objects.get(language_code=language)):
                continue
            try:
                publish_translation(instance, language, self._lookup(instance, language, context))
            except MissingTranslations as error:
                raise CommandError(str(error)) from error

    def _lookup(self, instance, language, context):
        # What the translation memory already holds for this page (from setup_site, or typed by a
        # translator) wins over the demo's catalogue, so updating a translation never undoes their work.
        existing = dict(
            StringTranslation.objects.filter(
                locale__language_code=language, context__object_id=instance.translation_key
            ).values_list("translation_of__data", "data")
        )

        def lookup(english):
            return existing.get(english) or self.translations.get(language, english, context)

        return lookup
