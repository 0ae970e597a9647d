import json

from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordResetForm
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from . import account_mail
from .account_mail import send_later
from .auth import throttled
from .erasure import erase_user
from .export import user_export
from .forms import ChoosePasswordForm, DeleteAccountForm, EmailChangeForm, ProfileForm, SignUpForm
from .models import User
from .page_cache import public_page

# Pages with a form: shown by GET, sent by POST; anything else is refused with 405.
form_page = require_http_methods(["GET", "HEAD", "POST"])


@public_page()
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "home.html")


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


def _too_many(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/too_many.html", status=429)


@public_page()
def signup(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("settings")
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"]
        if throttled(request, "signup", email):
            return _too_many(request)
        # The task decides between the link and an "you already have an account" notice.
        name = form.cleaned_data["display_name"]
        send_later(account_mail.send_signup_mail, email, name, _base_url(request))
        return render(request, "accounts/check_email.html", {"email": email})
    return render(request, "accounts/signup.html", {"form": form})


@form_page
def signup_confirm(request: HttpRequest, token: str) -> HttpResponse:
    data = account_mail.read_link(token, account_mail.SIGNUP_SALT)
    if data is None or User.objects.filter(email__iexact=data["email"]).exists():
        return render(request, "accounts/link_expired.html")
    user = User(email=data["email"], display_name=data["name"])
    form = ChoosePasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.set_password_and_save(user)
        except IntegrityError:  # the same link opened twice at once: the first one won
            return render(request, "accounts/link_expired.html")
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, "Welcome! Your account is ready.")
        return redirect("journal:index")
    return render(request, "accounts/signup_confirm.html", {"form": form, "email": user.email})


@form_page
@public_page()
def password_reset(request: HttpRequest) -> HttpResponse:
    form = PasswordResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        email = form.cleaned_data["email"].strip().lower()
        if throttled(request, "reset", email):
            return _too_many(request)
        send_later(account_mail.send_password_reset, email, request.get_host(), request.is_secure())
        return redirect("password_reset_done")
    return render(request, "accounts/password_reset.html", {"form": form})


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"

    def form_valid(self, form):
        response = super().form_valid(form)
        user = self.request.user
        context = {"email": user.email, "base_url": _base_url(self.request)}
        send_later(account_mail.send_notice, user.email, "password_changed", context)
        return response


@login_required
def account_settings(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Your settings are saved.")
        return redirect("settings")
    return render(request, "accounts/settings.html", {"form": form})


@login_required
@form_page
def email_change(request: HttpRequest) -> HttpResponse:
    form = EmailChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["new_email"]
        if throttled(request, "email-change", new_email):
            return _too_many(request)
        send_later(
            account_mail.send_email_change_link, request.user.pk, new_email, _base_url(request)
        )
        messages.success(
            request,
            f"We sent a link to {new_email}. Your email address changes when you open it.",
        )
        return redirect("settings")
    return render(request, "accounts/email_change.html", {"form": form})


@form_page
def email_change_confirm(request: HttpRequest, token: str) -> HttpResponse:
    data = account_mail.read_link(token, account_mail.EMAIL_CHANGE_SALT)
    # Single use: once the address has changed, the link no longer names the current one.
    user = data and User.objects.filter(pk=data["user"], email=data["old"]).first()
    if not user:
        return render(request, "accounts/link_expired.html")
    if request.method == "POST":
        user.email = data["new"]
        try:
            with transaction.atomic():
                user.save(update_fields=["email"])
        except IntegrityError:  # the address was taken after the link was sent
            return render(request, "accounts/link_expired.html")
        context = {"old_email": data["old"], "new_email": data["new"]}
        send_later(account_mail.send_notice, data["old"], "email_changed", context)
        messages.success(request, f"Your email address is now {user.email}.")
        return redirect("settings" if request.user == user else "login")
    return render(request, "accounts/email_change_confirm.html", {"new_email": data["new"]})


@login_required
def export_data(request: HttpRequest) -> HttpResponse:
    document = json.dumps(user_export(request.user), indent=2, ensure_ascii=False)
    filename = f"backpain-export-{timezone.localdate():%Y-%m-%d}.json"
    response = HttpResponse(document, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        erase_user(request.user)
        logout(request)
        messages.success(request, "Your account and everything in it have been deleted.")
        return redirect("home")
    return render(request, "accounts/delete.html", {"form": form})


@require_POST
def sign_out(request: HttpRequest) -> HttpResponse:
    logout(request)
    messages.info(request, "You are signed out.")
    return redirect("home")


def page_not_found(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    return render(request, "500.html", status=500)
