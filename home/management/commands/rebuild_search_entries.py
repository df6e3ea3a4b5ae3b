from django.core.management.base import BaseCommand

from home import search_index


class Command(BaseCommand):
    help = "Rebuild the site search index (home.SearchEntry) from the live, public pages."

    def handle(self, *args, **options):
        count = search_index.rebuild()
        self.stdout.write(f"Indexed {count} pages.")
