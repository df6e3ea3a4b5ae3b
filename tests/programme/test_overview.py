"""The ledger's overview: counts by response, implementation, addressee and area, equal to the records."""

import datetime
import re
from collections import Counter

import pytest
from wagtail.models import PageViewRestriction

from programme.models import RecommendationPage, TimelineEntry
from tests.factories import ConsultationPageFactory, ForumPageFactory, RecommendationPageFactory, ThematicAreaFactory

pytestmark = pytest.mark.django_db

# (addressee, area, response, CSO assessment or None) of each recommendation of the forum.
FORUM_RECORDS = [
    ("eu", "water", "accepted", "partly"),
    ("eu", "water", "accepted", None),
    ("eu", "health", "noted", "not_started"),
    ("governments", "health", None, None),
    ("governments", "water", "rejected", "not_relevant"),
    ("donors", "health", "accepted", "implemented"),
]
GROUPS = ("response", "assessed", "addressee", "area")


@pytest.fixture
def ledger():
    areas = {slug: ThematicAreaFactory(name=slug.title(), slug=slug) for slug in ("water", "health")}
    forum = ForumPageFactory(slug="forum-2021")
    forum.save_revision().publish()
    consultation = ConsultationPageFactory(slug="bokhtar")
    consultation.save_revision().publish()
    for number, (addressee, area, response, assessed) in enumerate(FORUM_RECORDS):
        page = RecommendationPageFactory(source=forum, addressee=addressee, thematic_area=areas[area])
        day = datetime.date(2022, 1, 1 + number)
        if response:
            page.timeline.add(TimelineEntry(date=day, track="response", status=response, author_role="addressee"))
        if assessed:
            page.timeline.add(TimelineEntry(date=day, track="assessed", status=assessed, author_role="cso"))
        page.save_revision().publish()
    # One from the consultation, and one unpublished: neither counts on the forum's page.
    RecommendationPageFactory(source=consultation, addressee="business", thematic_area=areas["water"])
    draft = RecommendationPageFactory(source=forum, addressee="business", thematic_area=areas["water"])
    draft.unpublish()
    return forum


def chart(html):
    """{group: {value: count}} as the chart shows it."""
    found = {}
    for group, body in re.findall(r'data-group="(\w+)">(.*?)</ul>', html, re.S):
        found[group] = {value: int(count) for value, count in re.findall(r'data-value="([\w-]+)">(\d+)<', body)}
    return found


def expected(records):
    pages = RecommendationPage.objects.live().filter(pk__in=[page.pk for page in records])
    counts = {
        "response": Counter(pages.values_list("response_status", flat=True)),
        "assessed": Counter(pages.values_list("implementation_assessed", flat=True)),
        "addressee": Counter(pages.values_list("addressee", flat=True)),
        "area": Counter(pages.values_list("thematic_area__slug", flat=True)),
    }
    return {group: dict(counter) for group, counter in counts.items()}


def test_the_forum_page_counts_equal_its_records(client, ledger):
    html = client.get("/en/forums/forum-2021/").content.decode()
    shown = chart(html)
    records = RecommendationPage.objects.live().filter(source=ledger)
    assert records.count() == len(FORUM_RECORDS)
    want = expected(records)
    for group in GROUPS:
        assert shown[group] == want[group], group
        assert sum(shown[group].values()) == len(FORUM_RECORDS)
    assert shown["response"] == {"accepted": 3, "noted": 1, "rejected": 1, "none": 1}
    # Each bar opens the ledger filtered by the forum and that value: a URL to share.
    assert 'href="/en/recommendations/?source=forum-2021&amp;response=accepted"' in html


def test_the_ledger_counts_follow_its_filters(client, ledger):
    everything = chart(client.get("/en/recommendations/").content.decode())
    assert sum(everything["addressee"].values()) == len(FORUM_RECORDS) + 1  # the consultation's too
    html = client.get("/en/recommendations/", {"addressee": "eu"}).content.decode()
    shown = chart(html)
    assert shown["addressee"] == {"eu": 3}
    assert shown["response"] == {"accepted": 2, "noted": 1}
    assert shown["area"] == {"water": 2, "health": 1}
    listed = set(re.findall(r'class="entry__title"><a href="(/en/recommendations/[\w-]+/)"', html))
    assert len(listed) == 3
    assert 'href="/en/recommendations/?addressee=eu&amp;response=accepted"' in html
    both = client.get("/en/recommendations/", {"addressee": "eu", "response": "accepted"}).content.decode()
    assert chart(both)["assessed"] == {"partly": 1, "not_started": 1}
    assert 'class="bar--selected"' in both


def test_new_filters_are_kept_by_the_page_cache(client, ledger):
    url = "/en/recommendations/?addressee=eu&response=accepted&assessed=partly"
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    made_up = "/en/recommendations/?response=promised"
    client.get(made_up)
    assert client.get(made_up).get("X-Page-Cache") != "hit"


def test_pages_with_the_ledger_stay_within_the_query_budget(
    client, ledger, django_assert_max_num_queries, uncached_pages
):
    recommendation = RecommendationPage.objects.live().filter(source=ledger).first()
    for url in ("/en/forums/forum-2021/", "/en/consultations/bokhtar/", "/en/recommendations/", recommendation.url):
        client.get(url)  # warm the per-process caches, as a running site has them
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200


def test_a_private_source_is_not_linked(client, ledger):
    recommendation = RecommendationPage.objects.live().filter(source=ledger).first()
    assert 'href="/en/forums/forum-2021/"' in client.get(recommendation.url).content.decode()
    PageViewRestriction.objects.create(page=ledger.get_parent(), restriction_type=PageViewRestriction.LOGIN)
    assert 'href="/en/forums/forum-2021/"' not in client.get(recommendation.url).content.decode()
