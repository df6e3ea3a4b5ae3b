from django.contrib.auth.signals import user_logged_in
from django.core.signals import request_finished, request_started
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from . import page_cache, search_index
from .models import FooterText, ThematicArea
from .userbar import remember_admin_access

# Saving a draft writes only these columns of the page row; the live text, and so the index, stay.
DRAFT_ONLY_FIELDS = {
    "has_unpublished_changes",
    "latest_revision_created_at",
    "latest_revision",
    "draft_title",
    "locked",
    "locked_at",
    "locked_by",
}


# Shown on (nearly) every page: the footer, and the thematic areas every filter form offers.
SNIPPETS_SHOWN_EVERYWHERE = (FooterText, ThematicArea)


def page_cache_for_page(sender, instance, **kwargs):
    """Published, unpublished or deleted: the cached copies of what shows the page go stale."""
    if isinstance(instance, Page):
        page_cache.page_changed(instance)


def page_cache_for_saved_snippet(sender, instance, raw=False, **kwargs):
    if raw or sender not in get_snippet_models():
        return
    if issubclass(sender, SNIPPETS_SHOWN_EVERYWHERE):
        page_cache.invalidate()
    else:
        page_cache.object_changed(instance)


def page_cache_for_deleted_snippet(sender, **kwargs):
    if sender in get_snippet_models():
        page_cache.invalidate()  # the pages that referred to it are not in the reference index any more


def index_saved_page(sender, instance, update_fields=None, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and set(update_fields) <= DRAFT_ONLY_FIELDS:
        return
    search_index.index_pages([instance.pk])


def index_unpublished_page(sender, instance, **kwargs):
    # Also sent, before the row is saved or deleted, when a page is deleted: drop it, never re-read it.
    search_index.forget_page(instance.pk)


def index_moved_subtree(sender, instance, **kwargs):
    search_index.index_subtree(instance)


def index_restricted_subtree(sender, instance, raw=False, **kwargs):
    if raw:
        return
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        search_index.index_subtree(page)
    page_cache.invalidate()  # cached responses (search results included) may show what is now private


def _page_cache_request_started(sender, **kwargs):
    page_cache.request_started()


def _page_cache_request_finished(sender, **kwargs):
    page_cache.request_finished()


def connect():
    # Wagtail's workflow emails after commit, with one bounded wait on the mail server (home.mail).
    from .mail import connect_workflow_notifiers

    connect_workflow_notifiers()
    user_logged_in.connect(remember_admin_access, dispatch_uid="userbar-remember-admin-access")
    # The site search index (home.search_index): pages as stored, live and public only.
    post_save.connect(index_saved_page, dispatch_uid="search-index-page-save")
    page_unpublished.connect(index_unpublished_page, dispatch_uid="search-index-page-unpublish")
    post_page_move.connect(index_moved_subtree, dispatch_uid="search-index-page-move")
    post_save.connect(index_restricted_subtree, sender=PageViewRestriction, dispatch_uid="search-index-restrict")
    post_delete.connect(index_restricted_subtree, sender=PageViewRestriction, dispatch_uid="search-index-unrestrict")

    # The page cache (home.page_cache): what changed goes stale, the rest stays warm.
    request_started.connect(_page_cache_request_started, dispatch_uid="pagecache-request-started")
    request_finished.connect(_page_cache_request_finished, dispatch_uid="pagecache-request-finished")
    page_published.connect(page_cache_for_page, dispatch_uid="pagecache-page-publish")
    page_unpublished.connect(page_cache_for_page, dispatch_uid="pagecache-page-unpublish")
    post_delete.connect(page_cache_for_page, dispatch_uid="pagecache-page-delete")
    post_page_move.connect(page_cache.invalidate, dispatch_uid="pagecache-page-move")  # every link to the subtree
    # Sites (their hosts and home pages) are kept with the menu and footer (home.middleware.CachedSiteMiddleware).
    post_save.connect(page_cache.invalidate, sender=Site, dispatch_uid="pagecache-site-save")
    post_delete.connect(page_cache.invalidate, sender=Site, dispatch_uid="pagecache-site-delete")
    published.connect(page_cache_for_saved_snippet, dispatch_uid="pagecache-snippet-publish")
    unpublished.connect(page_cache_for_saved_snippet, dispatch_uid="pagecache-snippet-unpublish")
    post_save.connect(page_cache_for_saved_snippet, dispatch_uid="pagecache-snippet-save")
    post_delete.connect(page_cache_for_deleted_snippet, dispatch_uid="pagecache-snippet-delete")
