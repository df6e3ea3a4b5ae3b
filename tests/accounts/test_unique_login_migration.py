"""accounts/0001 adds a unique index on LOWER(username); on a site whose accounts already differ only in case, it
stops first with a message that names them and says what to do, instead of a raw IntegrityError."""

import importlib

import pytest
from django.apps import apps
from django.core.management.base import CommandError
from django.db import connection

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("accounts.migrations.0001_unique_login_email")


def test_usernames_that_differ_only_in_case_stop_the_migration_with_their_names():
    with connection.cursor() as cursor:  # an older site, before the index (the test's transaction restores it)
        cursor.execute("DROP INDEX accounts_unique_login_email")
    UserFactory(email="amina@example.org")
    UserFactory(email="Amina@Example.org")
    UserFactory(email="rustam@example.org")
    with pytest.raises(CommandError) as refused:
        migration.refuse_usernames_differing_only_in_case(apps, connection.schema_editor())
    message = str(refused.value)
    assert "amina@example.org" in message and "Amina@Example.org" in message
    assert "rustam@example.org" not in message
    assert "merge" in message.lower() and "rename" in message.lower()


def test_distinct_usernames_pass():
    UserFactory(email="amina@example.org")
    UserFactory(email="rustam@example.org")
    assert migration.refuse_usernames_differing_only_in_case(apps, connection.schema_editor()) is None
