from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from . import search_index
from .page_cache import invalidate

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


def invalidate_for_snippets(sender, **kwargs):
    if sender in get_snippet_models():
        invalidate()


def invalidate_for_pages(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


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
    invalidate()  # cached responses (search results included) may show what is now private


def connect():
    # The site search index (home.search_index): pages as stored, live and public only.
    post_save.connect(index_saved_page, dispatch_uid="search-index-page-save")
    page_unpublished.connect(index_unpublished_page, dispatch_uid="search-index-page-unpublish")
    post_page_move.connect(index_moved_subtree, dispatch_uid="search-index-page-move")
    post_save.connect(index_restricted_subtree, sender=PageViewRestriction, dispatch_uid="search-index-restrict")
    post_delete.connect(index_restricted_subtree, sender=PageViewRestriction, dispatch_uid="search-index-unrestrict")

    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(invalidate_for_snippets, dispatch_uid="pagecache-snippet-save")
    post_delete.connect(invalidate_for_snippets, dispatch_uid="pagecache-snippet-delete")
    post_delete.connect(invalidate_for_pages, dispatch_uid="pagecache-page-delete")
