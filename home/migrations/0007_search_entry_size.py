from django.db import migrations, models
from django.db.models.functions import Length


def fill_sizes(apps, schema_editor):
    SearchEntry = apps.get_model("home", "SearchEntry")
    SearchEntry.objects.update(size=Length("title") + Length("text"))


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_search_term_pattern_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="size",
            field=models.PositiveIntegerField(default=0, help_text="Characters in title and text: shorter ranks first."),
        ),
        migrations.RunPython(fill_sizes, migrations.RunPython.noop),
    ]
