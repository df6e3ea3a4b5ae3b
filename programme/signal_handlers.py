from wagtail.signals import page_published
from wagtail_localize.models import TranslationSource

from .models import RecommendationPage


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


def connect():
    page_published.connect(share_follow_up_on_publish, sender=RecommendationPage, dispatch_uid="share-follow-up")
