"""Step 2 of 3 of the move to `programme` (see 0003): `home` forgets the programme models.

State only: the tables now belong to `programme`, whose 0001 takes them over.
"""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0003_rename_programme_tables'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='consultationorganisation',
                name='organisation',
            ),
            migrations.RemoveField(
                model_name='consultationorganisation',
                name='page',
            ),
            migrations.RemoveField(
                model_name='consultationpage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='forumindexpage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='forumpage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='recommendationindexpage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='recommendationpage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='recommendationpage',
                name='source',
            ),
            migrations.RemoveField(
                model_name='recommendationpage',
                name='tags',
            ),
            migrations.RemoveField(
                model_name='recommendationpage',
                name='thematic_area',
            ),
            migrations.RemoveField(
                model_name='recommendationtag',
                name='content_object',
            ),
            migrations.RemoveField(
                model_name='recommendationtag',
                name='tag',
            ),
            migrations.RemoveField(
                model_name='trainingprogrammepage',
                name='page_ptr',
            ),
            migrations.RemoveField(
                model_name='trainingsessionpage',
                name='page_ptr',
            ),
            migrations.DeleteModel(
                name='ConsultationIndexPage',
            ),
            migrations.DeleteModel(
                name='ConsultationOrganisation',
            ),
            migrations.DeleteModel(
                name='ConsultationPage',
            ),
            migrations.DeleteModel(
                name='ForumIndexPage',
            ),
            migrations.DeleteModel(
                name='ForumPage',
            ),
            migrations.DeleteModel(
                name='RecommendationIndexPage',
            ),
            migrations.DeleteModel(
                name='RecommendationPage',
            ),
            migrations.DeleteModel(
                name='RecommendationTag',
            ),
            migrations.DeleteModel(
                name='TrainingProgrammePage',
            ),
            migrations.DeleteModel(
                name='TrainingSessionPage',
            ),
            ],
            database_operations=[],
        )
    ]
