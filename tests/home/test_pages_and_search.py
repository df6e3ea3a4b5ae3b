import pytest
from wagtail.models import Page, PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, StandardPage
from tests.factories import StandardPageFactory, translate


class PageTreeRulesTest(WagtailPageTestCase):
    def test_home_page_sits_only_at_the_top_of_the_tree(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_pages_can_be_created_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)


pytestmark = pytest.mark.django_db


def test_standard_pages_nest_and_are_served_in_each_language(client):
    partners = StandardPageFactory(title="Partners", slug="partners")
    tacso = StandardPageFactory(parent=partners, title="TACSO 2", slug="tacso-2", intro="Technical assistance.")
    translate(partners, "tg", title="Шарикон")
    translate(partners, "ru", title="Партнёры")
    translate(tacso, "tg", title="TACSO 2", intro="Кӯмаки техникӣ ба ташкилотҳои ҷомеаи шаҳрвандӣ.")
    translate(tacso, "ru", title="TACSO 2", intro="Техническая помощь организациям гражданского общества.")

    tajik = client.get("/tg/partners/").content.decode()
    assert "Шарикон" in tajik
    assert 'href="/tg/partners/tacso-2/"' in tajik  # the parent lists its children
    assert "Кӯмаки техникӣ" in client.get("/tg/partners/tacso-2/").content.decode()
    assert "Техническая помощь" in client.get("/ru/partners/tacso-2/").content.decode()
    assert client.get("/en/partners/tacso-2/").status_code == 200


def test_search_finds_pages_in_the_readers_language_only(client, about):
    tajik = client.get("/tg/search/", {"q": "платформаи"}).content.decode()
    assert "Дар бораи Ҳамкорӣ" in tajik
    russian = client.get("/ru/search/", {"q": "платформа"}).content.decode()
    assert "О Хамкори" in russian
    assert "Дар бораи Ҳамкорӣ" not in russian
    english = client.get("/en/search/", {"q": "Ҳамкорӣ"}).content.decode()
    assert "Дар бораи Ҳамкорӣ" not in english


def test_search_never_shows_unpublished_or_private_pages(client):
    StandardPageFactory(title="Public budgets page", slug="public-budgets")
    draft = StandardPageFactory(title="Secret draft about budgets", slug="secret-draft", live=False)
    draft.save_revision()
    private = StandardPageFactory(title="Private budgets page", slug="private-budgets")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    html = client.get("/en/search/", {"q": "budgets"}).content.decode()
    assert "Public budgets page" in html
    assert "Secret draft" not in html
    assert "Private budgets page" not in html


@pytest.mark.parametrize("query", ["x" * 10_000, "<script>alert(1)</script>", "' OR 1=1 --"])
def test_search_survives_hostile_queries(client, about, query):
    response = client.get("/en/search/", {"q": query, "page": "abc"})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_search_results_show_their_page_type(client, about):
    html = client.get("/en/search/", {"q": "platform"}).content.decode()
    assert 'class="badge">Standard page' in html
    tajik = client.get("/tg/search/", {"q": "платформаи"}).content.decode()
    assert 'class="badge">Саҳифаи оддӣ' in tajik
