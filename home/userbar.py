"""Whether to show Wagtail's user bar, without two permission queries on every learner's page.

Wagtail's ``{% wagtailuserbar %}`` asks the database whether the reader may use the admin on every
page. Whether they may is remembered in their session when they sign in, so learners (who never
may) cost nothing; editors still get Wagtail's own check when the bar is drawn. A permission given
or taken away shows in the bar at the next sign-in; the admin itself checks on every request.
"""

SESSION_KEY = "hamkori_uses_admin"


def may_use_admin(user):
    return user.has_perm("wagtailadmin.access_admin")


def remember_admin_access(sender, request, user, **kwargs):
    """Connected to user_logged_in."""
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = may_use_admin(user)


def shows_userbar(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    uses_admin = request.session.get(SESSION_KEY)
    if uses_admin is None:  # a session that began before this was remembered
        uses_admin = request.session[SESSION_KEY] = may_use_admin(user)
    return uses_admin
