"""The training programme, consultations, forums and recommendations (content/programme.toml)."""

import uuid

from django.core.management.base import CommandError

from programme.models import (
    ConsultationOrganisation,
    ConsultationPage,
    ConsultationPromise,
    ForumPage,
    RecommendationPage,
    TimelineEntry,
    TrainingSessionPage,
)

from .blocks import list_items, rich_text, stream, topic_items
from .data import read_content
from .directory import organisations, thematic_areas
from .pages import child_page, fill_empty, section

TRAINING_FIGURES = ["staff_trained", "organisations_trained", "locations", "training_days", "course_days"]


def load_training(home, translator):
    data = read_content("programme")
    training = section(home, "training")
    spec = data["training"]
    fields = {name: spec[name] for name in ["funder", "implementer", "partners", *TRAINING_FIGURES]}
    if fill_empty(training, body=stream(spec["body"]), **fields):
        translator.translate(training, update=True)
    for session in data["sessions"]:
        page = child_page(
            training,
            TrainingSessionPage,
            session["slug"],
            title=session["title"],
            number=session["number"],
            duration_days=session.get("duration_days", 1),
            summary=session["summary"],
            topics=topic_items(session["topics"]),
            objectives=topic_items(session["objectives"]),
        )
        translator.translate(page)


def load_session_links(home, translator):
    """The library resources each session links to under "learn more" (the library is loaded after the sessions)."""
    training = section(home, "training")
    library = section(home, "library")
    for spec in read_content("programme")["sessions"]:
        session = training.get_children().filter(slug=spec["slug"]).first()
        resources = [library.get_children().filter(slug=slug).first() for slug in spec.get("library", [])]
        if session is None or None in resources:
            raise CommandError(f"Session {spec['slug']}: a session or library resource it links to is missing.")
        links = [{"type": "page", "value": resource.pk} for resource in resources]
        if fill_empty(session.specific, learn_more=links):
            translator.translate(session.specific, update=True)


def load_consultations(home, translator):
    index = section(home, "consultations")
    for spec in read_content("programme")["consultations"]:
        attendees = [
            ConsultationOrganisation(organisation=organisation, sort_order=order)
            for order, organisation in enumerate(organisations(spec["attendees"]))
        ]
        # Fixed block ids, so a promise can name the topic it answers, and a re-run gives the same ids.
        topic_ids = [
            str(uuid.uuid5(uuid.NAMESPACE_URL, f"{spec['slug']}/topic/{n}")) for n in range(len(spec["key_topics"]))
        ]
        promises = [
            ConsultationPromise(
                kind=promise["kind"],
                topic=topic_ids[promise["topic"] - 1] if "topic" in promise else "",
                text=promise["text"],
                owner=promise["owner"],
                due_date=promise.get("due_date"),
                sort_order=order,
            )
            for order, promise in enumerate(spec.get("promises", []))
        ]
        key_topics = [
            {
                "type": "topic",
                "id": topic_id,
                "value": {
                    "heading": topic["heading"],
                    "raised": rich_text(*topic["raised"]),
                    "response": rich_text(topic["response"]) if "response" in topic else "",
                },
            }
            for topic_id, topic in zip(topic_ids, spec["key_topics"], strict=True)
        ]
        page = child_page(
            index,
            ConsultationPage,
            spec["slug"],
            title=spec["title"],
            date=spec["date"],
            venue=spec.get("venue", ""),
            city=spec["city"],
            region=spec.get("region", ""),
            country=spec["country"],
            convener=spec["convener"],
            framework=spec.get("framework", ""),
            participants=spec.get("participants"),
            summary=spec["summary"],
            key_topics=key_topics,
            promised_follow_up=spec.get("promised_follow_up", ""),
            attending_organisations=attendees,
            promises=promises,
        )
        translator.translate(page)


def load_forums(home, translator):
    index = section(home, "forums")
    for spec in read_content("programme")["forums"]:
        sessions = [
            {
                "type": "session",
                "value": {
                    "number": session["number"],
                    "title": session["title"],
                    "examined": session["examined"],
                    "discussion_points": list_items(session.get("discussion_points", [])),
                    "conclusions": session.get("conclusions", ""),
                },
            }
            for session in spec["sessions"]
        ]
        page = child_page(
            index,
            ForumPage,
            spec["slug"],
            title=spec["title"],
            date=spec["date"],
            city=spec["city"],
            country=spec.get("country", ""),
            theme=spec["theme"],
            summary=spec["summary"],
            concept=rich_text(*spec.get("concept", [])),
            sessions=sessions,
            conclusions=spec.get("conclusions", ""),
        )
        translator.translate(page)


def load_recommendations(home, translator):
    index = section(home, "recommendations")
    sources = {page.slug: page for page in section(home, "consultations").get_children().specific()}
    sources |= {page.slug: page for page in section(home, "forums").get_children().specific()}
    for spec in read_content("programme")["recommendations"]:
        if spec["source"] not in sources:
            raise CommandError(f"Recommendation {spec['slug']}: no consultation or forum {spec['source']!r}.")
        (area,) = thematic_areas([spec["thematic_area"]])
        page = child_page(
            index,
            RecommendationPage,
            spec["slug"],
            title=spec["title"],
            text=spec["text"],
            source=sources[spec["source"]],
            session_number=spec.get("session"),
            thematic_area=area,
            addressee=spec["addressee"],
            timeline=[timeline_entry(entry) for entry in spec.get("timeline", []) if not entry.get("untranslated")],
        )
        translator.translate(page)
        # A note added after the translations: readers of Tajik and Russian see it in English, marked so.
        late = [entry for entry in spec.get("timeline", []) if entry.get("untranslated")]
        known = set(page.timeline.values_list("note", flat=True))
        if any(entry["note"] not in known for entry in late):
            page = page.get_latest_revision_as_object()
            for entry in late:
                if entry["note"] not in known:
                    page.timeline.add(timeline_entry(entry))
            page.save_revision().publish()


def timeline_entry(spec):
    fields = ["date", "track", "status", "author_role", "note", "evidence_url"]
    return TimelineEntry(**{name: spec[name] for name in fields if name in spec})
