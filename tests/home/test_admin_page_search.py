"""The admin's page search reads titles as the site search does: folds, look-alikes, spellings, drafts."""

import re

import pytest
from django.contrib.auth.models import Group

from tests.factories import StandardPageFactory, UserFactory, home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_staff=True, groups=["Editors"])
    client.force_login(user)
    return user


def found(client, query, path="/admin/pages/search/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return re.findall(r'href="/admin/pages/(\d+)/edit/"', response.content.decode())


def tajik_page(title, slug, publish=True):
    page = StandardPageFactory(parent=home_page("tg"), slug=slug, title=title)
    if not publish:
        page.unpublish()
    return page


@pytest.mark.parametrize(
    "query",
    [
        "Ҳокимият",
        "хокимият",
        "ХОКИМИЯТ",
        "hокимият",
        "һокимият",
        "хок",
        "Хуҷанд",
        "Худжанд",
        "Хучанд",
        "khujand",
        "Хуҷ",
    ],
)
def test_editors_find_a_tajik_title_however_it_is_typed(client, editor, query):
    page = tajik_page("Ҳокимият ва ҷомеа дар Хуҷанд", "power")
    tajik_page("Донорҳо", "donors")
    assert found(client, query) == [str(page.pk)]


def test_the_results_fragment_uses_the_same_search(client, editor):
    page = tajik_page("Ҳокимияти маҳаллӣ", "power")
    assert found(client, "хокимияти махалли", "/admin/pages/search/results/") == [str(page.pk)]


def test_drafts_are_found_by_their_latest_title(client, editor):
    page = tajik_page("Ҳисобот", "report", publish=False)
    page.title = "Ҳисоботи ниҳоӣ"
    page.save_revision()
    assert found(client, "нихои") == [str(page.pk)]


def test_the_exact_spelling_comes_first(client, editor):
    folded = tajik_page("Хона", "house")
    exact = tajik_page("Ҳона", "hona")
    assert found(client, "Ҳона") == [str(exact.pk), str(folded.pk)]


def test_every_query_word_must_match(client, editor):
    tajik_page("Ҳокимият ва ҷомеа", "power")
    assert found(client, "хокимият донор") == []


def test_editors_see_only_pages_they_may_explore(client):
    tajik_page("Ҳокимият", "power")
    nobody = UserFactory(is_staff=True)
    nobody.groups.add(Group.objects.get_or_create(name="No pages")[0])
    client.force_login(nobody)
    response = client.get("/admin/pages/search/", {"q": "хокимият"})
    assert response.status_code in (302, 403)


def test_the_search_still_needs_an_admin_login(client):
    response = client.get("/admin/pages/search/", {"q": "хокимият"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
