"""Reminder choices, the calendar feed and PSFS ratings for "download all my data".

The feed's address itself is not stored (only its SHA-256), so the export holds that hash
(`feed_token_hash`, empty when the feed is off). Fields keep their stored names.
"""

from .models import PsfsActivity, PsfsRating, ReminderSent, ReminderSettings

REMINDER_FIELDS = [
    "session_days",
    "show_details",
    "feed_token_hash",
    "feed_next_morning",
    "feed_psfs",
    "email_sessions",
    "email_next_morning",
    "email_weekly",
    "email_psfs",
]


def _iso(value):
    return value.isoformat() if value else None


def user_data(user) -> dict:
    current = ReminderSettings.objects.filter(user=user).first()
    reminders = None
    if current:
        reminders = {
            **{name: getattr(current, name) for name in REMINDER_FIELDS},
            "session_time": current.session_time.strftime("%H:%M"),
            "morning_time": current.morning_time.strftime("%H:%M"),
            "feed_created_at": _iso(current.feed_created_at),
            "updated_at": _iso(current.updated_at),
        }
    activities = PsfsActivity.objects.filter(user=user)
    ratings = PsfsRating.objects.filter(user=user).prefetch_related("scores__activity")
    sent = ReminderSent.objects.filter(user=user).order_by("pk")
    return {
        "reminders": reminders,
        "reminders_sent": [{"key": row.key, "sent_at": _iso(row.sent_at)} for row in sent],
        "psfs": {
            "activities": [
                {
                    "name": activity.name,
                    "created_at": _iso(activity.created_at),
                    "retired_at": _iso(activity.retired_at),
                }
                for activity in activities
            ],
            "ratings": [
                {
                    "rated_at": _iso(rating.rated_at),
                    "scores": [
                        {"activity": score.activity.name, "score": score.score}
                        for score in rating.scores.all()
                    ],
                }
                for rating in ratings
            ],
        },
    }
