from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content as data files and its loader. Installed for dev and test only, never in production."""

    name = "demo"
    verbose_name = "Demo content"
