from django.core.management.base import BaseCommand
from django.db import transaction

from home.setup import SiteSetup


class Command(BaseCommand):
    help = (
        "Create what a Hamkori deployment needs: the languages, the site, the home and section pages in every "
        "language, the footer, and the library's collections, groups and review workflow. Creates no demo "
        "content. Safe to run again: it only adds what is missing and never changes editors' work."
    )

    def handle(self, *args, verbosity=1, **options):
        created = []
        with transaction.atomic():
            setup = SiteSetup(report=created.append)
            setup.run()
        if verbosity > 1:
            for line in created:
                self.stdout.write(f"  created: {line}")
        for code, strings in sorted(setup.untranslated.items()):
            self.stderr.write(
                self.style.WARNING(
                    f"{len(strings)} text(s) have no {code} translation in locale/{code}: they were published in "
                    "English. Translate them in the admin (Translate) or in the catalogue."
                )
            )
        if verbosity:
            done = f"The site is set up ({len(created)} things created)." if created else "The site was already set up."
            self.stdout.write(self.style.SUCCESS(done))
