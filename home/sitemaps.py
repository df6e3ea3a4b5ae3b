from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap walks only the default language's tree; list every translation's."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_any_tree = Q()
        for root in roots:
            in_any_tree |= Q(path__startswith=root.path)
        return Page.objects.filter(in_any_tree).live().public().order_by("path").defer_streamfields().specific()
