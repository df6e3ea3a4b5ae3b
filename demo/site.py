"""The home page's body and the standard pages (content/site.toml)."""

from home.models import StandardPage

from .blocks import stream
from .data import read_content
from .pages import child_page, fill_empty


def load_site(home, translator):
    data = read_content("site")
    if fill_empty(home, body=stream(data["home"]["body"], home)):
        translator.translate(home, update=True)
    pages = {}
    for spec in data["pages"]:
        parent = pages[spec["parent"]] if "parent" in spec else home
        page = child_page(
            parent,
            StandardPage,
            spec["slug"],
            title=spec["title"],
            intro=spec.get("intro", ""),
            body=stream(spec.get("body", []), home),
            show_in_menus=spec.get("show_in_menus", False),
        )
        # A parent is translated before its children, so wagtail-localize never copies it untranslated.
        translator.translate(page)
        pages[spec["slug"]] = page
