"""Load Hamkori's demo content from demo/content/*.toml and demo/translations/*.po.

Safe to run again: what exists is left as it is, so a second run changes nothing.
"""

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail.models import Locale

from demo.accounts import check_demo_accounts_allowed, create_demo_accounts
from demo.courses import load_course, load_deliveries, load_progress
from demo.data import Translations
from demo.directory import load_directory
from demo.library import load_library, load_submissions
from demo.pages import Translator
from demo.programme import load_consultations, load_forums, load_recommendations, load_session_links, load_training
from demo.site import load_site
from home.models import HomePage

# Each step runs in its own transaction: a failure leaves no half-loaded section.
CONTENT_STEPS = [
    ("thematic areas and organisations", load_directory),
    ("home page and standard pages", load_site),
    ("training programme", load_training),
    ("consultations", load_consultations),
    ("forums", load_forums),
    ("recommendations", load_recommendations),
    ("course", load_course),
    ("illustrative in-person deliveries", load_deliveries),
    ("library", load_library),
    ("links from the sessions to the library", load_session_links),
]
# Steps that need the demo accounts.
ACTIVITY_STEPS = [
    ("library submissions and memberships", load_submissions),
    ("learners' progress", load_progress),
]


class Command(BaseCommand):
    help = "Run setup_site, then load the demo content. Idempotent: a second run changes nothing."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-demo-accounts",
            action="store_true",
            help="Also create the demo logins (editor, moderator, members, learners) and their activity. "
            "Refused under production settings.",
        )

    def handle(self, *args, with_demo_accounts=False, verbosity=1, **options):
        if with_demo_accounts:
            check_demo_accounts_allowed()  # before anything is written
        call_command("setup_site", stdout=self.stdout, stderr=self.stderr, verbosity=verbosity)
        home = HomePage.objects.get(depth=2, locale=Locale.get_default())
        languages = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
        translator = Translator(Translations(languages))

        for label, load in CONTENT_STEPS:
            self.run_step(label, load, home, translator, verbosity)
        if with_demo_accounts:
            with transaction.atomic():
                logins = create_demo_accounts()
            for label, load in ACTIVITY_STEPS:
                self.run_step(label, load, home, translator, verbosity)
            if verbosity:
                self.print_logins(logins)
        if verbosity:
            self.stdout.write(self.style.SUCCESS("Demo content is loaded."))

    def run_step(self, label, load, home, translator, verbosity):
        if verbosity:
            self.stdout.write(f"Loading the {label}…")
        with transaction.atomic():
            load(home, translator)

    def print_logins(self, logins):
        width = max(len(username) for _role, username, _password in logins)
        lines = ["Demo logins (sign in at /admin/ or /<lang>/accounts/login/):"]
        lines += [f"  {role:<15} {username:<{width}}  {password}" for role, username, password in logins]
        self.stdout.write(self.style.WARNING("\n".join(lines)))
