"""One account per email address, whatever its case, guarded by the database.

Accounts are named by their email (the username, stored in lower case by sign-up); two sign-ups for one
address at the same moment both pass the form's check, and this index makes the second one fail cleanly
(accounts.forms.SignupForm.save answers it like any existing address). The index is on the username, not
on the email column: staff accounts made with `createsuperuser` may share an email with a member account.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("auth", "0012_alter_user_first_name_max_length")]

    operations = [
        migrations.RunSQL(
            "CREATE UNIQUE INDEX accounts_unique_login_email ON auth_user (LOWER(username));",
            "DROP INDEX accounts_unique_login_email;",
        )
    ]
