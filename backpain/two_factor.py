"""Two-step sign-in with an authenticator app (TOTP), and backup codes, through django-otp.

Optional for everyone, required for staff before the admin opens. The password sign-in is left
as it is: when a person with an app signs in, `mark_second_factor_pending` notes it in the new
session, and `require_second_factor` keeps every page but the code step and sign-out closed until
a code from the app (or a backup code) is accepted in that session. Codes are checked by
django-otp against one device each, which refuses a replayed TOTP code and slows guessing down.
"""

from base64 import b32encode

import segno
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect
from django_otp import DEVICE_ID_SESSION_KEY, user_has_device
from django_otp import login as otp_login
from django_otp import verify_token as otp_verify_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from .erasure import delete_sessions

PENDING_KEY = "two_factor_pending"
BACKUP_CODE_COUNT = 10


@receiver(user_logged_in, dispatch_uid="backpain.two_factor.pending")
def mark_second_factor_pending(sender, request, user, **kwargs) -> None:
    if request is not None and user_has_device(user):
        request.session[PENDING_KEY] = True


def require_second_factor(get_response):
    """Middleware: a half-signed-in person may only give a code or sign out; staff reach the
    admin only with a second factor verified in this session."""

    def middleware(request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and not user.is_verified():
            target = None
            if request.session.get(PENDING_KEY):
                target = "two_factor_verify"
            elif user.is_staff and request.path.startswith(reverse("admin:index")):
                target = "two_factor_verify" if user_has_device(user) else "two_factor_setup"
            if target and request.path not in _open_before_the_code():
                url = f"{reverse(target)}?{_next_query(request.get_full_path())}"
                if request.htmx:
                    return HttpResponseClientRedirect(url)
                return redirect(url)
        return get_response(request)

    return middleware


def _open_before_the_code() -> tuple[str, ...]:
    # Emergency advice is never behind a sign-in step: the home page and the red-flag checklist
    # stay open (they show nothing from the account), as do the code page and signing out.
    names = ("two_factor_verify", "logout", "home", "checklist:checklist", "checklist:about")
    return tuple(reverse(name) for name in names)


def _next_query(url: str) -> str:
    query = QueryDict(mutable=True)
    query["next"] = url
    return query.urlencode()


def _next_url(request: HttpRequest, default: str = "journal:index") -> str:
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse(default)


def _app_device(user, confirmed: bool = True) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("id").first()


def _new_backup_codes(user) -> list[str]:
    """Replace the person's backup codes with fresh ones; the old ones stop working."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": "Backup codes", "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _grouped(text: str, size: int = 4) -> str:
    return " ".join(text[i : i + size] for i in range(0, len(text), size))


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def clean_code(self) -> str:
        # People copy codes with spaces ("123 456") or type backup codes in capitals.
        return "".join(self.cleaned_data["code"].split()).lower()


class PasswordForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text="To confirm that it is you.",
    )

    def __init__(self, user, *args, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(
                "That password is not correct. Two-step sign-in is still on."
            )
        return password


NOT_RIGHT = (
    "That code is not right, or it was used already. Wait for the next code in your app, "
    "or use one of your backup codes."
)


def _verify(user, device, code: str, wrong: str = NOT_RIGHT) -> tuple[object | None, str]:
    """`device` if it accepts `code`, else None and what to tell the person."""
    if device is None:
        return None, wrong
    allowed, details = device.verify_is_allowed()
    if not allowed:
        wait = max(1, int((details["locked_until"] - timezone.now()).total_seconds()) + 1)
        return None, f"Too many wrong codes. Wait {wait} seconds, then try again."
    # django-otp locks the device row while it checks, so a code cannot be used twice at once.
    accepted = otp_verify_token(user, device.persistent_id, code)
    return (accepted, "") if accepted is not None else (None, wrong)


def _check_code(user, code: str) -> tuple[object | None, str]:
    """A six-digit code is for the app, anything else a backup code, so a wrong guess slows
    down only the device it was meant for."""
    if code.isdigit() and len(code) == 6:
        return _verify(user, _app_device(user), code)
    return _verify(user, StaticDevice.objects.filter(user=user, confirmed=True).first(), code)


def _signed_in_with(request: HttpRequest, device) -> None:
    otp_login(request, device)
    request.session.pop(PENDING_KEY, None)
    # More rights, new session key, as at sign-in.
    request.session.cycle_key()


def _needs_code_first(request: HttpRequest) -> bool:
    """Changing two-step sign-in takes a session that has passed it."""
    return not request.user.is_verified() and _app_device(request.user) is not None


@never_cache
@login_required
def status(request: HttpRequest) -> HttpResponse:
    device = _app_device(request.user)
    backup_left = StaticToken.objects.filter(device__user=request.user).count()
    return render(
        request,
        "accounts/two_factor_status.html",
        {"device": device, "backup_left": backup_left},
    )


@never_cache
@login_required
def setup(request: HttpRequest) -> HttpResponse:
    user = request.user
    if _app_device(user) is not None:
        messages.info(request, "Two-step sign-in is already on.")
        return redirect("two_factor")
    # The same secret on every visit, so an app that already scanned it still matches.
    device = _app_device(user, confirmed=False) or TOTPDevice.objects.create(
        user=user, name="Authenticator app", confirmed=False
    )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        accepted, problem = _verify(
            user,
            device,
            form.cleaned_data["code"],
            wrong="That code is not right. Check that your phone's clock is set automatically, "
            "then type the newest code from the app.",
        )
        if accepted:
            with transaction.atomic():
                TOTPDevice.objects.filter(pk=device.pk).update(confirmed=True)
                TOTPDevice.objects.filter(user=user, confirmed=False).delete()
                codes = _new_backup_codes(user)
            device.confirmed = True
            _signed_in_with(request, device)
            # A session signed in elsewhere before this had no second factor: end it.
            delete_sessions(user, keep=request.session.session_key)
            return render(
                request,
                "accounts/two_factor_backup_codes.html",
                {"codes": codes, "just_enabled": True, "next": _next_url(request, "two_factor")},
            )
        form.add_error("code", problem)
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "secret": _grouped(b32encode(device.bin_key).decode()),
            "qr_svg": segno.make(device.config_url, error="m").svg_inline(
                scale=4, light="#fff", svgclass="qr-code"
            ),
            "next": _next_url(request, "two_factor"),
        },
    )


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.is_verified() or _app_device(user) is None:
        request.session.pop(PENDING_KEY, None)
        return redirect(_next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device, problem = _check_code(user, form.cleaned_data["code"])
        if device is not None:
            _signed_in_with(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(request, f"Backup code used: you have {left} left.")
            return redirect(_next_url(request))
        form.add_error("code", problem)
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@require_POST
@login_required
def backup_codes(request: HttpRequest) -> HttpResponse:
    if _needs_code_first(request):
        return redirect("two_factor_verify")
    if _app_device(request.user) is None:
        return redirect("two_factor")
    codes = _new_backup_codes(request.user)
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "just_enabled": False, "next": reverse("two_factor")},
    )


@never_cache
@login_required
def disable(request: HttpRequest) -> HttpResponse:
    user = request.user
    if _needs_code_first(request):
        return redirect("two_factor_verify")
    if _app_device(user) is None:
        return redirect("two_factor")
    form = PasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            TOTPDevice.objects.filter(user=user).delete()
            StaticDevice.objects.filter(user=user).delete()
        request.session.pop(PENDING_KEY, None)
        request.session.pop(DEVICE_ID_SESSION_KEY, None)
        messages.success(request, "Two-step sign-in is off. You sign in with your password only.")
        return redirect("two_factor")
    return render(request, "accounts/two_factor_disable.html", {"form": form})


urlpatterns = [
    path("", status, name="two_factor"),
    path("setup/", setup, name="two_factor_setup"),
    path("verify/", verify, name="two_factor_verify"),
    path("backup-codes/", backup_codes, name="two_factor_backup_codes"),
    path("disable/", disable, name="two_factor_disable"),
]
