from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.core import checks

        from accounts import cached_user

        from . import credentials, learning_state, signal_handlers

        signal_handlers.connect()
        cached_user.ALSO.append(learning_state.keys)  # read with the signed-in user, in one cache call
        checks.register(credentials.check_signing_key, checks.Tags.security, deploy=True)
