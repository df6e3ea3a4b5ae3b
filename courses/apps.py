from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")

    def ready(self):
        from django.core import checks

        from . import credentials, signal_handlers

        signal_handlers.connect()
        checks.register(credentials.check_signing_key, checks.Tags.security, deploy=True)
