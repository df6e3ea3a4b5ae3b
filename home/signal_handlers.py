from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished
from wagtail.snippets.models import get_snippet_models

from .page_cache import invalidate


def invalidate_for_snippets(sender, **kwargs):
    if sender in get_snippet_models():
        invalidate()


def invalidate_for_pages(sender, instance, **kwargs):
    if isinstance(instance, Page):
        invalidate()


def connect():
    for signal in (page_published, page_unpublished, post_page_move, published, unpublished):
        signal.connect(invalidate, dispatch_uid=f"pagecache-{id(signal)}")
    post_save.connect(invalidate_for_snippets, dispatch_uid="pagecache-snippet-save")
    post_delete.connect(invalidate_for_snippets, dispatch_uid="pagecache-snippet-delete")
    post_delete.connect(invalidate_for_pages, dispatch_uid="pagecache-page-delete")
