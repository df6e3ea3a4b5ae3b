"""Listing pages cost the same number of queries with 5 items as with 40."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from programme.models import Addressee
from tests.factories import (
    ConsultationPageFactory,
    ForumPageFactory,
    RecommendationPageFactory,
    ThematicAreaFactory,
    TrainingSessionPageFactory,
)

pytestmark = pytest.mark.django_db

# Issue 6's budget for every public page, page chrome included, whatever the number of items.
QUERY_BUDGET = 12
FEW, MANY = 5, 40


def recommendation_factory():
    areas = [ThematicAreaFactory(name=name) for name in ("Digitalisation", "Gender equality", "Rule of law")]
    source = ForumPageFactory(slug="eu-central-asia-forum-2021")
    addressees = Addressee.values[: len(areas)]  # every third is about digitalisation and addressed to the EU

    def make(number):
        return RecommendationPageFactory(
            source=source, thematic_area=areas[number % len(areas)], addressee=addressees[number % len(areas)]
        )

    return make


FILTERS = {"area": "digitalisation", "addressee": "eu", "source": "eu-central-asia-forum-2021"}
# Each listing, how to add one item to it, and the query strings to measure it with.
LISTINGS = {
    "/en/training/": (lambda: lambda number: TrainingSessionPageFactory(number=number), [{}]),
    "/en/consultations/": (lambda: lambda number: ConsultationPageFactory(), [{}]),
    "/en/forums/": (lambda: lambda number: ForumPageFactory(), [{}]),
    "/en/recommendations/": (recommendation_factory, [{}, FILTERS]),
}


def queries_for(client, url, params, django_assert_max_num_queries):
    client.get(url, params)  # warm the per-process caches, as a running site has them
    with django_assert_max_num_queries(QUERY_BUDGET), CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    assert len(response.content) < 30_000
    return len(queries)


@pytest.mark.parametrize("url", LISTINGS)
def test_listing_query_count_does_not_grow_with_items(client, url, django_assert_max_num_queries, uncached_pages):
    factory, variants = LISTINGS[url]
    make = factory()
    counts = {}
    for start, size in ((1, FEW), (FEW + 1, MANY)):
        for number in range(start, size + 1):
            make(number)
        counts[size] = [queries_for(client, url, params, django_assert_max_num_queries) for params in variants]
    assert counts[FEW] == counts[MANY]


def test_filters_apply_to_the_measured_recommendations(client):
    make = recommendation_factory()
    for number in range(1, 10):
        make(number)
    # Every third recommendation is about digitalisation and addressed to the EU.
    assert 'class="result-count">3 ' in client.get("/en/recommendations/", FILTERS).content.decode()
