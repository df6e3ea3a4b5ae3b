"""The library list's facets, counts, filter form and cards, kept per process and in the cache: they follow
deleted and merged organisations, deleted thematic areas, moved resources and a publish racing a read."""

import threading
import time as real_time

import pytest
from django.core.cache.backends import locmem
from django.db import connection
from django.test import Client

from accounts.organisations import merge_organisations
from tests.factories import OrganisationFactory, ThematicAreaFactory, home_page
from tests.library.conftest import resource

pytestmark = pytest.mark.django_db


class _Later:
    """An hour and a bit later (Redis would have expired 3600-second entries)."""

    @staticmethod
    def time():
        return real_time.time() + 3700

    @staticmethod
    def monotonic():
        return real_time.monotonic() + 3700


def test_a_merged_away_organisation_leaves_the_filter_form_and_cards(client, uncached_pages, monkeypatch):
    typed = OrganisationFactory(name="Typed Sino Duplicate")
    kept = OrganisationFactory(name="Public Organization Sino")
    page = resource("Water committees report", organisation=typed)
    assert "Typed Sino Duplicate" in client.get(page.get_parent().url).content.decode()

    merge_organisations(typed, kept)
    html = client.get(page.get_parent().url).content.decode()
    assert "Typed Sino Duplicate" not in html
    assert "Public Organization Sino" in html

    monkeypatch.setattr(locmem, "time", _Later)  # and an hour later, when the cached copies have expired
    assert "Typed Sino Duplicate" not in client.get(page.get_parent().url).content.decode()


def test_a_deleted_organisation_leaves_the_filter_form(client, uncached_pages):
    gone = OrganisationFactory(name="Closed Down Foundation")
    page = resource("Water committees report", organisation=gone)
    assert "Closed Down Foundation" in client.get(page.get_parent().url).content.decode()

    gone.delete()  # the resource keeps no organisation (SET_NULL)
    assert "Closed Down Foundation" not in client.get(page.get_parent().url).content.decode()


def test_a_deleted_thematic_area_leaves_the_filter_form(client, uncached_pages):
    area = ThematicAreaFactory(name="Mountain pastures", slug="mountain-pastures")
    page = resource("Water committees report")
    assert "Mountain pastures" in client.get(page.get_parent().url).content.decode()

    area.delete()
    assert "Mountain pastures" not in client.get(page.get_parent().url).content.decode()


def test_a_resource_moved_out_of_the_library_leaves_its_count(client, uncached_pages):
    first = resource("Water committees report")
    second = resource("Budget hearings guide")
    library_url = first.get_parent().url
    assert client.get(library_url).context["result_count"] == 2

    second.move(home_page("en"), pos="last-child", user=None)
    response = client.get(library_url)
    assert len(response.context["results"]) == 1
    assert response.context["result_count"] == 1


def test_a_resource_moved_into_the_library_is_counted(client, uncached_pages):
    first = resource("Water committees report")
    library = first.get_parent()
    second = resource("Budget hearings guide")
    second.move(home_page("en"), pos="last-child", user=None)
    assert client.get(library.url).context["result_count"] == 1

    second.refresh_from_db()
    second.move(library, pos="last-child", user=None)
    response = client.get(library.url)
    assert (response.context["result_count"], len(response.context["results"])) == (2, 2)


def _publish_while_another_worker_reads(django_capture_on_commit_callbacks):
    """A resource published in a transaction; before it commits, another worker (its own connection, which
    sees committed rows only) reads the list; then what runs on commit runs."""
    with django_capture_on_commit_callbacks() as on_commit:
        page = resource("Water committees report")
    library_url = page.get_parent().url
    seen = []

    def other_worker():
        try:
            seen.append(Client().get(library_url).context["result_count"])
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    thread.join(30)
    assert seen == [0]
    for callback in on_commit:
        callback()
    return library_url


def test_a_list_read_by_another_worker_while_a_publish_commits_is_not_kept_after_the_commit(
    client, uncached_pages, django_capture_on_commit_callbacks
):
    library_url = _publish_while_another_worker_reads(django_capture_on_commit_callbacks)
    response = client.get(library_url)
    assert (response.context["result_count"], len(response.context["results"])) == (1, 1)


def test_an_hour_after_a_publish_raced_a_read_the_resource_is_listed(
    client, uncached_pages, django_capture_on_commit_callbacks, monkeypatch
):
    library_url = _publish_while_another_worker_reads(django_capture_on_commit_callbacks)
    monkeypatch.setattr(locmem, "time", _Later)
    response = client.get(library_url)
    assert (response.context["result_count"], len(response.context["results"])) == (1, 1)


def test_what_the_process_keeps_of_a_list_lasts_no_longer_than_the_cached_copy(client, uncached_pages, monkeypatch):
    """A change no signal reports (a queryset update) shows within the hour the cache keeps each copy,
    also in a worker that kept the facets, count, options, form and cards in its memory."""
    from home import kept
    from library.models import ResourcePage

    organisation = OrganisationFactory(name="Old Name Foundation")
    first = resource("Water committees report", organisation=organisation)
    second = resource("Budget hearings guide")
    library_url = first.get_parent().url
    assert client.get(library_url).context["result_count"] == 2

    ResourcePage.objects.filter(pk=second.pk).update(live=False)
    type(organisation).objects.filter(pk=organisation.pk).update(name="New Name Foundation")
    monkeypatch.setattr(locmem, "time", _Later)
    monkeypatch.setattr(kept, "time", _Later)  # what the process keeps, too
    response = client.get(library_url)
    html = response.content.decode()
    assert (response.context["result_count"], len(response.context["results"])) == (1, 1)
    assert "New Name Foundation" in html and "Old Name Foundation" not in html
