"""StreamField blocks for lessons and quizzes."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import RICH_TEXT_FEATURES, CaptionedImageBlock, HeadingBlock, QuoteBlock


class VideoBlock(blocks.StructBlock):
    """A video shown as a link and its transcript: no third-party player loads with the page."""

    title = blocks.CharBlock(max_length=200, label=_("Title"))
    url = blocks.URLBlock(label=_("Video address"), help_text=_("For example a YouTube or Vimeo link."))
    thumbnail = ImageChooserBlock(required=False, label=_("Thumbnail"))
    duration = blocks.CharBlock(required=False, max_length=20, label=_("Duration"), help_text=_("For example: 6 min"))
    transcript = blocks.RichTextBlock(features=["bold", "italic", "ul", "ol"], label=_("Transcript"))

    class Meta:
        icon = "media"
        template = "blocks/courses/video_block.html"
        preview_value = {
            "title": "How a public hearing works",
            "url": "https://example.org/video",
            "transcript": "<p>A public hearing is a meeting where citizens can speak to officials.</p>",
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    description = blocks.CharBlock(required=False, max_length=250, label=_("Description"))

    class Meta:
        icon = "doc-full"
        template = "blocks/courses/document_block.html"


class CalloutBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul"], label=_("Text"))

    class Meta:
        icon = "warning"
        template = "blocks/courses/callout_block.html"
        preview_value = {"title": "Tip", "text": "<p>Always bring a one-page summary to a meeting.</p>"}


class KeyTakeawaysBlock(blocks.StructBlock):
    items = blocks.ListBlock(blocks.CharBlock(max_length=300), min_num=1, label=_("Takeaways"))

    class Meta:
        icon = "list-ul"
        template = "blocks/courses/key_takeaways_block.html"
        preview_value = {"items": ["Know the law that applies to you.", "Map who decides."]}


class LessonStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, icon="pilcrow", label=_("Text"), template="blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    video = VideoBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    key_takeaways = KeyTakeawaysBlock()


class QuizChoiceBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300, label=_("Answer"))
    is_correct = blocks.BooleanBlock(required=False, label=_("Correct"))
    feedback = blocks.TextBlock(
        required=False, label=_("Feedback"), help_text=_("Shown after the learner submits, if they chose this.")
    )


class QuizQuestionBlock(blocks.StructBlock):
    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "true_false"

    text = blocks.TextBlock(label=_("Question"))
    kind = blocks.ChoiceBlock(
        choices=[
            (SINGLE, _("Single choice")),
            (MULTIPLE, _("Multiple choice (tick all that apply)")),
            (TRUE_FALSE, _("True or false")),
        ],
        default=SINGLE,
        label=_("Type"),
    )
    choices = blocks.ListBlock(QuizChoiceBlock(), min_num=2, label=_("Answers"))
    explanation = blocks.TextBlock(
        required=False, label=_("Explanation"), help_text=_("Shown after submitting, whatever the answer.")
    )

    class Meta:
        icon = "help"

    def clean(self, value):
        value = super().clean(value)
        correct = sum(1 for choice in value["choices"] if choice["is_correct"])
        if correct == 0:
            raise blocks.StructBlockValidationError(block_errors={"choices": _("Mark at least one answer correct.")})
        if value["kind"] != self.MULTIPLE and correct != 1:
            raise blocks.StructBlockValidationError(
                block_errors={"choices": _("A single-choice or true/false question has exactly one correct answer.")}
            )
        return value


class QuizStreamBlock(blocks.StreamBlock):
    question = QuizQuestionBlock()
