"""The private calendar feed, built with the `icalendar` library from plain data.

Titles say nothing about health unless the person chose to show details: a calendar is often
shared with a partner or an employer, and its titles show on lock screens.
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event, vRecur

from . import reminders

SESSION_MINUTES = 30
CHECK_MINUTES = 10
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

TITLES = {
    # kind: (plain title, title with details)
    reminders.SESSION: ("Back exercises", "Back exercises: log pain before and after"),
    reminders.NEXT_MORNING: ("Morning check-in", "Back pain the morning after a workout"),
    reminders.PSFS: ("Fortnightly check-in", "Back pain: rate your activities (PSFS)"),
}


@dataclass(frozen=True)
class FeedData:
    user_key: str  # stable and not the user id: part of each event's UID
    generated_at: datetime
    time_zone: str
    session_days: frozenset[int]
    session_time: time
    morning_time: time
    show_details: bool
    sessions_from: date
    # (the morning after a logged workout, absolute URL of that workout's next-morning form)
    next_mornings: tuple[tuple[date, str], ...]
    psfs_due: date | None
    links: dict[str, str]  # kind -> absolute URL of the one-tap action


def title(kind: str, show_details: bool) -> str:
    plain, detailed = TITLES[kind]
    return detailed if show_details else plain


def _event(
    data: FeedData, kind: str, uid: str, start: datetime, minutes: int, link: str = ""
) -> Event:
    link = link or data.links[kind]
    return Event.new(
        uid=f"{uid}-{data.user_key}@backontrack",
        summary=title(kind, data.show_details),
        description=f"Open Back on Track: {link}",
        url=link,
        start=start,
        end=start + timedelta(minutes=minutes),
        stamp=data.generated_at,
    )


def build(data: FeedData) -> bytes:
    tz = reminders.zone(data.time_zone)
    calendar = Calendar.new(
        prodid="-//Back on Track//Reminders//EN",
        name="Back on Track",
        uid=f"{data.user_key}@backontrack",
        refresh_interval=timedelta(hours=6),
    )
    if data.session_days:
        first = data.sessions_from
        while first.weekday() not in data.session_days:
            first += timedelta(days=1)
        start = datetime.combine(first, data.session_time, tzinfo=tz)
        session = _event(data, reminders.SESSION, "sessions", start, SESSION_MINUTES)
        days = [WEEKDAY_CODES[day] for day in sorted(data.session_days)]
        session.add("rrule", vRecur(freq="WEEKLY", byday=days))
        calendar.add_component(session)
    for day, link in data.next_mornings:
        start = datetime.combine(day, data.morning_time, tzinfo=tz)
        uid = f"morning-{day:%Y%m%d}"
        event = _event(data, reminders.NEXT_MORNING, uid, start, CHECK_MINUTES, link)
        calendar.add_component(event)
    if data.psfs_due:
        start = datetime.combine(data.psfs_due, data.morning_time, tzinfo=tz)
        uid = f"psfs-{data.psfs_due:%Y%m%d}"
        calendar.add_component(_event(data, reminders.PSFS, uid, start, CHECK_MINUTES))
    calendar.add_missing_timezones()
    return calendar.to_ical()
