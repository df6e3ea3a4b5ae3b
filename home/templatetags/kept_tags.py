"""Blocks rendered once per process and reused while what they show is unchanged.

{% kept_for_readers page "name" part ... %}: what a page shows every anonymous reader alike, while the page
cache would keep the page itself. {% kept_block same "name" %}: what every reader of a response sees alike,
signed in or not (its head, the brand and language switcher, the breadcrumbs), keyed by {% same_for_everyone %}.
"""

from django import template
from django.conf import settings
from django.utils.translation import get_language
from wagtail.models import Page

from home import page_cache
from home.kept import Kept

register = template.Library()

# Each process keeps the rendered blocks (a few KB each, a few per page, language and host): emptied when
# it holds KEPT_BLOCKS of them, and each one is used for PAGE_CACHE_SECONDS at most, like the page itself.
KEPT_BLOCKS = 3000
_kept = Kept(KEPT_BLOCKS)


def _kept_or_rendered(key, nodelist, context):
    rendered = _kept.get(key)
    if rendered is None:
        rendered = _kept.keep(key, nodelist.render(context), settings.PAGE_CACHE_SECONDS or 60)
    return rendered


class KeptNode(template.Node):
    def __init__(self, nodelist, page, parts):
        self.nodelist, self.page, self.parts = nodelist, page, parts

    def render(self, context):
        request = context.get("request")
        page = self.page.resolve(context)
        user = getattr(request, "user", None)
        # Signed-in readers may see more (a trainer's answer sheet); an editor's preview is never kept.
        if request is None or getattr(request, "is_preview", False) or user is None or user.is_authenticated:
            return self.nodelist.render(context)
        key = (
            "readers",
            request.scheme,
            request.get_host(),
            page_cache.page_state(page),  # the page, its siblings, ancestors, packs: what the page cache watches
            *(part.resolve(context) for part in self.parts),
        )
        return _kept_or_rendered(key, self.nodelist, context)


@register.tag
def kept_for_readers(parser, token):
    """{% kept_for_readers page "name" LANGUAGE_CODE %}: the block rendered once per process for anonymous
    readers of this page (by its page_state: until the page, its siblings, ancestors or study packs change,
    everything changes, or PAGE_CACHE_SECONDS pass), in this language on this host; rendered each time for
    signed-in readers and previews."""
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a page and a name")
    nodelist = parser.parse(("endkept_for_readers",))
    parser.delete_first_token()
    return KeptNode(nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(bit) for bit in bits[2:]])


@register.simple_tag(takes_context=True)
def same_for_everyone(context):
    """The key of the blocks every reader of this response sees alike, or None where they are rendered each
    time: previews, addresses with a query string (a search or filters show in the title and the language
    links), and views that do not say their chrome is shared (``shared_chrome`` in the context: the title of
    a quiz result names its lesson, say). On a page, the key follows the page's state (home.page_cache):
    the page, its ancestors, its siblings or a translation published, or everything changed."""
    request = context.get("request")
    # Any query string, even one of only "&" that request.GET reads as empty: the language links keep it.
    if request is None or getattr(request, "is_preview", False) or request.META.get("QUERY_STRING"):
        return None
    page = context.get("page")
    # page_state then follows the ancestors, for the breadcrumbs and the language links' fallbacks.
    if isinstance(page, Page) and page_cache.ancestors_known(page) and context.get("self") is page:
        state = page_cache.page_state(page)
    elif context.get("shared_chrome"):
        state = page_cache.current_version()
    else:
        return None
    return (request.scheme, request.get_host(), request.path, get_language(), state)


class KeptBlockNode(template.Node):
    def __init__(self, nodelist, same, name):
        self.nodelist, self.same, self.name = nodelist, same, name

    def render(self, context):
        same = self.same.resolve(context)
        if not same:  # None, or not worked out by this template (a missing variable resolves to "")
            return self.nodelist.render(context)
        return _kept_or_rendered(("everyone", *same, self.name), self.nodelist, context)


@register.tag
def kept_block(parser, token):
    """{% kept_block same "name" %}...{% endkept_block %}: rendered once per process for every reader of the
    response whose key ``same`` ({% same_for_everyone as same %}) is, or each time where it is None. Only for
    what shows no reader's own data (no user, no form token, no messages)."""
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError(f"{bits[0]} needs a key and a name")
    nodelist = parser.parse(("endkept_block",))
    parser.delete_first_token()
    name = bits[2].strip("\"'")
    return KeptBlockNode(nodelist, parser.compile_filter(bits[1]), name)
