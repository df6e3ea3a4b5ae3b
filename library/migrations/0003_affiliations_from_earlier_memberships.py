"""Existing people get a link to the organisation in their profile (issue 16, item 1).

Before, naming an organisation was enough: anyone could claim one. Links are therefore **pending**, except
where someone accountable already stands behind them:
- staff accounts (is_staff or superuser), and
- people who sent a contribution for that organisation that moderators approved (its contact in practice).
Library members whose link is now pending leave the "Library members" group; a colleague confirmed above,
or staff in Directory > Organisation links, confirms them again in one click.
"""

from django.db import migrations
from django.utils import timezone
from django.utils.crypto import salted_hmac


def digest(email):
    return salted_hmac("home.Affiliation", (email or "").strip().lower()).hexdigest()


def links_from_profiles(apps, schema_editor):
    MemberProfile = apps.get_model("home", "MemberProfile")
    Affiliation = apps.get_model("home", "Affiliation")
    Submission = apps.get_model("library", "Submission")
    Group = apps.get_model("auth", "Group")
    contacts = set(Submission.objects.filter(status="approved").values_list("submitter_id", "organisation_id"))
    contributed = set(Submission.objects.filter(status="approved").values_list("organisation_id", flat=True))
    now = timezone.now()
    confirmed_members = set()
    profiles = MemberProfile.objects.filter(organisation__isnull=False).select_related("user")
    for profile in profiles.iterator():
        user = profile.user
        if Affiliation.objects.filter(user=user, organisation_id=profile.organisation_id).exists():
            continue
        trusted = user.is_staff or user.is_superuser or (user.pk, profile.organisation_id) in contacts
        Affiliation.objects.create(
            user=user,
            organisation_id=profile.organisation_id,
            email_digest=digest(user.email or user.username),
            status="confirmed" if trusted else "pending",
            method="earlier_rule" if trusted else "",
            decided_at=now if trusted else None,
        )
        if trusted and profile.organisation_id in contributed:
            confirmed_members.add(user.pk)
    members = Group.objects.filter(name="Library members").first()
    if members is not None:
        for user in members.user_set.exclude(pk__in=confirmed_members):
            user.groups.remove(members)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0011_affiliations_and_confirmed_email"),
        ("library", "0002_verbose_names_for_the_russian_admin"),
    ]

    operations = [migrations.RunPython(links_from_profiles, migrations.RunPython.noop)]
