import pytest
from wagtail.users.models import UserProfile

from tests.factories import OrganisationFactory, ThematicAreaFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.mark.parametrize(("language", "dashboard"), [("en", "Dashboard"), ("ru", "Панель управления")])
def test_the_admin_speaks_the_editors_language(client, editor, language, dashboard):
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    response = client.get("/admin/")
    assert response.status_code == 200
    assert dashboard in response.content.decode()


def test_editors_can_choose_only_english_or_russian_for_the_admin(client, editor):
    html = client.get("/admin/account/").content.decode()
    assert 'value="ru"' in html
    assert 'value="tg"' not in html


def test_editors_find_the_shared_directories_in_the_admin(client, editor):
    OrganisationFactory(name='Public Organization "Afif"')
    ThematicAreaFactory(name="Water resources", slug="water-resources")
    html = client.get("/admin/snippets/home/organisation/").content.decode()
    assert "Afif" in html
    html = client.get("/admin/snippets/home/thematicarea/").content.decode()
    assert "Water resources" in html


def test_anonymous_visitors_are_sent_to_log_in_for_the_admin(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
