"""StreamField and rich text values from the content files' tables."""

import uuid
from html import escape

from django.core.management.base import CommandError

from .pages import section


def rich_text(*paragraphs):
    return "".join(f"<p>{escape(text, quote=False)}</p>" for text in paragraphs)


def list_items(values):
    """ListBlock items in Wagtail's block format; wagtail-localize only translates items stored this way."""
    return [{"type": "item", "value": value, "id": str(uuid.uuid4())} for value in values]


def topic_items(values):
    """A TopicListBlock (topics, objectives): one item per text."""
    return [{"type": "item", "value": value} for value in values]


def stream(blocks, home=None):
    """A body StreamField from [[...body]] tables; `featured_pages` name pages under `home` by slug."""
    return [{"type": block["type"], "value": _value(block, home)} for block in blocks]


def _value(block, home):
    kind = block["type"]
    if kind == "paragraph":
        return rich_text(block["text"])
    if kind == "heading":
        return {"text": block["text"], "level": "h2"}
    if kind == "quote":
        return {"text": block["text"], "attribution": block.get("attribution", "")}
    if kind == "key_figures":
        figures = [{"figure": item["figure"], "label": item["label"]} for item in block["figures"]]
        return {"heading": block.get("heading", ""), "figures": list_items(figures)}
    if kind == "featured_pages":
        pages = [section(home, slug).pk for slug in block["pages"]]
        return {"heading": block["heading"], "pages": list_items(pages)}
    if kind == "callout":
        return {"title": block.get("title", ""), "text": rich_text(block["text"])}
    if kind == "key_takeaways":
        return {"items": list_items(block["items"])}
    raise CommandError(f"Unknown block type {kind!r} in the demo content.")


def quiz(questions):
    """A lesson's QuizStreamBlock from [[lessons.quiz]] tables."""
    return [
        {
            "type": "question",
            "value": {
                "text": question["text"],
                "kind": question["kind"],
                "choices": list_items(
                    [
                        {
                            "text": choice["text"],
                            "is_correct": choice.get("correct", False),
                            "feedback": choice.get("feedback", ""),
                        }
                        for choice in question["choices"]
                    ]
                ),
                "explanation": question.get("explanation", ""),
            },
        }
        for question in questions
    ]
