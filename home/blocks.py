"""StreamField blocks shared by every page type on the site."""

from django.conf import settings
from django.core.cache import cache
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock
from wagtail.models import Page

from .page_cache import current_version, tag_versions

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Why engage with government?", "level": "h2"}
        description = _("A heading that starts a new section of the page.")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        description = _("An image with alt text for screen readers and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Who said it"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "It is important for the governments, civil society and private sector "
            "to learn to dialogue with each other.",
            "attribution": "EU-Central Asia Civil Society Forum 2021",
        }


class LinkStructValue(blocks.StructValue):
    """The URL of a link that may point at a page or at an external address."""

    def url(self):
        page = self.get("page")
        if page:
            localized = page.localized
            return localized.url if localized.live else page.url
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))
    page = blocks.PageChooserBlock(required=False, label=_("Page on this site"))
    external_url = blocks.URLBlock(required=False, label=_("…or an external address"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        preview_value = {
            "title": "Share your materials",
            "text": "Upload a report or training module and get access to the whole library.",
            "button_label": "Contribute a resource",
            "external_url": "https://example.org/",
        }

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": _("Choose a page or give an external address.")}
            )
        return value


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, label=_("Figure"), help_text=_("For example: 140"))
    label = blocks.CharBlock(max_length=80, label=_("Label"), help_text=_("For example: staff trained"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False, max_length=120, label=_("Heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=6, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        preview_value = {
            "heading": "The programme in numbers",
            "figures": [
                {"figure": "140", "label": "staff trained"},
                {"figure": "70", "label": "CSOs"},
                {"figure": "35", "label": "training days"},
            ],
        }


class FeaturedPagesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120, label=_("Heading"))
    pages = blocks.ListBlock(blocks.PageChooserBlock(), min_num=1, max_num=6, label=_("Pages"))

    class Meta:
        icon = "doc-full"
        template = "blocks/featured_pages_block.html"
        description = _("A row of cards linking to pages you choose: courses, resources, sessions.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["cards"] = featured_cards([page for page in value["pages"] if page])
        return context


def featured_cards(chosen):
    """Title, URL and text of each chosen page in the reader's language, skipping untranslated or
    unpublished ones. Worked out in one pass and cached until one of the chosen pages (or a translation
    of it) is published again."""
    language = get_language()
    versions = tag_versions([f"page:{page.pk}" for page in chosen])
    chosen_now = ",".join(f"{page.pk}.{versions[f'page:{page.pk}']}" for page in chosen)
    key = f"featured:{current_version()}:{language}:{chosen_now}"
    cards = cache.get(key)
    if cards is None:
        translations = {
            page.translation_key: page
            for page in Page.objects.live()
            .filter(translation_key__in=[page.translation_key for page in chosen], locale__language_code=language)
            .specific()
        }
        cards = []
        for original in chosen:
            page = translations.get(original.translation_key)
            if page is not None:
                text = getattr(page, "intro", "") or page.search_description
                cards.append({"title": page.title, "url": page.url, "text": text})
        cache.set(key, cards, settings.PAGE_CACHE_SECONDS or 60)
    return cards


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        label=_("Text"),
        template="blocks/paragraph_block.html",
        preview_value="<p>Civil society organisations can influence decisions at local and national level.</p>",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    key_figures = KeyFiguresBlock()
    featured_pages = FeaturedPagesBlock()
