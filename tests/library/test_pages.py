import pytest
from django.core.management import call_command
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import Page, WorkflowState
from wagtail.test.utils import WagtailPageTestCase

from home.models import HomePage, Organisation
from library.models import LibraryIndexPage, LibraryMembership, ResourcePage, Submission


class LibraryTreeTests(WagtailPageTestCase):
    def test_library_sits_under_the_home_page_and_holds_resources(self):
        self.assertAllowedParentPageTypes(LibraryIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(LibraryIndexPage, {ResourcePage})
        self.assertAllowedParentPageTypes(ResourcePage, {LibraryIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, set())
        self.assertCanNotCreateAt(HomePage, ResourcePage)
        self.assertCanNotCreateAt(Page, LibraryIndexPage)


@pytest.mark.parametrize("language", ["en", "tg", "ru"])
def test_library_and_resources_render_in_each_language(client, db, language):
    index = LibraryIndexPage.objects.get(locale__language_code=language)
    assert index.slug == "library" and index.show_in_menus and index.live
    response = client.get(f"/{language}/library/")
    assert response.status_code == 200
    assert f'lang="{language}"' in response.content.decode()
    resources = ResourcePage.objects.live().filter(locale__language_code=language)
    assert resources.count() == 5
    for resource in resources:
        html = client.get(resource.url).content.decode()
        assert resource.title in html
        assert resource.summary.splitlines()[0][:40] in html


def test_translated_resource_has_no_english_left(client, db):
    html = client.get("/tg/library/eu-central-asia-forum-2021/").content.decode()
    for english in ["Discussion points", "Files", "Published by", "Back to the library", "Members only", "Report"]:
        assert english not in html
    assert "Форуми ҷомеаи шаҳрвандии ИА" in html
    assert "Иттиҳоди Аврупо" in html  # publisher in Tajik
    assert "Ҳамкории минтақавӣ" in html  # thematic area in Tajik


def test_library_is_in_the_main_menu(client, db):
    assert 'href="/ru/library/"' in client.get("/ru/").content.decode()


def test_demo_content_matches_the_brief(db):
    sino = Organisation.objects.get(name='Public Organization "Sino"')
    fidokor = Organisation.objects.get(name='Public Organization "Fidokor"')
    assert Submission.objects.filter(organisation=sino, status="approved").exists()
    assert not Submission.objects.filter(organisation=fidokor, status="approved").exists()
    pending = Submission.objects.get(organisation=fidokor, status="pending")
    assert not pending.page.live
    assert WorkflowState.objects.filter(object_id=str(pending.page_id), status="in_progress").exists()
    english = ResourcePage.objects.live().filter(locale__language_code="en")
    assert set(english.values_list("access", flat=True)) == {"public", "members"}
    assert all(page.files.exists() and page.thematic_area_links.exists() for page in english)


def test_loading_demo_content_twice_changes_nothing(db):
    def snapshot():
        return (
            Page.objects.count(),
            get_document_model().objects.count(),
            Submission.objects.count(),
            LibraryMembership.objects.count(),
            Organisation.objects.count(),
            WorkflowState.objects.count(),
        )

    before = snapshot()
    call_command("load_demo_content", verbosity=0)
    call_command("load_library_content", verbosity=0)
    assert snapshot() == before


def test_download_counts_are_shown_to_editors(db, django_user_model):
    from library.models import DownloadCount

    page = ResourcePage.objects.get(slug="eu-central-asia-forum-2021", locale__language_code="en")
    document = page.files.get().document
    Client().get(document.url)
    Client().get(document.url)
    assert DownloadCount.objects.get(translation_key=page.translation_key).count >= 2
    staff = django_user_model.objects.create_superuser("counts", "counts@example.org", "pw-for-tests")
    admin = Client()
    admin.force_login(staff)
    html = admin.get("/admin/snippets/library/downloadcount/").content.decode()
    assert page.title in html
