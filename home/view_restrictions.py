"""Which view restrictions (private sections) apply to a page, without a query on every page view.

Before serving a page Wagtail asks ``page.get_view_restrictions()``: the page's ancestors, then their
restrictions, two queries on every page view, the same for every reader. A site has a handful of
restrictions, so all of them are kept with the cached site (home.middleware.CachedSiteMiddleware),
which is rebuilt whenever a restriction is saved or deleted or a page is moved (home.page_cache.invalidate),
and a page found by routing looks its own up in that list (home.models.HomePage.route).
"""

from functools import partial

from django.db.models import F
from wagtail.models import PageViewRestriction


def all_restrictions():
    """Every view restriction, each with the tree path of its page (``page_path``)."""
    return list(PageViewRestriction.objects.annotate(page_path=F("page__path")).order_by("page_path", "pk"))


def answer_from(restrictions, page, ancestors):
    """Let ``page.get_view_restrictions()`` answer from this list, when `ancestors` are the page's (from
    the home page down) and none of them is an alias (an alias takes its source's restrictions: Wagtail's
    own look-up is kept for those)."""
    if restrictions is None or any(other.alias_of_id for other in (page, *ancestors)):
        return
    applying = [restriction for restriction in restrictions if page.path.startswith(restriction.page_path)]
    page.get_view_restrictions = partial(list, applying)
