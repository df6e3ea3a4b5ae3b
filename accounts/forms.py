from django import forms
from django.conf import settings
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm, UserCreationForm
from django.contrib.auth.hashers import make_password
from django.db import IntegrityError, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from home.collation import AlphabeticalModelChoiceField
from home.languages import preferred_language
from home.models import Affiliation, MemberProfile, Organisation, Region, Sex

from .confirmation import is_confirmed
from .limits import may_email


class OrganisationFields(forms.Form):
    """Pick an organisation from the directory, or type the name of one that is not there yet."""

    organisation = AlphabeticalModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.filter(is_verified=True),
        required=False,
        empty_label="—",
        help_text=_("Choose your organisation from the list."),
    )
    new_organisation = forms.CharField(
        label=_("…or type its name if it is not in the list"),
        max_length=255,
        required=False,
    )
    region = forms.ChoiceField(label=_("Region"), choices=[("", "—")] + list(Region.choices), required=False)
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)

    def clean_new_organisation(self):
        return " ".join(self.cleaned_data.get("new_organisation", "").split())

    def chosen_organisation(self):
        """The organisation chosen or typed; a typed name not in the directory creates an unverified one."""
        organisation = self.cleaned_data.get("organisation")
        typed = self.cleaned_data.get("new_organisation")
        if organisation or not typed:
            return organisation
        existing = Organisation.objects.filter(name__iexact=typed).first()
        if existing:
            return existing
        organisation, _created = Organisation.objects.get_or_create(
            name=typed, defaults={"is_verified": False, "region": self.cleaned_data.get("region", "")}
        )
        return organisation


class SignupForm(UserCreationForm):
    first_name = forms.CharField(label=_("First name"), max_length=150)
    last_name = forms.CharField(label=_("Last name"), max_length=150)
    email = forms.EmailField(label=_("Email"))
    organisation = OrganisationFields.base_fields["organisation"]
    new_organisation = OrganisationFields.base_fields["new_organisation"]
    region = OrganisationFields.base_fields["region"]
    preferred_language = OrganisationFields.base_fields["preferred_language"]

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password1",
        "password2",
        "organisation",
        "new_organisation",
        "region",
        "preferred_language",
    ]

    class Meta(UserCreationForm.Meta):
        model = get_user_model()
        fields = ["first_name", "last_name", "email"]

    clean_new_organisation = OrganisationFields.clean_new_organisation
    chosen_organisation = OrganisationFields.chosen_organisation

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def save(self, commit=True):
        """The new account (inactive until its email link is opened) and True; or the account that already has
        this address and False, changing nothing (the view emails its owner). The form never says which."""
        email = self.cleaned_data["email"]
        existing = existing_account(email)
        if existing is None:
            try:
                with transaction.atomic():
                    return self._create(email), True
            except IntegrityError:
                # Another request for the same address saved first (the database's unique index said so).
                existing = existing_account(email)
        make_password(self.cleaned_data["password1"])  # the same work as a new account: no timing hint
        if existing is not None and never_used(existing):
            self._start_over(existing)
        return existing, False

    def _start_over(self, user):
        """A second sign-up for an account nobody has opened yet: either could be the address's owner, so
        neither password is kept (the person who opens the emailed link chooses it there) and the earlier
        organisation claim ends. The names and language typed last are kept (the email and the link's page follow
        that language; the page shows the names to keep or change)."""
        user.set_unusable_password()
        user.first_name = self.cleaned_data["first_name"]
        user.last_name = self.cleaned_data["last_name"]
        user.save(update_fields=["password", "first_name", "last_name"])
        MemberProfile.objects.filter(user=user).update(
            organisation=None,
            region=self.cleaned_data.get("region", ""),
            preferred_language=self.cleaned_data["preferred_language"],
        )
        Affiliation.objects.claim(user, None)

    def _create(self, email):
        user = super().save(commit=False)
        user.username = email
        user.email = email
        user.is_active = False
        user.save()
        organisation = self.chosen_organisation()
        MemberProfile.objects.create(
            user=user,
            organisation=organisation,
            region=self.cleaned_data.get("region", ""),
            preferred_language=self.cleaned_data["preferred_language"],
        )
        Affiliation.objects.claim(user, organisation)  # pending until someone confirms it
        return user


def never_used(user):
    """An account made at sign-up whose emailed link nobody has opened yet."""
    return not user.is_active and user.last_login is None and not is_confirmed(user)


