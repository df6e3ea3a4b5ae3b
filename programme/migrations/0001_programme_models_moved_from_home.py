"""Step 3 of 3 of the move from `home` (see home 0003): `programme` takes over the tables
`home` renamed for it, and their content types, so every page, revision, permission, search
entry and translation source keeps its rows. On a new database this creates nothing: home 0002
and 0003 made the tables already.
"""


import django.db.models.deletion
import modelcluster.contrib.taggit
import modelcluster.fields
import wagtail.fields
from django.db import migrations, models


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


def move_content_types(apps, schema_editor, old="home", new="programme"):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED_MODELS:
        if ContentType.objects.filter(app_label=old, model=model).exists():
            # A content type under the new name can only have been made empty (with its permissions) by a
            # partial `migrate` run with the new code: no row can use it before this migration, so it goes.
            ContentType.objects.filter(app_label=new, model=model).delete()
            ContentType.objects.filter(app_label=old, model=model).update(app_label=new)


def move_content_types_back(apps, schema_editor):
    move_content_types(apps, schema_editor, old="programme", new="home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0004_programme_models_moved_out'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
        ('wagtailcore', '0097_baselogentry_uuid_action_timestamp_indexes'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='ConsultationIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'consultation list',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ConsultationPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('date', models.DateField(verbose_name='date')),
                        ('venue', models.CharField(blank=True, max_length=255, verbose_name='venue')),
                        ('city', models.CharField(max_length=100, verbose_name='city')),
                        ('region', models.CharField(blank=True, choices=[('dushanbe', 'Dushanbe'), ('sughd', 'Sughd region'), ('khatlon', 'Khatlon region'), ('gbao', 'Gorno-Badakhshan (GBAO)'), ('drs', 'Districts of Republican Subordination'), ('other', 'Outside Tajikistan')], max_length=20, verbose_name='region')),
                        ('country', models.CharField(max_length=100, verbose_name='country')),
                        ('convener', models.CharField(help_text='Who held the consultation.', max_length=255, verbose_name='convener')),
                        ('framework', models.CharField(blank=True, help_text='For example: Country Partnership Framework 2026-2031.', max_length=255, verbose_name='framework consulted on')),
                        ('participants', models.PositiveIntegerField(blank=True, null=True, verbose_name='number of participants')),
                        ('summary', models.TextField(verbose_name='summary')),
                        ('key_topics', wagtail.fields.StreamField([('topic', 3)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Topic', 'max_length': 200}), 1: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'label': 'What participants raised'}), 2: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ul', 'link'], 'help_text': 'Leave empty if the convener did not respond to this topic.', 'label': "The convener's response", 'required': False}), 3: ('wagtail.blocks.StructBlock', [[('heading', 0), ('raised', 1), ('response', 2)]], {})}, help_text="Each topic: what participants raised and the convener's response, if any.", verbose_name='key topics')),
                        ('promised_follow_up', models.TextField(blank=True, help_text='What the convener said would happen next.', verbose_name='follow-up promised')),
                    ],
                    options={
                        'verbose_name': 'consultation summary',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ForumIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'forum list',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ForumPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('date', models.DateField(verbose_name='date')),
                        ('city', models.CharField(max_length=100, verbose_name='city')),
                        ('country', models.CharField(blank=True, max_length=100, verbose_name='country')),
                        ('theme', models.CharField(max_length=255, verbose_name='theme')),
                        ('summary', models.TextField(verbose_name='summary')),
                        ('concept', wagtail.fields.RichTextField(blank=True, verbose_name='concept')),
                        ('sessions', wagtail.fields.StreamField([('session', 6)], blank=True, block_lookup={0: ('wagtail.blocks.IntegerBlock', (), {'label': 'Session number', 'min_value': 1}), 1: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 200}), 2: ('wagtail.blocks.TextBlock', (), {'label': 'What the session examined'}), 3: ('wagtail.blocks.TextBlock', (), {'label': 'Point'}), 4: ('wagtail.blocks.ListBlock', (3,), {'label': 'Main discussion points', 'min_num': 0}), 5: ('wagtail.blocks.TextBlock', (), {'label': 'Conclusions', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('number', 0), ('title', 1), ('examined', 2), ('discussion_points', 4), ('conclusions', 5)]], {})}, help_text='Recommendations are records of their own under Recommendations; give each the session number.', verbose_name='sessions')),
                        ('conclusions', models.TextField(blank=True, verbose_name='conclusions')),
                    ],
                    options={
                        'verbose_name': 'forum',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='RecommendationIndexPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                    ],
                    options={
                        'verbose_name': 'recommendation list',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TrainingProgrammePage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('intro', models.TextField(blank=True, verbose_name='introduction')),
                        ('funder', models.CharField(blank=True, max_length=255, verbose_name='funder')),
                        ('implementer', models.CharField(blank=True, max_length=255, verbose_name='implementer')),
                        ('partners', models.TextField(blank=True, verbose_name='partners')),
                        ('staff_trained', models.PositiveIntegerField(default=0, verbose_name='staff trained')),
                        ('organisations_trained', models.PositiveIntegerField(default=0, verbose_name='CSOs taking part')),
                        ('locations', models.PositiveIntegerField(default=0, verbose_name='locations')),
                        ('training_days', models.PositiveIntegerField(default=0, verbose_name='training days in all')),
                        ('course_days', models.PositiveIntegerField(default=0, verbose_name='days per course')),
                        ('body', wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 15), ('key_figures', 21), ('featured_pages', 25)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 200}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Section heading'), ('h3', 'Sub-heading')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h3', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'icon': 'pilcrow', 'label': 'Text', 'preview_value': '<p>Civil society organisations can influence decisions at local and national level.</p>', 'template': 'blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 200, 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 120}), 11: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'required': False}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 60}), 13: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page on this site', 'required': False}), 14: ('wagtail.blocks.URLBlock', (), {'label': '…or an external address', 'required': False}), 15: ('wagtail.blocks.StructBlock', [[('title', 10), ('text', 11), ('button_label', 12), ('page', 13), ('external_url', 14)]], {}), 16: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 17: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: 140', 'label': 'Figure', 'max_length': 20}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'For example: staff trained', 'label': 'Label', 'max_length': 80}), 19: ('wagtail.blocks.StructBlock', [[('figure', 17), ('label', 18)]], {}), 20: ('wagtail.blocks.ListBlock', (19,), {'label': 'Figures', 'max_num': 6, 'min_num': 1}), 21: ('wagtail.blocks.StructBlock', [[('heading', 16), ('figures', 20)]], {}), 22: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 23: ('wagtail.blocks.PageChooserBlock', (), {}), 24: ('wagtail.blocks.ListBlock', (23,), {'label': 'Pages', 'max_num': 6, 'min_num': 1}), 25: ('wagtail.blocks.StructBlock', [[('heading', 22), ('pages', 24)]], {})}, verbose_name='body')),
                    ],
                    options={
                        'verbose_name': 'training programme',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='TrainingSessionPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('number', models.PositiveSmallIntegerField(help_text='Sessions are listed and linked in this order.', verbose_name='session number')),
                        ('summary', models.TextField(help_text='Two or three sentences.', verbose_name='summary')),
                        ('duration_days', models.PositiveSmallIntegerField(default=1, verbose_name='duration in days')),
                        ('topics', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Item', 'max_length': 300})}, help_text='Drag to reorder.', verbose_name='topics')),
                        ('objectives', wagtail.fields.StreamField([('item', 0)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Item', 'max_length': 300})}, help_text='What a participant can do after the session. One per item.', verbose_name='learning objectives')),
                        ('learn_more', wagtail.fields.StreamField([('page', 0)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'help_text': 'Choose a lesson or library resource. Only published pages are shown to readers.', 'label': 'Page'})}, help_text='Course lessons and library resources that go with this session.', verbose_name='learn more')),
                    ],
                    options={
                        'verbose_name': 'training session',
                        'ordering': ['number'],
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='ConsultationOrganisation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                        ('organisation', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consultations', to='home.organisation', verbose_name='organisation')),
                        ('page', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='attending_organisations', to='programme.consultationpage')),
                    ],
                    options={
                        'verbose_name': 'attending organisation',
                        'ordering': ['sort_order'],
                        'abstract': False,
                    },
                ),
                migrations.CreateModel(
                    name='RecommendationPage',
                    fields=[
                        ('page_ptr', models.OneToOneField(auto_created=True, on_delete=django.db.models.deletion.CASCADE, parent_link=True, primary_key=True, serialize=False, to='wagtailcore.page')),
                        ('text', models.TextField(help_text='The recommendation as it was made.', verbose_name='recommendation')),
                        ('session_number', models.PositiveSmallIntegerField(blank=True, help_text='For forum recommendations: the number of the session that made it.', null=True, verbose_name='forum session number')),
                        ('addressee', models.CharField(choices=[('eu', 'The European Union'), ('governments', 'Governments'), ('donors', 'Donors and international organisations'), ('csos', 'Civil society organisations'), ('business', 'Business')], default='governments', max_length=20, verbose_name='addressed to')),
                        ('follow_up_status', models.CharField(choices=[('open', 'Open'), ('in_progress', 'In progress'), ('implemented', 'Implemented'), ('no_action', 'No action')], default='open', max_length=20, verbose_name='status')),
                        ('follow_up_date', models.DateField(blank=True, null=True, verbose_name='date of the note')),
                        ('follow_up_note', models.TextField(blank=True, verbose_name='follow-up note')),
                        ('evidence_url', models.URLField(blank=True, verbose_name='evidence link')),
                        ('source_slug', models.SlugField(blank=True, editable=False, max_length=255)),
                        ('source', models.ForeignKey(blank=True, help_text='The forum or consultation page where this recommendation was made.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.page', verbose_name='source')),
                        ('thematic_area', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='recommendations', to='home.thematicarea', verbose_name='thematic area')),
                    ],
                    options={
                        'verbose_name': 'recommendation',
                    },
                    bases=('wagtailcore.page',),
                ),
                migrations.CreateModel(
                    name='RecommendationTag',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('content_object', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='tagged_items', to='programme.recommendationpage')),
                        ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='%(app_label)s_%(class)s_items', to='taggit.tag')),
                    ],
                    options={
                        'abstract': False,
                    },
                ),
                migrations.AddField(
                    model_name='recommendationpage',
                    name='tags',
                    field=modelcluster.contrib.taggit.ClusterTaggableManager(blank=True, help_text='Free keywords.', through='programme.RecommendationTag', to='taggit.Tag', verbose_name='keywords'),
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
