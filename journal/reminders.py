"""Who gets which reminder mail now: pure functions over plain data and an explicit `now`.

Each reminder is due at a local time on a local date in the person's own time zone. A run of
`send_reminders` (every 15 minutes from cron or a systemd timer) sends what fell due in the last
`LATE_LIMIT`; a mail that would arrive later than that is skipped rather than sent at an odd
hour after a scheduler outage. Each reminder has a key (kind and local date); the sent-log's
unique key makes a second run send nothing twice.
"""

import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta

from . import psfs

LATE_LIMIT = timedelta(hours=2)
WEEKLY_SUMMARY_DAY = 0  # Monday, about the week before

SESSION = "session"
NEXT_MORNING = "next_morning"
WEEKLY = "weekly"
PSFS = "psfs"


@dataclass(frozen=True)
class Plan:
    time_zone: str
    session_days: frozenset[int] = frozenset()
    session_time: time = time(18, 0)
    morning_time: time = time(8, 0)
    email_sessions: bool = False
    email_next_morning: bool = False
    email_weekly: bool = False
    email_psfs: bool = False


@dataclass(frozen=True)
class Facts:
    """What the journal holds that decides the reminders, as local dates."""

    # Days with a workout whose next-morning pain is not logged yet.
    unchecked_workout_days: frozenset[date] = frozenset()
    psfs_last_rated: date | None = None
    psfs_has_activities: bool = False


@dataclass(frozen=True)
class Due:
    kind: str
    day: date  # the local date it is for
    key: str = field(default="")

    def __post_init__(self):
        if not self.key:
            object.__setattr__(self, "key", f"{self.kind}:{self.day.isoformat()}")


def zone(name: str) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo("UTC")


def _fell_due(day: date, at: time, tz: zoneinfo.ZoneInfo, now: datetime) -> bool:
    # Compared in UTC: aware datetimes sharing a tzinfo compare as naive ones, wrong across DST.
    due = datetime.combine(day, at, tzinfo=tz).astimezone(UTC)
    return due <= now.astimezone(UTC) < due + LATE_LIMIT


def due_reminders(plan: Plan, facts: Facts, now: datetime) -> list[Due]:
    tz = zone(plan.time_zone)
    today = now.astimezone(tz).date()
    found = []
    # Yesterday too: a reminder at 23:30 is still being sent at 00:15 the next day.
    for day in (today - timedelta(days=1), today):
        if (
            plan.email_sessions
            and day.weekday() in plan.session_days
            and _fell_due(day, plan.session_time, tz, now)
        ):
            found.append(Due(SESSION, day))
        if not _fell_due(day, plan.morning_time, tz, now):
            continue
        if plan.email_next_morning and day - timedelta(days=1) in facts.unchecked_workout_days:
            found.append(Due(NEXT_MORNING, day))
        if plan.email_weekly and day.weekday() == WEEKLY_SUMMARY_DAY:
            found.append(Due(WEEKLY, day))
        if plan.email_psfs and psfs.is_due(facts.psfs_last_rated, day, facts.psfs_has_activities):
            # One reminder per two-week cycle, however many mornings it stays unanswered.
            cycle = facts.psfs_last_rated.isoformat() if facts.psfs_last_rated else "first"
            found.append(Due(PSFS, day, key=f"{PSFS}:{cycle}"))
    return list({due.key: due for due in found}.values())
