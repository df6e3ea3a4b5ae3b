"""An index on Wagtail's page paths: every page request finds its page (and its ancestors) by url_path.

Wagtail's own Page model has none (its tree walk goes by parent path and slug), so without it each
request scans the whole page table: about 5 ms at 10,000 pages. Wagtail's table is not ours to
migrate, so the index is created here, by name, and dropped again when this migration is reversed.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0008_self_declared_sex_phone_and_organisation_size"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            sql="CREATE INDEX IF NOT EXISTS home_page_url_path_idx ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX IF EXISTS home_page_url_path_idx",
        ),
    ]
