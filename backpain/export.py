"""The "download all my data" document: everything the app stores about one person.

Format `backpain-export/1` (JSON, UTF-8; times are ISO 8601 in UTC):

    {
      "format": "backpain-export/1",
      "exported_at": "...",
      "account": {email, display_name, time_zone, units, date_joined, last_login, is_active,
                  is_staff, is_superuser},
      "checklist_results": [{created_at, level, answers, reasons}, ...],
      "routine": [...],
      "journal": {...},                # see journal.export.user_data
      "reminders": {...} or null, "reminders_sent": [...], "psfs": {activities, ratings},
                                       # journal.progress_export
      "dismissed_prompts": [{key, dismissed_at}, ...],
      "sign_in_history": {sign_ins, failed_sign_ins, failure_counters},   # django-axes records
      "two_factor": {authenticator_apps, backup_codes},   # never the secret key or the codes
      "admin_reads_of_my_data": [{at, model, view, object_ids, path}, ...],
      "admin_actions": [...]           # staff only: what they changed in the admin
    }

A test walks every model that points at a user and checks each of its fields is here, or is
left out for a stated reason (a secret, or another person's data).
"""

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.admin.models import LogEntry
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from guidance.export import user_data as guidance_data
from journal.export import user_data as journal_data
from journal.models import DismissedPrompt
from journal.progress_export import user_data as progress_data

from .models import HealthDataRead

FORMAT = "backpain-export/1"
_AXES_FIELDS = ["attempt_time", "ip_address", "user_agent", "http_accept", "path_info"]
_DEVICE_FIELDS = [
    "name",
    "confirmed",
    "created_at",
    "last_used_at",
    "throttling_failure_timestamp",
    "throttling_failure_count",
]


def _iso(value):
    return value.isoformat() if value else None


def _json(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def _rows(queryset, fields: list[str]) -> list[dict]:
    return [
        {name: _json(value) for name, value in row.items()}
        for row in queryset.order_by("pk").values(*fields)
    ]


def _sign_in_history(user) -> dict:
    # django-axes keeps these by the email typed at sign-in, not by a link to the account.
    def mine(model):
        return model.objects.filter(username__iexact=user.email)

    return {
        "sign_ins": _rows(mine(AccessLog), [*_AXES_FIELDS, "logout_time"]),
        "failed_sign_ins": _rows(mine(AccessFailureLog), [*_AXES_FIELDS, "locked_out"]),
        "failure_counters": _rows(
            mine(AccessAttempt), [*_AXES_FIELDS, "get_data", "post_data", "failures_since_start"]
        ),
    }


def _two_factor(user) -> dict:
    app_fields = [*_DEVICE_FIELDS, "step", "t0", "digits", "tolerance", "drift", "last_t"]
    return {
        "authenticator_apps": _rows(TOTPDevice.objects.filter(user=user), app_fields),
        "backup_codes": [
            {
                **{name: _json(getattr(device, name)) for name in _DEVICE_FIELDS},
                "unused_codes": device.token_set.count(),
            }
            for device in StaticDevice.objects.filter(user=user).order_by("pk")
        ],
    }


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
            "is_active": user.is_active,
            "is_staff": user.is_staff,
            "is_superuser": user.is_superuser,
        },
        **guidance_data(user),
        "journal": journal_data(user),
        **progress_data(user),
        "dismissed_prompts": _rows(
            DismissedPrompt.objects.filter(user=user), ["key", "dismissed_at"]
        ),
        "sign_in_history": _sign_in_history(user),
        "two_factor": _two_factor(user),
        "admin_reads_of_my_data": _rows(
            HealthDataRead.objects.filter(subject=user),
            ["at", "model", "view", "object_ids", "path"],
        ),
        "admin_actions": [
            {
                "action_time": _iso(entry.action_time),
                "content_type": entry.content_type.app_labeled_name if entry.content_type else None,
                "object_id": entry.object_id,
                "object_repr": entry.object_repr,
                "action_flag": entry.get_action_flag_display(),
                "change_message": entry.get_change_message(),
            }
            for entry in LogEntry.objects.filter(user=user).select_related("content_type")
        ],
    }
