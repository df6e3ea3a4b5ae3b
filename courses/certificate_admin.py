"""Certificates in the Wagtail admin: find one by code or name, see it, and revoke it with a reason.

Certificates are issued by finishing a course, so nobody adds, edits or deletes them here. Listing
needs `view_certificate` (or `revoke_certificate`); revoking needs `revoke_certificate`.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.models import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies.base import ModelPermissionPolicy

from .models import Certificate, CoursePage

REVOKE_PERMISSION = "courses.revoke_certificate"


class CertificatePermissionPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False  # issued by finishing a course, never typed in by hand
        if action == "view":
            return user.has_perm("courses.view_certificate") or user.has_perm(REVOKE_PERMISSION)
        return super().user_has_permission(user, action)


class CertificateIndexView(IndexView):
    def get_base_queryset(self):
        # The course title (in its source language) in the same query as the rows.
        titles = CoursePage.objects.filter(translation_key=OuterRef("course_key"), alias_of__isnull=True).order_by(
            "locale_id"
        )
        return super().get_base_queryset().annotate(course_title=Subquery(titles.values("title")[:1]))

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.is_revoked and self.request.user.has_perm(REVOKE_PERMISSION):
            buttons.append(
                ListingButton(_("Revoke"), reverse("courses_certificate_revoke", args=[instance.pk]), icon_name="cross")
            )
        return buttons


class CertificateViewSet(ModelViewSet):
    model = Certificate
    icon = "tick-inverse"
    menu_label = _("Certificates")
    add_to_admin_menu = True
    menu_order = 270
    index_view_class = CertificateIndexView
    inspect_view_enabled = True
    inspect_view_fields = ["code", "learner_name", "issued_at", "revoked_at", "revocation_reason"]
    list_display = [
        "code",
        "learner_name",
        Column("course_title", label=_("Course")),
        DateColumn("issued_at", label=_("Issued")),
        DateColumn("revoked_at", label=_("Revoked")),
    ]
    list_filter = ["revoked_at"]
    search_fields = ["code", "learner_name"]
    search_backend_name = None  # a plain database search: certificates are not in the site's search index
    ordering = ["-issued_at"]
    copy_view_enabled = False
    form_fields = ["learner_name"]  # required by ModelViewSet; its add and edit views are refused to everyone

    @property
    def permission_policy(self):
        return CertificatePermissionPolicy(self.model)


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("Kept with the certificate for staff. The public page only says that it was revoked, and when."),
    )


def revoke_view(request, pk):
    if not request.user.has_perm(REVOKE_PERMISSION):
        raise PermissionDenied
    certificate = get_object_or_404(Certificate, pk=pk)
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not certificate.is_revoked:
        certificate.revoke(form.cleaned_data["reason"])
        messages.success(request, _("Certificate %(code)s revoked.") % {"code": certificate.code})
        return redirect("courses_certificates:index")
    return TemplateResponse(
        request,
        "courses/admin/revoke_certificate.html",
        {"form": form, "certificate": certificate, "page_title": _("Revoke a certificate")},
    )


def admin_urls():
    return [path("certificates/revoke/<int:pk>/", revoke_view, name="courses_certificate_revoke")]
