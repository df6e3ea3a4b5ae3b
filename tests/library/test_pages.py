import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
)
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage
from library.access import (
    EDITORS_GROUP,
    MEMBERS_COLLECTION,
    MEMBERS_GROUP,
    MODERATORS_GROUP,
    PUBLIC_COLLECTION,
    SUBMISSIONS_COLLECTION,
)
from library.models import DownloadCount, LibraryIndexPage, ResourcePage
from tests.factories import OrganisationFactory, section, translate
from tests.library.conftest import document_of, resource

LANGUAGES = ["en", "tg", "ru"]


class LibraryTreeTests(WagtailPageTestCase):
    def test_library_sits_under_the_home_page_and_holds_resources(self):
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LibraryIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {LibraryIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertCanNotCreateAt(HomePage, ResourcePage)
        self.assertCanNotCreateAt(Page, LibraryIndexPage)


TRANSLATIONS = {
    "tg": ("Форуми ҷомеаи шаҳрвандии ИА ва Осиёи Марказӣ", "Ҷамъбасти форум дар Алмато.\nМавзӯъҳои асосӣ."),
    "ru": ("Форум гражданского общества ЕС и Центральной Азии", "Итоги форума в Алматы.\nОсновные темы."),
}


@pytest.fixture
def forum_report(db):
    """A members-only report of the EU, published in English and translated into Tajik and Russian."""
    eu = OrganisationFactory(name="European Union", name_tg="Иттиҳоди Аврупо", name_ru="Европейский союз")
    page = resource(
        "EU and Central Asia civil society forum",
        summary="Summary of the forum in Almaty.\nKey topics.",
        slug="eu-central-asia-forum-2021",
        resource_type="report",
        access="members",
        organisation=eu,
        year=2021,
        languages=["en", "ru"],
        areas=["regional-cooperation"],
    )
    for language, (title, summary) in TRANSLATIONS.items():
        translate(page, language, title=title, summary=summary)
    return page


@pytest.mark.parametrize("language", LANGUAGES)
def test_library_and_resources_render_in_each_language(client, forum_report, language):
    index = section("library", language)
    assert index.slug == "library" and index.show_in_menus and index.live
    response = client.get(f"/{language}/library/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    resource_page = forum_report.get_translation(index.locale)
    assert resource_page.title in html
    response = client.get(resource_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert resource_page.title in html
    assert resource_page.specific.summary.splitlines()[0][:40] in html


def test_translated_resource_has_no_english_left(client, forum_report):
    html = client.get("/tg/library/eu-central-asia-forum-2021/").content.decode()
    for english in ["Files", "Published by", "Back to the library", "Members only", "Report", "Russian", "Almaty"]:
        assert english not in html, english
    assert "Форуми ҷомеаи шаҳрвандии ИА" in html
    assert "Иттиҳоди Аврупо" in html  # publisher in Tajik
    assert "Ҳамкории минтақавӣ" in html  # thematic area in Tajik
    assert "Танҳо барои аъзоён" in html  # "Members only"


def test_library_is_in_the_main_menu(client, db):
    for language in LANGUAGES:
        assert f'href="/{language}/library/"' in client.get(f"/{language}/").content.decode()


def test_download_counts_are_shown_to_editors(client, admin_client):
    page = resource("EU and Central Asia civil society forum", access="public")
    document = document_of(page)
    assert client.get(document.url).status_code == 200
    assert client.get(document.url).status_code == 200
    assert DownloadCount.objects.get(translation_key=page.translation_key).count == 2
    html = admin_client.get("/admin/snippets/library/downloadcount/").content.decode()
    assert page.title in html


def library_setup_snapshot():
    return {
        "groups": sorted(
            Group.objects.filter(name__in=[MEMBERS_GROUP, MODERATORS_GROUP, EDITORS_GROUP]).values_list(
                "name", flat=True
            )
        ),
        "collections": sorted(
            Collection.objects.filter(
                name__in=[PUBLIC_COLLECTION, MEMBERS_COLLECTION, SUBMISSIONS_COLLECTION]
            ).values_list("name", flat=True)
        ),
        "restrictions": sorted(
            (restriction.collection.name, tuple(sorted(restriction.groups.values_list("name", flat=True))))
            for restriction in CollectionViewRestriction.objects.select_related("collection")
        ),
        "workflow pages": sorted(
            WorkflowPage.objects.filter(page__in=LibraryIndexPage.objects.all()).values_list(
                "page__locale__language_code", "workflow__name"
            )
        ),
        "moderator pages": GroupPagePermission.objects.filter(group__name=MODERATORS_GROUP).count(),
        "workflows": Workflow.objects.count(),
    }


def test_setup_site_made_the_library_and_running_it_again_changes_nothing(db):
    before = library_setup_snapshot()
    assert before["collections"] == sorted([PUBLIC_COLLECTION, MEMBERS_COLLECTION, SUBMISSIONS_COLLECTION])
    # (A set: two sessions that ran setup_site at once on a shared, reused test database can leave a copy.)
    assert set(before["restrictions"]) == {
        (MEMBERS_COLLECTION, tuple(sorted([MEMBERS_GROUP, MODERATORS_GROUP, EDITORS_GROUP]))),
        (SUBMISSIONS_COLLECTION, tuple(sorted([MODERATORS_GROUP, EDITORS_GROUP]))),
    }
    assert before["workflow pages"] == sorted((language, "Library submissions") for language in LANGUAGES)
    call_command("setup_site", verbosity=0)
    assert library_setup_snapshot() == before


def test_the_invitation_to_contribute_is_for_readers_who_cannot_open_members_files(contributor):
    invitation = section("library", "tg").contribute_text.split(".")[0]
    assert invitation
    assert invitation in Client().get("/tg/library/").content.decode()
    browser = Client()
    browser.force_login(contributor)
    assert invitation not in browser.get("/tg/library/").content.decode()
