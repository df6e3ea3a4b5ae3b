"""{% kept_for_readers page "name" part ... %}...{% endkept_for_readers %}: what a page shows every anonymous
reader alike, rendered once per process while the page cache would keep the page itself."""

from django import template
from django.conf import settings

from home import page_cache
from home.kept import Kept

register = template.Library()

# Each process keeps the rendered blocks (a few KB each, one per page, language and host): emptied when
# it holds KEPT_BLOCKS of them, and each one is used for PAGE_CACHE_SECONDS at most, like the page itself.
KEPT_BLOCKS = 1000
_kept = Kept(KEPT_BLOCKS)


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
            request.scheme,
            request.get_host(),
            page_cache.page_state(page),  # the page, its siblings, ancestors, packs: what the page cache watches
            *(part.resolve(context) for part in self.parts),
        )
        rendered = _kept.get(key)
        if rendered is None:
            rendered = _kept.keep(key, self.nodelist.render(context), settings.PAGE_CACHE_SECONDS or 60)
        return rendered


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
