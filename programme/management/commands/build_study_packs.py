from django.core.management.base import BaseCommand

from programme import study_packs


class Command(BaseCommand):
    help = (
        "Build the study pack (HTML and PDF) of every live training session in every language; packs whose "
        "content has not changed are left as they are unless --force. Packs of sessions no longer live are removed."
    )

    def add_arguments(self, parser):
        parser.add_argument("--force", action="store_true", help="Rebuild every pack, changed or not.")

    def handle(self, *args, force=False, verbosity=1, **options):
        packs = study_packs.build_all(force=force)
        if verbosity:
            for pack in packs:
                state = "built" if pack.rebuilt else "unchanged"
                self.stdout.write(
                    f"{pack.session.locale.language_code} session {pack.session.number}: {state}, "
                    f"HTML {pack.html_size} bytes, PDF {pack.pdf_size} bytes, version {pack.version}"
                )
