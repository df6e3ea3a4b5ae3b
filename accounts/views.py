from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.utils import ErrorDict
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail import hooks

from home.languages import is_site_language, preferred_language, remember_language
from home.models import Affiliation, MemberProfile

from . import login_throttle
from .confirmation import (
    confirm,
    is_confirmed,
    login_backend,
    notify_colleagues,
    send_already_registered,
    send_confirmation,
    user_for_link,
)
from .forms import (
    ConfirmNewAccountForm,
    DeleteAccountForm,
    EmailForm,
    PasswordResetForm,
    ProfileForm,
    SignupForm,
    ThrottledAuthenticationForm,
    existing_account,
)
from .limits import connection_allowed
from .organisations import MergeOrganisationsForm, can_merge_organisations, merge_organisations


def safe_next(request):
    """The page that sent the reader here (`next`), if it is on this site; else ''."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        return target
    return ""


def welcome(request, target, text, **params):
    """A message for the page at `target`, in that page's language."""
    code = target.split("/", 2)[1] if target.count("/") >= 2 else ""
    with translation.override(code if is_site_language(code) else get_language()):
        messages.success(request, _(text) % params)


def signup(request):
    """The same answer whether or not the address has an account: "check your email". A new account opens with
    the link in its email; the owner of an existing one is told by email that someone tried."""
    if request.user.is_authenticated:
        return redirect(safe_next(request) or f"/{get_language()}/")
    form = SignupForm(request.POST or None, initial={"preferred_language": get_language()})
    if request.method == "POST" and form.is_valid():
        user, created = form.save()
        if created:
            send_confirmation(request, user, form.cleaned_data["preferred_language"], safe_next(request))
        elif user is not None:
            send_already_registered(request, user)
        return redirect("signup_check_email")
    return render(request, "accounts/signup.html", {"form": form, "next": safe_next(request)})


def signup_check_email(request):
    return render(request, "accounts/check_email.html")


def send_link_again(request):
    """A new account's link, again; the answer never says whether the address has an account."""
    form = EmailForm(request.POST or None)
    if request.method == "POST":
        if not connection_allowed(request, "confirm-again"):
            form.add_error(None, _("Too many requests from your connection. Please wait an hour and try again."))
            return render(request, "accounts/send_link_again.html", {"form": form}, status=429)
        if form.is_valid():
            user = existing_account(form.cleaned_data["email"])
            if user is not None and not user.is_active and user.last_login is None:
                send_confirmation(request, user)
            return redirect("signup_check_email")
    return render(request, "accounts/send_link_again.html", {"form": form})


@login_required
@require_POST
def send_confirmation_link(request):
    """From the profile: an account from before confirmation existed confirms its address."""
    if not is_confirmed(request.user):
        send_confirmation(request, request.user)
    messages.success(
        request, _("We have sent a link to %(email)s. Open it to confirm your address.") % {"email": request.user.email}
    )
    return redirect("profile")


def confirm_email(request, uidb64, token):
    """The link from the email. A GET only shows a button (mail scanners open links); the POST confirms.

    An account that a second sign-up named has no password (accounts.forms.SignupForm._start_over): the person
    who opens the link chooses it here. Someone signed in as another account is asked before switching."""
    user = user_for_link(uidb64, token)
    if user is None:
        return render(request, "accounts/confirm_email.html", {"invalid": True}, status=400)
    other = request.user if request.user.is_authenticated and request.user.pk != user.pk else None
    choose_password = not user.has_usable_password()
    form = ConfirmNewAccountForm(user, request.POST or None) if choose_password else None
    ready = request.method == "POST" and (form is None or form.is_valid())
    if ready and other is not None and not request.POST.get("switch"):
        ready = False
    if not ready:
        context = {"next": safe_next(request), "form": form, "other": other, "account_email": user.email}
        return render(request, "accounts/confirm_email.html", context)
    if form is not None:
        form.save()
    confirm(user)
    notify_colleagues(request, Affiliation.objects.current(user))
    if other is not None:
        logout(request)
    if not request.user.is_authenticated and user.is_active:
        login(request, user, backend=login_backend())
    language = preferred_language(user)
    target = safe_next(request) or f"/{language}/my-learning/"
    welcome(
        request,
        target,
        gettext_noop("Your email address is confirmed. Welcome to Hamkori, %(name)s!"),
        name=user.first_name,
    )
    return remember_language(redirect(target), language)


class ConfirmingPasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """Django's "choose a new password"; the link came by email, so the address is confirmed too."""

    def form_valid(self, form):
        response = super().form_valid(form)
        if not is_confirmed(self.user):
            confirm(self.user)
        return response


