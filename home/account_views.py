import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.forms.utils import ErrorDict
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from .forms import DeleteAccountForm, ProfileForm, SignupForm, ThrottledAuthenticationForm
from .models import MemberProfile

# Failed logins allowed per username and per address within the window, before logins are refused.
LOGIN_FAILURE_LIMIT = getattr(settings, "LOGIN_FAILURE_LIMIT", 5)
LOGIN_FAILURE_IP_LIMIT = getattr(settings, "LOGIN_FAILURE_IP_LIMIT", 20)
LOGIN_FAILURE_WINDOW = getattr(settings, "LOGIN_FAILURE_WINDOW", 15 * 60)


def signup(request):
    if request.user.is_authenticated:
        return redirect(f"/{get_language()}/")
    form = SignupForm(request.POST or None, initial={"preferred_language": get_language()})
    if request.method == "POST" and form.is_valid():
        user = form.save()
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        next_url = request.POST.get("next", "")
        if next_url.startswith("/") and not next_url.startswith("//"):
            return redirect(next_url)
        return redirect(f"/{user.profile.preferred_language}/my-learning/")
    return render(request, "registration/signup.html", {"form": form, "next": request.GET.get("next", "")})


def _throttle_keys(request, username):
    name = hashlib.sha256(username.strip().lower().encode()).hexdigest()[:32]
    address = request.META.get("REMOTE_ADDR", "")
    return f"login-fail:user:{name}", f"login-fail:ip:{address}"


def _bump(key):
    try:
        cache.add(key, 0, LOGIN_FAILURE_WINDOW)
        return cache.incr(key)
    except ValueError:
        cache.set(key, 1, LOGIN_FAILURE_WINDOW)
        return 1


class ThrottledLoginView(auth_views.LoginView):
    """Django's login, refused for a while after repeated failures for one username or one address."""

    form_class = ThrottledAuthenticationForm
    redirect_authenticated_user = True

    def post(self, request, *args, **kwargs):
        user_key, ip_key = _throttle_keys(request, request.POST.get("username", ""))
        if (cache.get(user_key) or 0) >= LOGIN_FAILURE_LIMIT or (cache.get(ip_key) or 0) >= LOGIN_FAILURE_IP_LIMIT:
            form = self.get_form()
            form.cleaned_data = {}
            form._errors = ErrorDict()
            form.add_error(
                None,
                ValidationError(
                    form.error_messages["throttled"], code="throttled", params={"minutes": LOGIN_FAILURE_WINDOW // 60}
                ),
            )
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().post(request, *args, **kwargs)

    def form_invalid(self, form):
        if self.request.method == "POST" and not form.has_error("__all__", "throttled"):
            for key in _throttle_keys(self.request, self.request.POST.get("username", "")):
                _bump(key)
        return super().form_invalid(form)

    def form_valid(self, form):
        cache.delete(_throttle_keys(self.request, self.request.POST.get("username", ""))[0])
        return super().form_valid(form)


@login_required
def profile(request):
    profile_obj, _created = MemberProfile.objects.get_or_create(user=request.user)
    form = ProfileForm(request.POST or None, instance=request.user, profile=profile_obj)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("profile")
    return render(request, "registration/profile.html", {"form": form})


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
    return render(request, "registration/delete_account.html", {"form": form})
