"""What every Hamkori deployment needs, made by `manage.py setup_site` (never demo content).

Each step looks for what exists before it creates anything, and never changes what it finds,
so running it again changes nothing and editors' work is left alone. Apps add their own
sections through the `setup_site` hook (see their wagtail_hooks.py).
"""

from django.conf import settings
from django.db import connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import Locale, Page, Site

from . import search_index
from .models import FooterText, HomePage, SearchEntry
from .translation import publish_translation

HOME_TITLE = _("Hamkori: learning and resources for civil society")
HOME_INTRO = _(
    "Courses, training materials and a shared library for civil society organisations "
    "in Tajikistan and Central Asia, in Tajik, Russian and English."
)
FOOTER = _(
    "Hamkori is a shared platform for civil society organisations in Tajikistan and Central Asia. Materials "
    "are shared by their authors for learning and non-commercial use."
)


def child_page(parent, model, slug, **fields):
    """(page, created): the child page with this slug, created and published if missing.

    An existing page is left exactly as it is, so running setup again never overwrites an editor's work.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing:
        return existing.specific, False
    page = model(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


class SiteSetup:
    """One run of setup_site; `report` receives a line for everything it creates."""

    def __init__(self, report=print):
        self.report = report
        self.untranslated = {}

    def run(self):
        """Call inside a transaction: on PostgreSQL, a second run started at the same time (two app
        servers deploying at once) waits for the first, so neither creates anything twice."""
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(hashtext('hamkori.setup_site'))")
        for code, _name in settings.LANGUAGES:
            if Locale.objects.get_or_create(language_code=code)[1]:
                self.report(f"Language {code}")
        home = self.home_page()
        self.footer()
        for setup_section in hooks.get_hooks("setup_site"):
            setup_section(self, home)
        if not SearchEntry.objects.exists():
            # A site that had pages before the search index existed: index them once.
            if indexed := search_index.rebuild():
                self.report(f"Search index of {indexed} pages")
        return home

    def home_page(self):
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        home = HomePage.objects.filter(depth=2, locale=source_locale).first()
        if home is None:
            with translation.override(settings.LANGUAGE_CODE):
                home = HomePage(title=str(HOME_TITLE), slug="hamkori", locale=source_locale, intro=str(HOME_INTRO))
            Page.get_first_root_node().add_child(instance=home)
            home.save_revision().publish()
            self.report("Home page")
            site = Site.objects.filter(is_default_site=True).first()
            welcome = site.root_page if site else None
            Site.objects.update_or_create(
                is_default_site=True, defaults={"hostname": "localhost", "root_page": home, "site_name": "Hamkori"}
            )
            # Wagtail's "Welcome to your new Wagtail site!" placeholder, if nobody has built on it.
            if welcome and welcome.specific_class is Page and not welcome.get_children().exists():
                welcome.delete()
        self.translate(home, [HOME_TITLE, HOME_INTRO])
        return home

    def footer(self):
        source_locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        footer = FooterText.objects.filter(locale=source_locale).first()
        if footer is None:
            with translation.override(settings.LANGUAGE_CODE):
                footer = FooterText.objects.create(locale=source_locale, body=f"<p>{FOOTER}</p>")
            self.report("Footer")
        self.translate(footer, [FOOTER])

    def section(self, home, model, slug, **fields):
        """The section page with this slug under the home page, in every language.

        `fields` are the page's texts as lazy interface strings, so that their Tajik and Russian
        come from the interface catalogue (locale/); an existing page is never changed.
        """
        with translation.override(settings.LANGUAGE_CODE):
            texts = {name: str(text) for name, text in fields.items()}
        page, created = child_page(home, model, slug, show_in_menus=True, **texts)
        if created:
            self.report(f"Section /{slug}/")
        self.translate(page, list(fields.values()))
        return page

    def translate(self, instance, texts):
        """Publish the translations `instance` does not have yet, its strings taken from `texts`."""
        for code, _name in settings.LANGUAGES:
            locale = Locale.objects.get(language_code=code)
            if code == settings.LANGUAGE_CODE or instance.has_translation(locale):
                continue
            catalogue = {}
            for text in texts:
                with translation.override(settings.LANGUAGE_CODE):
                    english = str(text)
                with translation.override(code):
                    catalogue[english] = str(text)
                if catalogue[english] == english:
                    self.untranslated.setdefault(code, set()).add(english)
            publish_translation(instance, code, catalogue.get)
            self.report(f"{instance} in {code}")
