from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail_localize.models import TranslationSource

from home import page_cache

from . import study_packs
from .models import ConsultationPage, RecommendationIndexPage, RecommendationPage, StudyPack


def share_follow_up_on_publish(sender, instance, **kwargs):
    """Keep follow-up the same in every language: the source language's page is the one to edit.

    Publishing the original copies its follow-up to every translation; publishing a translation
    (whose copy of the original may be old) takes the follow-up from the original instead.
    """
    original_locale = (
        TranslationSource.objects.filter(object_id=instance.translation_key).values_list("locale_id", flat=True).first()
    )
    if original_locale is None or original_locale == instance.locale_id:
        instance.share_follow_up()
        return
    original = RecommendationPage.objects.filter(
        translation_key=instance.translation_key, locale_id=original_locale
    ).first()
    if original is not None:
        original.share_follow_up()


def study_packs_for_page(sender, instance, **kwargs):
    """Published, unpublished or deleted: the packs that hold the page, link to it or should hold it are
    rebuilt once the change is committed (never while a reader waits)."""
    study_packs.schedule_for_page(instance)


def study_packs_for_restriction(sender, instance, raw=False, **kwargs):
    if not raw:  # who may see a page changed: a pack holds public pages only
        study_packs.schedule_all()


def delete_study_pack_files(sender, instance, **kwargs):
    files = [f.name for f in (instance.html_file, instance.pdf_file) if f]
    transaction.on_commit(lambda: study_packs.delete_files(files))


def refresh_ledger_views(sender, instance, **kwargs):
    """Pages that show a recommendation's state or a consultation's promises without linking to them.

    The ledger (its overview and overdue promises) and the forum or consultation a recommendation came
    from (its overview and list), in every language, are rebuilt in the page cache.
    """
    pages = list(RecommendationIndexPage.objects.values_list("pk", flat=True))
    source_id = getattr(instance, "source_id", None)
    if source_id:
        source = Page.objects.filter(pk=source_id).values_list("translation_key", flat=True)
        pages += Page.objects.filter(translation_key__in=source).values_list("pk", flat=True)
    page_cache.changed({f"page:{pk}" for pk in pages})


def connect():
    page_published.connect(share_follow_up_on_publish, sender=RecommendationPage, dispatch_uid="share-follow-up")
    page_published.connect(study_packs_for_page, dispatch_uid="study-packs-publish")
    page_unpublished.connect(study_packs_for_page, dispatch_uid="study-packs-unpublish")
    post_page_move.connect(study_packs_for_page, dispatch_uid="study-packs-move")  # a lesson to another course
    post_save.connect(study_packs_for_restriction, sender=PageViewRestriction, dispatch_uid="study-packs-restrict")
    post_delete.connect(study_packs_for_restriction, sender=PageViewRestriction, dispatch_uid="study-packs-unrestrict")
    post_delete.connect(delete_study_pack_files, sender=StudyPack, dispatch_uid="study-packs-files")
    for model in (RecommendationPage, ConsultationPage):
        for name, signal in (("published", page_published), ("unpublished", page_unpublished)):
            signal.connect(refresh_ledger_views, sender=model, dispatch_uid=f"ledger-{name}-{model.__name__}")