class ThrottledPasswordResetView(auth_views.PasswordResetView):
    """Django's reset: the same answer for every address; emails to one address and requests from one
    connection are limited (accounts/limits.py)."""

    form_class = PasswordResetForm

    def post(self, request, *args, **kwargs):
        if not connection_allowed(request, "password-reset"):
            form = self.get_form()
            form.is_valid()
            form.add_error(None, _("Too many requests from your connection. Please wait an hour and try again."))
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, refused for a while after repeated failures for one username or one address."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        """Without a `next`, the home page in the member's own language."""
        return f"/{preferred_language(self.request.user)}/"

    def form_valid(self, form):
        response = super().form_valid(form)
        user = form.get_user()
        name = user.first_name or user.get_username()
        welcome(self.request, response["Location"], gettext_noop("Welcome back, %(name)s."), name=name)
        if not self.get_redirect_url():
            remember_language(response, preferred_language(user))
        return response

    def post(self, request, *args, **kwargs):
        # The backend refuses anyway; this says why, with a 429, instead of "wrong password".
        if login_throttle.is_throttled(request, request.POST.get("username", "")):
            form = self.get_form()
            form.cleaned_data = {}
            form._errors = ErrorDict()
            form.add_error(
                None,
                ValidationError(
                    form.error_messages["throttled"],
                    code="throttled",
                    params={"minutes": login_throttle.minutes_to_wait(request, request.POST.get("username", ""))},
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)


@login_required
def profile(request):
    profile_obj, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=request.user, profile=profile_obj)
    organisation_before = profile_obj.organisation_id
    if request.method == "POST" and form.is_valid():
        form.save()
        if profile_obj.organisation_id != organisation_before:
            notify_colleagues(request, Affiliation.objects.current(request.user))
        language = profile_obj.preferred_language
        with translation.override(language):
            messages.success(request, _("Your profile is saved."))
            return remember_language(redirect("profile"), language)
    context = {
        "form": form,
        "affiliation": Affiliation.objects.current(request.user),
        "pending_colleagues": Affiliation.objects.pending_colleagues(request.user),
        "email_confirmed": is_confirmed(request.user),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def decide_colleague(request, pk, decision):
    """A confirmed member confirms (or declines) a colleague's claim to their organisation."""
    claim = get_object_or_404(Affiliation.objects.pending_colleagues(request.user), pk=pk)
    if decision == "confirm":
        claim.decide(Affiliation.Status.CONFIRMED, by=request.user, method=Affiliation.Method.COLLEAGUE)
        text = _("%(name)s is now confirmed as a member of your organisation.")
    else:
        claim.decide(Affiliation.Status.REVOKED, by=request.user)
        text = _("%(name)s is not linked to your organisation.")
    messages.success(request, text % {"name": claim.user.get_full_name() or claim.user.email})
    return redirect("profile")


@login_required
def export_my_data(request):
    """Everything Hamkori keeps about the signed-in person, as a JSON file only they can download."""
    user = request.user
    profile = MemberProfile.objects.filter(user=user).select_related("organisation").first()
    organisation = profile.organisation if profile else None
    data = {
        "account": {
            "email": user.email,
            "first_name": user.first_name,
            "last_name": user.last_name,
            "joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
        },
        "profile": {
            "organisation": organisation.name if organisation else None,
            "region": profile.region if profile else "",
            "phone": profile.phone if profile else "",
            "sex": profile.sex if profile else "",
            "preferred_language": profile.preferred_language if profile else "",
        },
    }
    # Each app adds what it keeps about the person (courses: enrolments, attempts, certificates...).
    for personal_data in hooks.get_hooks("register_personal_data"):
        data.update(personal_data(user))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="hamkori-my-data.json"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def delete_account(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        # Enrolments, progress, attempts and certificates cascade with the user.
        user.delete()
        messages.success(request, _("Your account and your learning data have been deleted."))
        return redirect(f"/{get_language()}/")
    return render(request, "accounts/delete_account.html", {"form": form})


def merge_organisations_view(request):
    """Wagtail admin: merge a duplicate organisation into the one to keep (editors with change and delete)."""
    if not can_merge_organisations(request.user):
        raise PermissionDenied
    form = MergeOrganisationsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source, target = form.cleaned_data["source"], form.cleaned_data["target"]
        name = source.name
        moved = merge_organisations(source, target)
        messages.success(
            request,
            _("“%(source)s” is merged into “%(target)s” (%(moved)d records moved).")
            % {"source": name, "target": target.name, "moved": moved},
        )
        return redirect("merge_organisations")
    return render(request, "accounts/admin/merge_organisations.html", {"form": form})
