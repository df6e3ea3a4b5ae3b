"""Issue 16, item 1: library membership is earned, never claimed.

A person's link to an organisation (an ``Affiliation``) is pending until a confirmed colleague, staff or the
organisation's verified email domain confirms it; members-only files follow confirmed links only, checked on
every request. Each test is one way an attacker got in before.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from home.models import Affiliation
from library.access import MEMBERS_GROUP
from library.models import LibraryMembership, Submission
from tests.factories import PASSWORD, OrganisationFactory, UserFactory
from tests.library.conftest import TOMIRIS, body, document_of, pdf_upload, resource, submission_data
from tests.mailbox import confirm_email, confirmation_link

SIGNUP = {
    "first_name": "Rustam",
    "last_name": "Aliev",
    "password1": "kuhhoi-pomir-2026",
    "password2": "kuhhoi-pomir-2026",
    "region": "khatlon",
    "preferred_language": "en",
}


@pytest.fixture
def members_only(db):
    return resource("World Bank consultations in Khatlon", access="members")


def can_download(client, page):
    response = client.get(document_of(page).url)
    return response.status_code == 200 and body(response).startswith(b"%PDF")


def sign_up(email, language="en", **fields):
    """A new account through the public sign-up form; returns a browser signed in as that person.

    The person opens the link of the confirmation email if one was sent (the same as a real person does).
    """
    browser = Client()
    mail.outbox.clear()
    response = browser.post(f"/{language}/accounts/signup/", {**SIGNUP, "email": email, **fields})
    assert response.status_code == 302, response.content.decode()[:2000]
    if any(confirmation_link(message) for message in mail.outbox):
        confirm_email(browser, email.lower())
    else:  # the address had an account: its owner was emailed; sign in as them
        browser.force_login(get_user_model().objects.get(username=email.lower()))
    return browser


def profile_post(browser, language="en", **fields):
    data = {"first_name": "Rustam", "last_name": "Aliev", "region": "", "preferred_language": language}
    data.update(fields)
    return browser.post(f"/{language}/accounts/profile/", data)


# --- The bypasses of the review, one by one ---------------------------------------------------------


def test_picking_a_contributing_organisation_at_signup_opens_nothing(contributor, members_only):
    sino = contributor.profile.organisation
    browser = sign_up("stranger@example.org", organisation=sino.pk)
    stranger = get_user_model().objects.get(username="stranger@example.org")
    assert Affiliation.objects.get(user=stranger).status == Affiliation.Status.PENDING
    assert not can_download(browser, members_only)
    assert not stranger.groups.filter(name=MEMBERS_GROUP).exists()
    html = browser.get(members_only.url).content.decode()
    assert document_of(members_only).url not in html


def test_typing_a_contributing_organisations_name_at_signup_opens_nothing(contributor, members_only):
    browser = sign_up("stranger@example.org", new_organisation='public organization "SINO"')
    stranger = get_user_model().objects.get(username="stranger@example.org")
    assert stranger.profile.organisation == contributor.profile.organisation
    assert not can_download(browser, members_only)


def test_switching_organisation_in_the_profile_opens_nothing(contributor, members_only):
    outsider = UserFactory(email="lola@tomiris.example", profile__organisation=OrganisationFactory(name=TOMIRIS))
    browser = Client()
    browser.force_login(outsider)
    response = profile_post(browser, organisation=contributor.profile.organisation.pk)
    assert response.status_code == 302
    assert not can_download(browser, members_only)
    assert Affiliation.objects.get(user=outsider, organisation=contributor.profile.organisation).status == "pending"


def test_a_member_who_leaves_loses_access_on_the_next_request(contributor, members_only):
    browser = Client()
    browser.force_login(contributor)
    assert can_download(browser, members_only)
    profile_post(browser, organisation="", new_organisation="Bokhtar Youth Voices")
    assert not can_download(browser, members_only)
    # Coming back is a new claim: pending again until someone confirms it.
    profile_post(browser, organisation=contributor.profile.organisation.pk)
    assert not can_download(browser, members_only)


def test_a_member_whose_link_is_revoked_loses_access_even_if_still_in_the_group(contributor, members_only):
    """Access is worked out on every request from the confirmed link, not from a group that may lag behind."""
    browser = Client()
    browser.force_login(contributor)
    assert can_download(browser, members_only)
    Affiliation.objects.filter(user=contributor).update(status=Affiliation.Status.REVOKED)
    assert contributor.groups.filter(name=MEMBERS_GROUP).exists()  # .update() ran no signal
    assert not can_download(browser, members_only)


def test_a_revoked_person_who_registers_again_stays_out(contributor, members_only):
    sino = contributor.profile.organisation
    browser = sign_up("mallory@example.org", organisation=sino.pk)
    colleague = Client()
    colleague.force_login(contributor)
    mallory = get_user_model().objects.get(username="mallory@example.org")
    claim = Affiliation.objects.get(user=mallory)
    assert colleague.post(f"/en/accounts/colleagues/{claim.pk}/decline/").status_code == 302
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.REVOKED

    assert browser.post("/en/accounts/delete/", {"password": SIGNUP["password1"]}).status_code == 302
    browser = sign_up("Mallory@Example.org", organisation=sino.pk)
    again = get_user_model().objects.get(username="mallory@example.org")
    assert Affiliation.objects.get(user=again, organisation=sino).status == Affiliation.Status.REVOKED
    # No colleague is even asked, and nothing opens.
    assert "mallory@example.org" not in colleague.get("/en/accounts/profile/").content.decode()
    assert colleague.post(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 404
    assert not can_download(browser, members_only)


def test_anyone_cannot_submit_on_behalf_of_any_organisation(contributor):
    sino = contributor.profile.organisation
    nobody = UserFactory(email="nobody@example.org")  # no organisation at all
    browser = Client()
    browser.force_login(nobody)
    data = {**submission_data(title="Fake Sino report"), "organisation": sino.pk, "files": [pdf_upload()]}
    browser.post("/en/library/submit/", data)
    assert not Submission.objects.filter(page__title="Fake Sino report").exists()

    claimant = sign_up("claimant@example.org", organisation=sino.pk)  # a pending claim
    html = claimant.get("/en/library/submit/").content.decode()
    assert "waiting for confirmation" in html
    claimant.post("/en/library/submit/", {**data, "files": [pdf_upload()]})
    assert not Submission.objects.filter(page__title="Fake Sino report").exists()


def test_pending_claim_is_explained_in_tajik_and_russian(contributor):
    sino = contributor.profile.organisation
    tajik = sign_up("tg@example.org", language="tg", organisation=sino.pk)
    assert "тасдиқ" in tajik.get("/tg/library/submit/").content.decode()
    russian = sign_up("ru@example.org", language="ru", organisation=sino.pk)
    assert "подтвержд" in russian.get("/ru/library/submit/").content.decode()


# --- How a claim is earned ----------------------------------------------------------------------------


def test_a_confirmed_colleague_confirms_a_pending_claim(contributor, members_only):
    sino = contributor.profile.organisation
    browser = sign_up("newcolleague@example.org", organisation=sino.pk)
    newcolleague = get_user_model().objects.get(username="newcolleague@example.org")
    colleague = Client()
    colleague.force_login(contributor)
    html = colleague.get("/en/accounts/profile/").content.decode()
    assert "newcolleague@example.org" in html
    claim = Affiliation.objects.get(user=newcolleague)
    assert colleague.get(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 405  # never on a GET
    assert colleague.post(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 302
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CONFIRMED
    assert claim.decided_by == contributor
    assert can_download(browser, members_only)


def test_only_confirmed_colleagues_of_that_organisation_can_confirm(contributor):
    sino = contributor.profile.organisation
    sign_up("first@example.org", organisation=sino.pk)
    claim = Affiliation.objects.get(user__username="first@example.org")
    other = UserFactory(email="lola@tomiris.example", profile__organisation=OrganisationFactory(name=TOMIRIS))
    pending = UserFactory(email="second@example.org", profile__organisation=sino, profile__affiliation="pending")
    for person in (other, pending):
        browser = Client()
        browser.force_login(person)
        assert browser.post(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 404
        assert "first@example.org" not in browser.get("/en/accounts/profile/").content.decode()
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.PENDING
    # Nobody confirms themselves either.
    browser = Client()
    browser.force_login(claim.user)
    assert browser.post(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 404


def test_staff_confirm_claims_from_a_queue_in_the_admin(contributor, moderator, members_only):
    browser = sign_up("queued@example.org", new_organisation="Bokhtar Youth Voices")
    claim = Affiliation.objects.get(user__username="queued@example.org")
    admin = Client()
    admin.force_login(moderator)
    listing = admin.get("/admin/snippets/home/affiliation/?status=pending")
    assert listing.status_code == 200
    assert "queued@example.org" in listing.content.decode()
    response = admin.post(f"/admin/snippets/home/affiliation/edit/{claim.pk}/", {"status": "confirmed"})
    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.status == Affiliation.Status.CONFIRMED
    assert claim.decided_by == moderator
    assert claim.decided_at is not None
    # A confirmed member of an organisation that has not contributed still has no members' files.
    assert not can_download(browser, members_only)


def test_confirmed_colleagues_hear_of_a_claim_by_email_once_the_claimants_email_is_confirmed(contributor):
    sino = contributor.profile.organisation
    sign_up("parvina@example.org", organisation=sino.pk)
    (notice,) = [message for message in mail.outbox if message.to == [contributor.email]]
    assert "parvina@example.org" in notice.body and "/en/accounts/profile/" in notice.body

    # A claim from an address nobody confirmed writes to no one.
    mail.outbox.clear()
    legacy = UserFactory(email="legacy@example.org")
    browser = Client()
    browser.force_login(legacy)
    assert profile_post(browser, organisation=sino.pk).status_code == 302
    assert not [message for message in mail.outbox if message.to == [contributor.email]]


def test_staff_revocation_of_library_access_outlives_deleting_the_account(contributor, moderator, members_only):
    """Staff revoke a person's library membership (not their organisation link); the person deletes the account
    and registers again with the same address: the files stay closed until staff lift the revocation."""
    sino = contributor.profile.organisation
    aziz = UserFactory(email="aziz@sino.example", profile__organisation=sino)
    browser = Client()
    browser.force_login(aziz)
    assert can_download(browser, members_only)
    admin = Client()
    admin.force_login(moderator)
    membership = LibraryMembership.objects.get(user=aziz)
    edit = f"/admin/snippets/library/librarymembership/edit/{membership.pk}/"
    assert admin.post(edit, {"status": "revoked", "note": "Shared files outside"}).status_code == 302
    assert not can_download(browser, members_only)
    assert browser.post("/en/accounts/delete/", {"password": PASSWORD}).status_code == 302
    assert not get_user_model().objects.filter(username="aziz@sino.example").exists()

    browser = sign_up("Aziz@Sino.example", organisation=sino.pk)
    again = get_user_model().objects.get(username="aziz@sino.example")
    claim = Affiliation.objects.get(user=again, organisation=sino)
    response = admin.post(f"/admin/snippets/home/affiliation/edit/{claim.pk}/", {"status": "confirmed"})
    assert response.status_code == 302
    assert not can_download(browser, members_only)
    assert not again.groups.filter(name=MEMBERS_GROUP).exists()

    # Staff find the revocation under the new account and lift it: the files open.
    membership = LibraryMembership.objects.get(user=again)
    assert membership.status == LibraryMembership.Status.REVOKED
    assert "aziz@sino.example" in admin.get("/admin/snippets/library/librarymembership/").content.decode()
    edit = f"/admin/snippets/library/librarymembership/edit/{membership.pk}/"
    assert admin.post(edit, {"status": "active", "note": "Lifted"}).status_code == 302
    assert can_download(browser, members_only)


def test_a_site_without_the_members_group_still_saves_profiles_and_signs_people_up(contributor):
    """Before setup_site has run (or after someone deleted the group), people still sign up and save profiles."""
    Group.objects.filter(name=MEMBERS_GROUP).delete()
    browser = Client()
    browser.force_login(contributor)
    assert profile_post(browser, organisation=contributor.profile.organisation.pk).status_code == 302
    browser = sign_up("newcomer@example.org", organisation=contributor.profile.organisation.pk)
    claim = Affiliation.objects.get(user__username="newcomer@example.org")
    colleague = Client()
    colleague.force_login(contributor)
    assert colleague.post(f"/en/accounts/colleagues/{claim.pk}/confirm/").status_code == 302


def test_a_profile_save_that_changes_nothing_for_the_library_writes_nothing_to_groups(contributor, newcomer):
    tomiris = newcomer.profile.organisation
    for person, organisation in (
        (contributor, {"organisation": contributor.profile.organisation.pk}),
        (newcomer, {"new_organisation": tomiris.name}),
    ):
        browser = Client()
        browser.force_login(person)
        with CaptureQueriesContext(connection) as queries:
            assert profile_post(browser, first_name="Changed", **organisation).status_code == 302
        statements = [query["sql"] for query in queries]
        assert not [sql for sql in statements if sql.startswith(("INSERT", "DELETE")) and "auth_user_groups" in sql]
        assert not [sql for sql in statements if 'FROM "auth_group" WHERE' in sql]
    assert contributor.groups.filter(name=MEMBERS_GROUP).exists()
    assert not newcomer.groups.filter(name=MEMBERS_GROUP).exists()
