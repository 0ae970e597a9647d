"""Mail about accounts, sent by tasks (django.tasks) enqueued after the request commits.

The request only validates and enqueues; whether the address has an account is decided here,
so the answer and the work done in the request are the same for every address.

Links for confirming a sign-up or a new email address carry signed data (django.core.signing):
they expire after settings.EMAIL_LINK_MAX_AGE, and each works once because it names the state
it changes (an address without an account; the account's current address).
"""

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.core import signing
from django.core.mail import send_mail
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from .models import User

SIGNUP_SALT = "backpain.signup"
EMAIL_CHANGE_SALT = "backpain.email-change"


def send_later(mail_task, *args) -> None:
    transaction.on_commit(lambda: mail_task.enqueue(*args))


def _send(to: str, template: str, context: dict) -> None:
    context = {"site_name": settings.SITE_NAME, **context}
    subject = render_to_string(f"accounts/mail/{template}_subject.txt", context).strip()
    body = render_to_string(f"accounts/mail/{template}.txt", context)
    send_mail(subject, body, None, [to])


def _account_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email).exists()


def read_link(token: str, salt: str) -> dict | None:
    try:
        return signing.loads(token, salt=salt, max_age=settings.EMAIL_LINK_MAX_AGE)
    except signing.BadSignature:  # also raised for expired links
        return None


@task
def send_signup_mail(email: str, display_name: str, base_url: str) -> None:
    if _account_exists(email):
        _send(email, "signup_exists", {"base_url": base_url, "email": email})
        return
    token = signing.dumps({"email": email, "name": display_name}, salt=SIGNUP_SALT)
    link = base_url + reverse("signup_confirm", args=[token])
    _send(email, "signup_confirm", {"link": link, "email": email})


@task
def send_password_reset(email: str, domain: str, use_https: bool) -> None:
    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(
            domain_override=domain,
            use_https=use_https,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
        )


@task
def send_email_change_link(user_id: int, new_email: str, base_url: str) -> None:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return
    if _account_exists(new_email):
        _send(new_email, "email_change_exists", {"base_url": base_url, "email": new_email})
        return
    token = signing.dumps(
        {"user": user.pk, "old": user.email, "new": new_email}, salt=EMAIL_CHANGE_SALT
    )
    link = base_url + reverse("email_change_confirm", args=[token])
    _send(new_email, "email_change_confirm", {"link": link, "old_email": user.email})


@task
def send_notice(to: str, template: str, context: dict) -> None:
    _send(to, template, context)
