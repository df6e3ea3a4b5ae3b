"""The programme pages move from `home` to their own app, `programme`, without losing a row.

Step 1 of 3: rename their tables to the names the `programme` app gives them. Step 2
(programme 0001) takes them over in Django's model state and moves their content types, so
pages, revisions, permissions and translations keep pointing at the same rows. Step 3
(home 0004) drops them from `home`'s model state.
"""

from django.db import migrations

MOVED_MODELS = [
    "trainingprogrammepage",
    "trainingsessionpage",
    "consultationindexpage",
    "consultationpage",
    "consultationorganisation",
    "forumindexpage",
    "forumpage",
    "recommendationindexpage",
    "recommendationpage",
    "recommendationtag",
]


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_programme_content_pages"),
    ]

    operations = [migrations.AlterModelTable(name=name, table=f"programme_{name}") for name in MOVED_MODELS]
