from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as home_views
from home.page_search import PageSearchView
from home.sitemaps import MultilingualSitemap

urlpatterns = [
    # The admin's page search reads Tajik as the site search does (home.page_search); these two
    # take the place of Wagtail's own views at the same addresses, so its links and forms keep working.
    path("admin/pages/search/", require_admin_access(PageSearchView.as_view()), name="admin_page_search"),
    path(
        "admin/pages/search/results/",
        require_admin_access(PageSearchView.as_view(results_only=True)),
        name="admin_page_search_results",
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", home_views.healthz, name="healthz"),
    # Editors' images from the media folder (on disk; with S3 they come from the bucket). Nothing else
    # there has a route: documents are served by Wagtail's document view above, which checks access.
    re_path(r"^media/(?P<path>.+)$", home_views.media_image, name="media_image"),
    # Open Badges: the revocation list and achievement descriptions, the same in every language.
    path("credentials/", include("courses.credential_urls")),
    path("", home_views.root, name="root"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}, name="sitemap"),
]

urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("accounts/", include("accounts.urls")),
    path("", include("courses.urls")),
    path("", include("library.urls")),
    path("", include("programme.urls")),
    # Wagtail's page tree comes last: it serves every path nothing above claimed.
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

handler404 = "home.views.page_not_found"
handler500 = "home.views.server_error"
