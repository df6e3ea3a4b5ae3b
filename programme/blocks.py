"""StreamField blocks of the programme pages: consultation topics, forum sessions, lists and links."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyTopicBlock(blocks.StructBlock):
    """One topic of a consultation: what participants raised and what the convener answered."""

    heading = blocks.CharBlock(max_length=200, label=_("Topic"))
    raised = blocks.RichTextBlock(
        features=["bold", "italic", "ul", "link"],
        label=_("What participants raised"),
    )
    response = blocks.RichTextBlock(
        required=False,
        features=["bold", "italic", "ul", "link"],
        label=_("The convener's response"),
        help_text=_("Leave empty if the convener did not respond to this topic."),
    )

    class Meta:
        icon = "openquote"
        template = "blocks/programme/key_topic_block.html"
        label = _("Key topic")
        preview_value = {
            "heading": "CSOs' access to funding",
            "raised": "<p>Grant opportunities for CSOs have declined in recent years.</p>",
            "response": "<p>The team will consider how projects can use local organisations.</p>",
        }


class ForumSessionBlock(blocks.StructBlock):
    """One session of a forum; its recommendations are separate records that name this session number."""

    number = blocks.IntegerBlock(min_value=1, label=_("Session number"))
    title = blocks.CharBlock(max_length=200, label=_("Title"))
    examined = blocks.TextBlock(label=_("What the session examined"))
    discussion_points = blocks.ListBlock(
        blocks.TextBlock(label=_("Point")), label=_("Main discussion points"), min_num=0
    )
    conclusions = blocks.TextBlock(required=False, label=_("Conclusions"))

    class Meta:
        icon = "group"
        template = "blocks/programme/forum_session_block.html"
        label = _("Forum session")
        preview_value = {
            "number": 1,
            "title": "Strengthening resilience through inclusion",
            "examined": "The role of civil society in addressing the challenges communities face.",
            "discussion_points": ["Civil society should take part in reforms as an equal partner."],
        }


class TopicListBlock(blocks.StreamBlock):
    """A list of short items editors can add, remove and reorder."""

    item = blocks.CharBlock(max_length=300, label=_("Item"))

    class Meta:
        icon = "list-ul"


class LearnMoreBlock(blocks.StreamBlock):
    page = blocks.PageChooserBlock(
        label=_("Page"),
        help_text=_("Choose a lesson or library resource. Only published pages are shown to readers."),
    )

    class Meta:
        icon = "link"
