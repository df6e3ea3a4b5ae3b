"""Run inside the bench environment: find the pages to measure and count their SQL queries.

Prints one JSON object. Queries are counted on a cache miss (the page cache is off here),
which is the honest number: the cost of the first visit after editors publish.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from wagtail.models import Page  # noqa: E402

settings.ALLOWED_HOSTS.append("testserver")


def discover():
    from bench_pages import PAGES

    found = {}
    for name, spec in PAGES.items():
        url = spec if isinstance(spec, str) else spec()
        if url:
            found[name] = url
    return found


def count_queries(urls, user=None):
    client = Client()
    if user:
        client.force_login(user)
    results = {}
    for name, url in urls.items():
        client.get(url)  # warm per-process caches (site root paths, content types)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        results[name] = {"status": response.status_code, "queries": len(queries), "html_bytes": len(response.content)}
    return results


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    from bench_pages import SIGNED_IN_PAGES, bench_user, reader_pages  # noqa: E402

    urls = discover()
    public = {k: v for k, v in urls.items() if k not in SIGNED_IN_PAGES}
    signed_in = {k: v for k, v in urls.items() if k in SIGNED_IN_PAGES}
    user = bench_user()
    output = {"urls": urls, "queries": count_queries(public), "signed_in": sorted(signed_in)}
    if signed_in and user:
        output["queries"].update(count_queries(signed_in, user=user))
    output["reader_pages"] = reader_pages()
    output["pages_total"] = Page.objects.count()
    output["users_total"] = get_user_model().objects.count()
    print(json.dumps(output))
