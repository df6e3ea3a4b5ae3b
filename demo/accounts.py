"""Demo logins (content/accounts.toml): only where the settings opt in (DEMO_ACCOUNTS = True)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.utils import timezone

from home.models import Affiliation, MemberProfile

from .data import read_content
from .directory import organisations


def demo_accounts_allowed():
    """The one rule for every demo login: only where the settings opt in with ``DEMO_ACCOUNTS = True``."""
    return getattr(settings, "DEMO_ACCOUNTS", False) is True


def check_demo_accounts_allowed():
    if not demo_accounts_allowed():
        raise CommandError(
            "Demo accounts have known passwords and are created only where the settings say DEMO_ACCOUNTS = True "
            "(cms/settings/dev.py and test.py; never production). "
            "Run load_demo_content without --with-demo-accounts, or with development settings."
        )


def create_demo_accounts():
    """Create the demo logins that are missing; return every one as (role, username, password)."""
    check_demo_accounts_allowed()
    User = get_user_model()
    logins = []
    for spec in read_content("accounts")["accounts"]:
        superuser = spec.get("superuser", False)
        user, created = User.objects.get_or_create(
            username=spec["username"],
            defaults={
                "email": spec.get("email", ""),
                "first_name": spec.get("first_name", ""),
                "last_name": spec.get("last_name", ""),
                "is_staff": superuser,
                "is_superuser": superuser,
            },
        )
        if created:
            user.set_password(spec["password"])
            user.save()
            groups = Group.objects.filter(name__in=spec.get("groups", []))
            if len(groups) != len(spec.get("groups", [])):
                raise CommandError(f"Demo account {user}: a group of {spec['groups']} is missing (run setup_site).")
            user.groups.add(*groups)
        organisation = organisations([spec["organisation"]])[0] if "organisation" in spec else None
        profile, _created = MemberProfile.objects.get_or_create(
            user=user,
            defaults={
                "organisation": organisation,
                "region": organisation.region if organisation else "",
                "preferred_language": spec.get("preferred_language", settings.LANGUAGE_CODE),
                "email_confirmed_at": timezone.now(),
            },
        )
        # Demo people are confirmed members of their organisation, as staff would confirm them.
        link = Affiliation.objects.claim(user, profile.organisation)
        if link is not None and link.status == Affiliation.Status.PENDING:
            link.decide(Affiliation.Status.CONFIRMED, method=Affiliation.Method.STAFF)
        logins.append((spec["role"], spec["username"], spec["password"]))
    return logins
