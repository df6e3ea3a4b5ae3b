"""One account per email address, whatever its case, guarded by the database.

Accounts are named by their email (the username, stored in lower case by sign-up); two sign-ups for one
address at the same moment both pass the form's check, and this index makes the second one fail cleanly
(accounts.forms.SignupForm.save answers it like any existing address). The index is on the username, not
on the email column: staff accounts made with `createsuperuser` may share an email with a member account.

Before the index, a check: accounts whose usernames differ only in case (possible on sites older than
sign-up's lower-casing) would make the index fail with a raw IntegrityError; the check names them instead.
"""

from django.core.management.base import CommandError
from django.db import migrations
from django.db.models import Count
from django.db.models.functions import Lower


def refuse_usernames_differing_only_in_case(apps, schema_editor):
    """Stop, naming the accounts, when two usernames differ only in case (migrate prints the message alone)."""
    User = apps.get_model("auth", "User")
    clashes = (
        User.objects.annotate(login=Lower("username"))
        .values("login")
        .annotate(count=Count("pk"))
        .filter(count__gt=1)
        .values_list("login", flat=True)
    )
    groups = []
    for login in clashes:
        accounts = User.objects.annotate(login=Lower("username")).filter(login=login).order_by("pk")
        groups.append(", ".join(f"{account.username} (id {account.pk})" for account in accounts))
    if groups:
        raise CommandError(
            "These accounts have usernames that differ only in case, and sign-in treats them as one address:\n  "
            + "\n  ".join(groups)
            + "\nFor each group, merge the accounts into one (keep the one the person uses, move what the others "
            "hold, delete them) or rename all but one username (Wagtail admin > Users), then run migrate again."
        )


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.RunPython(refuse_usernames_differing_only_in_case, migrations.RunPython.noop),
        migrations.RunSQL(
            "CREATE UNIQUE INDEX accounts_unique_login_email ON auth_user (LOWER(username));",
            "DROP INDEX accounts_unique_login_email;",
        )
    ]
