"""Listing pages cost the same number of queries with 5 items as with 100."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from home.models import (
    Addressee,
    ConsultationIndexPage,
    ConsultationPage,
    ForumIndexPage,
    ForumPage,
    HomePage,
    RecommendationIndexPage,
    RecommendationPage,
    ThematicArea,
    TrainingProgrammePage,
    TrainingSessionPage,
)

pytestmark = pytest.mark.django_db

# Issue 6's budget for every public page, page chrome included, whatever the number of items.
QUERY_BUDGET = 12


def build(home, index_model, child_factory, count):
    index = home.add_child(instance=index_model(title=f"Bench {count}", slug=f"bench-{count}"))
    for language in ("tg", "ru"):  # translated, like the real section pages, so the language switcher is cheap
        index.copy_for_translation(Locale.objects.get(language_code=language)).save_revision().publish()
    for number in range(1, count + 1):
        index.add_child(instance=child_factory(number))
    return index.url


def session(number):
    return TrainingSessionPage(title=f"Session {number}", slug=f"s-{number}", number=number, summary="About it.")


def consultation(number):
    return ConsultationPage(
        title=f"Consultation {number}",
        slug=f"c-{number}",
        date=datetime.date(2026, 1, 1) + datetime.timedelta(days=number),
        city="Bokhtar",
        country="Tajikistan",
        convener="World Bank Group",
        summary="What was raised.",
    )


def forum(number):
    return ForumPage(
        title=f"Forum {number}",
        slug=f"f-{number}",
        date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        city="Almaty",
        theme="Dialogue",
        summary="What was discussed.",
    )


def recommendation_factory():
    areas = list(ThematicArea.objects.filter(locale__language_code="en"))
    source = ForumPage.objects.get(slug="eu-central-asia-forum-2021", locale__language_code="en")

    def make(number):
        return RecommendationPage(
            title=f"Recommendation {number}",
            slug=f"r-{number}",
            text="Do this.",
            source=source,
            thematic_area=areas[number % len(areas)],
            addressee=Addressee.values[number % len(Addressee.values)],
        )

    return make


LISTINGS = {
    "training": (TrainingProgrammePage, lambda: session),
    "consultations": (ConsultationIndexPage, lambda: consultation),
    "forums": (ForumIndexPage, lambda: forum),
    "recommendations": (RecommendationIndexPage, recommendation_factory),
}


@pytest.mark.parametrize("listing", LISTINGS)
def test_listing_query_count_does_not_grow_with_items(client, listing, django_assert_max_num_queries, uncached_pages):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    model, factory = LISTINGS[listing]
    counts = {}
    for size in (5, 100):
        url = build(home, model, factory(), size)
        client.get(url)  # warm the per-process caches, as a running site has them
        with django_assert_max_num_queries(QUERY_BUDGET), CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.content) < 30_000
        counts[size] = len(queries)
    assert counts[5] == counts[100], counts


@pytest.mark.parametrize("size", [5, 100])
def test_filtered_recommendations_query_count(client, size, django_assert_max_num_queries, uncached_pages):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    url = build(home, RecommendationIndexPage, recommendation_factory(), size)
    client.get(url)
    with django_assert_max_num_queries(QUERY_BUDGET):
        response = client.get(
            url, {"area": "digitalisation", "addressee": "eu", "source": "eu-central-asia-forum-2021"}
        )
    assert response.status_code == 200
