"""Sending the reminder mails that are due: used by `manage.py send_reminders`.

The sent-log row is written before the mail goes out and removed again if sending fails, so two
overlapping runs cannot both send one reminder, and a failed send is retried by the next run.
"""

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import Max, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import queries, reminders
from .models import PsfsActivity, PsfsRating, ReminderSent, ReminderSettings, Workout

log = logging.getLogger(__name__)
UNSUBSCRIBE_SALT = "journal.reminders.unsubscribe"


def unsubscribe_token(user) -> str:
    return signing.dumps(user.pk, salt=UNSUBSCRIBE_SALT)


def read_unsubscribe_token(token: str) -> int | None:
    try:
        value = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return value if isinstance(value, int) else None


def _plan(current: ReminderSettings) -> reminders.Plan:
    return reminders.Plan(
        time_zone=current.user.time_zone,
        session_days=frozenset(current.session_days),
        session_time=current.session_time,
        morning_time=current.morning_time,
        email_sessions=current.email_sessions,
        email_next_morning=current.email_next_morning,
        email_weekly=current.email_weekly,
        email_psfs=current.email_psfs,
    )


def _facts(people: list[ReminderSettings], now: datetime) -> dict[int, reminders.Facts]:
    """The journal facts for everyone at once: three queries whatever the number of people."""
    ids = [p.user_id for p in people]
    zones = {p.user_id: reminders.zone(p.user.time_zone) for p in people}
    unchecked: dict[int, set] = {user_id: set() for user_id in ids}
    workouts = Workout.objects.filter(
        user_id__in=ids, pain_next_morning__isnull=True, started_at__gte=now - timedelta(days=3)
    ).values_list("user_id", "started_at")
    for user_id, started_at in workouts:
        unchecked[user_id].add(started_at.astimezone(zones[user_id]).date())
    active = set(
        PsfsActivity.objects.filter(user_id__in=ids, retired_at__isnull=True).values_list(
            "user_id", flat=True
        )
    )
    last_rated = dict(
        PsfsRating.objects.filter(user_id__in=ids)
        .values("user_id")
        .annotate(last=Max("rated_at"))
        .values_list("user_id", "last")
    )
    return {
        user_id: reminders.Facts(
            unchecked_workout_days=frozenset(unchecked[user_id]),
            psfs_last_rated=(
                last_rated[user_id].astimezone(zones[user_id]).date()
                if user_id in last_rated
                else None
            ),
            psfs_has_activities=user_id in active,
        )
        for user_id in ids
    }


def _week(user, day) -> dict:
    """Last week's numbers for the weekly summary, in the person's own zone."""
    start, end = day - timedelta(days=7), day - timedelta(days=1)
    with timezone.override(reminders.zone(user.time_zone)):
        count, total = queries.totals(user, start, end)
        workouts = (
            Workout.objects.for_user(user)
            .filter(queries.period_filter("started_at", start, end))
            .count()
        )
    return {
        "start": start,
        "end": end,
        "count": count,
        "average": total / count if count else None,
        "workouts": workouts,
    }


def build_message(current: ReminderSettings, due: list[reminders.Due], base_url: str):
    user = current.user

    def link(name: str, *args) -> str:
        return base_url + reverse(name, args=args)

    unsubscribe = link("journal:reminders_unsubscribe", unsubscribe_token(user))
    items = []
    for item in due:
        context = {"due": item, "details": current.show_details, "session_time": None}
        if item.kind == reminders.SESSION:
            context.update(url=link("journal:workout_new"), session_time=current.session_time)
        elif item.kind == reminders.NEXT_MORNING:
            context.update(url=link("journal:index") + "#reminders-title")
        elif item.kind == reminders.WEEKLY:
            context.update(url=link("journal:trends"))
            if current.show_details:
                context.update(week=_week(user, item.day))
        else:
            context.update(url=link("journal:psfs_rate"))
        items.append(context)
    context = {
        "user": user,
        "items": items,
        "details": current.show_details,
        "unsubscribe_url": unsubscribe,
        "settings_url": link("journal:reminders"),
    }
    subject = render_to_string("emails/reminder_subject.txt", context).strip()
    body = render_to_string("emails/reminder_body.txt", context)
    return EmailMessage(
        subject=" ".join(subject.split()),
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[user.email],
        headers={
            # RFC 2369 and RFC 8058: mail programs show an unsubscribe button that POSTs here.
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )


def _claim(user, due: list[reminders.Due]) -> list[reminders.Due]:
    claimed = []
    for item in due:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user=user, key=item.key)
        except IntegrityError:
            continue  # already sent by an earlier (or a concurrent) run
        claimed.append(item)
    return claimed


def send_due(now: datetime, base_url: str) -> int:
    """Send every reminder that is due at `now`; returns how many mails went out."""
    any_email = (
        Q(email_sessions=True)
        | Q(email_next_morning=True)
        | Q(email_weekly=True)
        | Q(email_psfs=True)
    )
    people = list(
        ReminderSettings.objects.filter(any_email, user__is_active=True)
        .select_related("user")
        .order_by("id")
    )
    facts = _facts(people, now)
    sent = 0
    for current in people:
        due = reminders.due_reminders(_plan(current), facts[current.user_id], now)
        claimed = _claim(current.user, due)
        if not claimed:
            continue
        try:
            build_message(current, claimed, base_url.rstrip("/")).send()
        except Exception:
            log.exception("Reminder mail to user %s failed; the next run retries it.", current.pk)
            ReminderSent.objects.filter(
                user=current.user, key__in=[item.key for item in claimed]
            ).delete()
            continue
        sent += 1
    return sent
