"""Merging a typed-in organisation into the directory entry it duplicates."""

from django import forms
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.models import Page, Revision

from home.collation import AlphabeticalModelChoiceField, sort_key
from home.models import Organisation
from home.signals import organisations_merged


def _references():
    """(model, field name) for every foreign key to Organisation, whichever app owns it."""
    return [
        (model, field.name)
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.ForeignKey) and field.related_model is Organisation
    ]


def _patch(content, source_pk, target_pk):
    """Saved revisions keep the organisation's id under the key "organisation" (the field name
    everywhere it is a foreign key), also inside child lists such as a consultation's attendees."""
    if isinstance(content, dict):
        return {
            key: target_pk if key == "organisation" and value == source_pk else _patch(value, source_pk, target_pk)
            for key, value in content.items()
        }
    if isinstance(content, list):
        return [_patch(item, source_pk, target_pk) for item in content]
    return content


def _revisioned_types(model):
    """The content type whose saved revisions can hold this model's rows: the page itself, or the
    page an inline row belongs to (such as a consultation's attendees)."""
    if issubclass(model, Page):
        return ContentType.objects.get_for_model(model)
    parent = next((f for f in model._meta.concrete_fields if isinstance(f, ParentalKey)), None)
    return ContentType.objects.get_for_model(parent.related_model) if parent else None


@transaction.atomic
def merge_organisations(source, target):
    """Point everything at target, fix saved revisions, then delete source. Returns how many records moved."""
    if source.pk == target.pk:
        raise ValueError("an organisation cannot be merged into itself")
    moved = 0
    revisioned = set()
    for model, name in _references():
        moved += model._base_manager.filter(**{name: source}).update(**{name: target})
        revisioned.add(_revisioned_types(model))
    # Drafts and older revisions too, so that publishing or reverting one cannot bring source back.
    revisions = Revision.objects.filter(content_type__in=revisioned - {None}).only("pk", "content")
    for revision in revisions.iterator(chunk_size=500):
        patched = _patch(revision.content, source.pk, target.pk)
        if patched != revision.content:
            revision.content = patched
            revision.save(update_fields=["content"])
    source_name = source.name
    source.delete()
    organisations_merged.send(sender=Organisation, source_name=source_name, target=target)
    return moved


def can_merge_organisations(user):
    """Merging changes one organisation and deletes another."""
    return user.has_perm("home.change_organisation") and user.has_perm("home.delete_organisation")


class OrganisationChoiceField(AlphabeticalModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name if obj.is_verified else _("%(name)s (not verified)") % {"name": obj.name}

    def order_key(self, obj):
        return (obj.is_verified, sort_key(obj.name))


class MergeOrganisationsForm(forms.Form):
    source = OrganisationChoiceField(
        queryset=Organisation.objects.all(),
        label=_("Merge this organisation"),
        help_text=_("Usually a name someone typed at sign-up (not verified). It is deleted after the merge."),
    )
    target = OrganisationChoiceField(
        queryset=Organisation.objects.all(),
        label=_("into this one"),
        help_text=_("The directory entry to keep. Its people, resources and submissions now include the other's."),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("source") and cleaned.get("source") == cleaned.get("target"):
            raise forms.ValidationError(_("Choose two different organisations."))
        return cleaned
