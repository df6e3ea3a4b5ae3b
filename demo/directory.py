"""Thematic areas and organisations (content/directory.toml), shared by every section."""

from django.core.management.base import CommandError
from wagtail.models import Locale

from home.models import Organisation, ThematicArea

from .data import read_content


def load_directory(home, translator):
    data = read_content("directory")
    english = Locale.get_default()
    for spec in data["thematic_areas"]:
        area, _created = ThematicArea.objects.get_or_create(
            locale=english, slug=spec["slug"], defaults={"name": spec["name"]}
        )
        translator.translate(area)
    for spec in data["organisations"]:
        Organisation.objects.get_or_create(
            name=spec["name"],
            defaults={
                # The directory keeps its Tajik and Russian names beside the English one.
                "name_tg": translator.text("tg", spec["name"]) or "",
                "name_ru": translator.text("ru", spec["name"]) or "",
                "type": spec["type"],
                "region": spec.get("region", ""),
                "city": spec.get("city", ""),
            },
        )


def thematic_areas(slugs):
    """The English thematic areas with these slugs, in this order."""
    areas = {area.slug: area for area in ThematicArea.objects.filter(locale=Locale.get_default(), slug__in=slugs)}
    unknown = [slug for slug in slugs if slug not in areas]
    if unknown:
        raise CommandError(f"Unknown thematic areas in the demo content: {', '.join(unknown)}")
    return [areas[slug] for slug in slugs]


def organisations(names):
    """The organisations with these names, in this order."""
    found = Organisation.objects.in_bulk(names, field_name="name")
    unknown = [name for name in names if name not in found]
    if unknown:
        raise CommandError(f"Organisations missing from demo/content/directory.toml: {', '.join(unknown)}")
    return [found[name] for name in names]
