"""Reminder settings, the private calendar feed and the one-click unsubscribe."""

import hashlib
import secrets
from datetime import timedelta

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST, require_safe

from backpain.decorators import login_required

from . import calendar_feed, psfs, reminder_mail, reminders
from .models import PsfsActivity, PsfsRating, ReminderSettings, Workout
from .reminder_forms import ReminderSettingsForm

NEXT_MORNING_DAYS = 14


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _settings_for(user, create: bool = False) -> ReminderSettings:
    if create:
        # get_or_create copes with two first saves at once (a double tap), where a plain
        # save would hit the one-to-one constraint.
        return ReminderSettings.objects.get_or_create(user=user)[0]
    return ReminderSettings.objects.filter(user=user).first() or ReminderSettings(user=user)


@login_required
def reminder_settings(request: HttpRequest) -> HttpResponse:
    current = _settings_for(request.user, create=request.method == "POST")
    initial = {name: getattr(current, name) for name in ReminderSettingsForm.FIELDS}
    form = ReminderSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for name in ReminderSettingsForm.FIELDS:
            setattr(current, name, form.cleaned_data[name])
        current.save()
        messages.success(request, "Your reminder choices are saved.")
        return redirect("journal:reminders")
    new_token = request.session.pop("journal_feed_token", None)
    feed_url = (
        request.build_absolute_uri(reverse("journal:calendar_feed", args=[new_token]))
        if new_token
        else None
    )
    context = {
        "form": form,
        "current": current,
        "feed_url": feed_url,
        "webcal_url": feed_url and "webcal://" + feed_url.split("://", 1)[1],
    }
    return render(request, "journal/reminders.html", context)


@require_POST
@login_required
def feed_reset(request: HttpRequest) -> HttpResponse:
    """Turn the feed on, or give it a new address: the old one answers 404 from now on."""
    current = _settings_for(request.user, create=True)
    had_feed = bool(current.feed_token_hash)
    token = secrets.token_urlsafe(32)
    current.feed_token_hash = token_hash(token)
    current.feed_created_at = timezone.now()
    current.save()
    # Shown once on the next page: only the hash is kept.
    request.session["journal_feed_token"] = token
    messages.success(
        request,
        "Your calendar has a new address; the old one no longer works."
        if had_feed
        else "Your calendar feed is on.",
    )
    return redirect("journal:reminders")


@require_POST
@login_required
def feed_off(request: HttpRequest) -> HttpResponse:
    current = ReminderSettings.objects.filter(user=request.user).first()
    if current and current.feed_token_hash:
        current.feed_token_hash = ""
        current.feed_created_at = None
        current.save(update_fields=["feed_token_hash", "feed_created_at", "updated_at"])
    messages.success(request, "Your calendar feed is off; its address no longer works.")
    return redirect("journal:reminders")


def _feed_data(request: HttpRequest, current: ReminderSettings) -> calendar_feed.FeedData:
    user = current.user
    tz = reminders.zone(user.time_zone)
    now = timezone.now()
    today = now.astimezone(tz).date()
    next_mornings = ()
    if current.feed_next_morning:
        workouts = (
            Workout.objects.for_user(user)
            .filter(started_at__gte=now - timedelta(days=NEXT_MORNING_DAYS))
            .order_by("started_at")
            .values_list("pk", "started_at")
        )
        mornings = {}
        for pk, started_at in workouts:
            day = started_at.astimezone(tz).date() + timedelta(days=1)
            mornings.setdefault(day, reverse("journal:workout", args=[pk]))
        next_mornings = tuple(
            (day, request.build_absolute_uri(path)) for day, path in mornings.items()
        )
    psfs_due = None
    if (
        current.feed_psfs
        and PsfsActivity.objects.filter(user=user, retired_at__isnull=True).exists()
    ):
        last = PsfsRating.objects.filter(user=user).order_by("-rated_at").first()
        psfs_due = psfs.next_due(last.rated_at.astimezone(tz).date() if last else None) or today
    return calendar_feed.FeedData(
        user_key=current.feed_token_hash[:16],
        generated_at=now,
        time_zone=user.time_zone,
        session_days=frozenset(current.session_days),
        session_time=current.session_time,
        morning_time=current.morning_time,
        show_details=current.show_details,
        sessions_from=timezone.localtime(current.updated_at, tz).date(),
        next_mornings=next_mornings,
        psfs_due=psfs_due,
        links={
            reminders.SESSION: request.build_absolute_uri(reverse("journal:workout_new")),
            reminders.NEXT_MORNING: request.build_absolute_uri(reverse("journal:index")),
            reminders.PSFS: request.build_absolute_uri(reverse("journal:psfs_rate")),
        },
    )


@require_safe  # calendar apps may ask with HEAD first
def feed(request: HttpRequest, token: str) -> HttpResponse:
    # Looked up by the token's hash: the database compares hashes, so a guess learns nothing
    # about the real token from how long the comparison takes.
    current = (
        ReminderSettings.objects.filter(feed_token_hash=token_hash(token), user__is_active=True)
        .select_related("user")
        .first()
    )
    if current is None:
        raise Http404("No such calendar.")
    response = HttpResponse(
        calendar_feed.build(_feed_data(request, current)),
        content_type="text/calendar; charset=utf-8",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    response["Content-Disposition"] = 'inline; filename="back-on-track.ics"'
    return response


# Mail providers send the RFC 8058 one-click POST without a CSRF token; the signed token in the
# address is what proves the request came from the mail.
@csrf_exempt
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    user_id = reminder_mail.read_unsubscribe_token(token)
    if user_id is None:
        raise Http404("No such unsubscribe link.")
    if request.method == "POST":
        ReminderSettings.objects.filter(user_id=user_id).update(
            email_sessions=False,
            email_next_morning=False,
            email_weekly=False,
            email_psfs=False,
            updated_at=timezone.now(),
        )
        return render(request, "journal/reminders_unsubscribed.html")
    return render(request, "journal/reminders_unsubscribe.html", {"token": token})