class ConfirmNewAccountForm(SetPasswordForm):
    """The emailed link of an account that two sign-ups named: the person who opens it chooses the password
    and keeps or changes the name."""

    first_name = SignupForm.base_fields["first_name"]
    last_name = SignupForm.base_fields["last_name"]
    field_order = ["first_name", "last_name", "new_password1", "new_password2"]

    def __init__(self, user, *args, **kwargs):
        kwargs.setdefault("initial", {"first_name": user.first_name, "last_name": user.last_name})
        super().__init__(user, *args, **kwargs)
        self.order_fields(self.field_order)

    def save(self, commit=True):
        self.user.first_name = self.cleaned_data["first_name"]
        self.user.last_name = self.cleaned_data["last_name"]
        return super().save(commit)


def existing_account(email):
    """The account named by this address, in any case (older accounts may not be in lower case)."""
    return get_user_model().objects.filter(username__iexact=email).first()


class ProfileForm(forms.ModelForm):
    organisation = OrganisationFields.base_fields["organisation"]
    new_organisation = OrganisationFields.base_fields["new_organisation"]
    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=[("", "—"), *Organisation.Type.choices],
        required=False,
        help_text=_("For an organisation you typed in; the directory keeps these for the ones in its list."),
    )
    organisation_size = forms.ChoiceField(
        label=_("Size of the organisation"), choices=[("", "—"), *Organisation.SizeBand.choices], required=False
    )
    region = OrganisationFields.base_fields["region"]
    phone = forms.CharField(
        label=_("Phone"), max_length=30, required=False, help_text=MemberProfile._meta.get_field("phone").help_text
    )
    sex = forms.ChoiceField(
        label=_("Sex"),
        choices=[("", "—"), *Sex.choices],
        required=False,
        help_text=MemberProfile._meta.get_field("sex").help_text,
    )
    preferred_language = OrganisationFields.base_fields["preferred_language"]

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name"]

    clean_new_organisation = OrganisationFields.clean_new_organisation
    chosen_organisation = OrganisationFields.chosen_organisation

    def __init__(self, *args, profile, **kwargs):
        self.profile = profile
        initial = kwargs.setdefault("initial", {})
        organisation = profile.organisation
        verified = bool(organisation and organisation.is_verified)
        initial.update(
            organisation=organisation.pk if verified else None,
            new_organisation=organisation.name if organisation and not verified else "",
            organisation_type=organisation.type if organisation and not verified else "",
            organisation_size=organisation.size_band if organisation and not verified else "",
            region=profile.region,
            phone=profile.phone,
            sex=profile.sex,
            preferred_language=profile.preferred_language,
        )
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["last_name"].required = True

    @transaction.atomic
    def save(self, commit=True):
        user = super().save()
        organisation = self.chosen_organisation()
        if organisation and not organisation.is_verified:
            # Typed in by learners: they say what it is. Directory entries are kept by editors.
            organisation.type = self.cleaned_data.get("organisation_type") or organisation.type
            organisation.size_band = self.cleaned_data.get("organisation_size", "")
            organisation.save(update_fields=["type", "size_band"])
        self.profile.organisation = organisation
        self.profile.region = self.cleaned_data.get("region", "")
        self.profile.phone = self.cleaned_data.get("phone", "")
        self.profile.sex = self.cleaned_data.get("sex", "")
        self.profile.preferred_language = self.cleaned_data["preferred_language"]
        # A new organisation is a new claim, pending until confirmed; the old link ends now.
        Affiliation.objects.claim(user, organisation)
        self.profile.save()
        Affiliation.objects.confirm_by_email_domain(user)
        return user


class DeleteAccountForm(forms.Form):
    password = forms.CharField(label=_("Your password"), widget=forms.PasswordInput, strip=False)

    def __init__(self, *args, user, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That is not your password."))
        return password


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form by email, in any case; the view refuses it while too many recent attempts have failed."""

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _("The email or password is not right. Check both; capital letters matter in the password."),
        "throttled": _("Too many failed attempts to log in. Please wait %(minutes)s minutes and try again."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        username = self.fields["username"]
        username.label = _("Email")
        username.widget = forms.EmailInput(attrs={"autofocus": True, "autocomplete": "email", "maxlength": 254})

    def clean_username(self):
        """Accounts are named by their email, stored in lower case; older ones may not be, so match any case."""
        email = self.cleaned_data["username"].strip()
        stored = get_user_model().objects.filter(username__iexact=email).values_list("username", flat=True)
        return stored.first() or email.lower()


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Django's form; the email goes out in the member's own language, with its link in that language, and
    not more often than accounts/limits.py allows for one address."""

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        if not may_email(to_email):
            return
        with translation.override(preferred_language(context["user"])):
            super().send_mail(subject_template_name, email_template_name, context, from_email, to_email, **kwargs)


class EmailForm(forms.Form):
    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "email"}))

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()
