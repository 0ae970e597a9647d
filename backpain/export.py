"""The "download all my data" document: everything the app stores about one person.

Format `backpain-export/1` (JSON, UTF-8; times are ISO 8601 in UTC):

    {
      "format": "backpain-export/1",
      "exported_at": "...",
      "account": {email, display_name, time_zone, units, date_joined, last_login},
      "checklist_results": [{created_at, level, answers, reasons}, ...],
      "journal": {...},  # see journal.export.user_data
      "reminders": {...} or null, "psfs": {activities, ratings}  # journal.progress_export
    }
"""

from django.utils import timezone

from guidance.export import user_data as guidance_data
from journal.export import user_data as journal_data
from journal.progress_export import user_data as progress_data

FORMAT = "backpain-export/1"


def _iso(value):
    return value.isoformat() if value else None


def user_export(user) -> dict:
    return {
        "format": FORMAT,
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "display_name": user.display_name,
            "time_zone": user.time_zone,
            "units": user.units,
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
        },
        **guidance_data(user),
        "journal": journal_data(user),
        **progress_data(user),
    }
