import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_can_be_created_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)


pytestmark = pytest.mark.django_db


def test_search_finds_pages_in_the_readers_language_only(client):
    tajik = client.get("/tg/search/", {"q": "платформа"}).content.decode()
    assert "Дар бораи Ҳамкорӣ" in tajik
    russian = client.get("/ru/search/", {"q": "платформа"}).content.decode()
    assert "О Хамкори" in russian
    assert "Дар бораи Ҳамкорӣ" not in russian


def test_search_never_shows_unpublished_or_private_pages(client, home_page):
    draft = StandardPage(title="Secret draft about budgets", slug="secret-draft", live=False)
    home_page.add_child(instance=draft)
    draft.save_revision()
    private = StandardPage(title="Private budgets page", slug="private-budgets")
    home_page.add_child(instance=private)
    private.save_revision().publish()
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/en/search/", {"q": "budgets"}).content.decode()
    assert "Secret draft" not in html
    assert "Private budgets page" not in html


@pytest.mark.parametrize("query", ["x" * 10_000, "<script>alert(1)</script>", "' OR 1=1 --"])
def test_search_survives_hostile_queries(client, query):
    response = client.get("/en/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_results_show_their_page_type(client):
    html = client.get("/en/search/", {"q": "platform"}).content.decode()
    assert 'class="badge">Standard page' in html
