"""Library moderators of a site set up before organisation links existed may see and confirm them (the queue
in Directory > Organisation links). New sites get the same from setup_site."""

from django.db import migrations


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    moderators = Group.objects.filter(name="Library moderators").first()
    if moderators is None:
        return  # setup_site has not run: it gives them these permissions when it makes the group
    content_type, _created = ContentType.objects.get_or_create(app_label="home", model="affiliation")
    for action, label in (("view", "Can view organisation link"), ("change", "Can change organisation link")):
        permission, _created = Permission.objects.get_or_create(
            content_type=content_type, codename=f"{action}_affiliation", defaults={"name": label}
        )
        moderators.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0003_affiliations_from_earlier_memberships"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
