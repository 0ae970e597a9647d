"""Database aggregation for the journal pages: each function is one query, whatever the data."""

from datetime import UTC, date, datetime, time, timedelta

from django.db import connection
from django.db.models import Avg, Case, CharField, Count, F, Func, Max, Q, Sum, Value, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from . import stats
from .models import FREE_TAG_KINDS, Entry, EntryTag, WorkoutExercise


def local_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def period_filter(field: str, start: date | None, end: date | None) -> Q:
    q = Q()
    if start:
        q &= Q(**{f"{field}__gte": local_start(start)})
    if end:
        q &= Q(**{f"{field}__lt": local_start(end + timedelta(days=1))})
    return q


def _offsets(start: date, end: date) -> list[tuple[datetime | None, int]]:
    """The active time zone's UTC offsets over the period: [(until, seconds)], each offset
    holding until the next one's `until` (None for the last)."""
    zone = timezone.get_current_timezone()
    moment = local_start(start).astimezone(UTC)
    stop = local_start(end + timedelta(days=1)).astimezone(UTC)
    offset = moment.astimezone(zone).utcoffset()
    segments = []
    while moment < stop:
        following = min(moment + timedelta(days=1), stop)
        if following.astimezone(zone).utcoffset() != offset:
            # The change lies within this day: halve the interval down to the microsecond.
            before, after = moment, following
            while after - before > timedelta(microseconds=1):
                middle = before + (after - before) / 2
                if middle.astimezone(zone).utcoffset() == offset:
                    before = middle
                else:
                    after = middle
            segments.append((after, int(offset.total_seconds())))
            offset = after.astimezone(zone).utcoffset()
        moment = following
    segments.append((None, int(offset.total_seconds())))
    return segments


def local_day(field: str, start: date | None, end: date | None):
    """The person's local date of `field`, as SQL. PostgreSQL converts time zones itself;
    Django's TruncDate on SQLite calls a Python function for every row, so there the period's
    UTC offsets (a few: one more per daylight-saving change) go into the SQL instead."""
    if connection.vendor != "sqlite" or start is None or end is None:
        return TruncDate(field)

    def shifted(seconds: int) -> Func:
        modifier = Value(f"{seconds:+d} seconds")
        return Func(F(field), modifier, function="date", output_field=CharField())

    *changes, (_, last) = _offsets(start, end)
    if not changes:
        return shifted(last)
    return Case(
        *(When(**{f"{field}__lt": until}, then=shifted(seconds)) for until, seconds in changes),
        default=shifted(last),
        output_field=CharField(),
    )


def _as_date(value: date | str) -> date:
    return date.fromisoformat(value) if isinstance(value, str) else value


def daily(user, start: date | None, end: date | None) -> list[stats.Day]:
    """Daily sums of pain in the person's own time zone (the active one)."""
    rows = (
        Entry.objects.for_user(user)
        .filter(period_filter("occurred_at", start, end))
        .annotate(day=local_day("occurred_at", start, end))
        .values("day")
        .annotate(total=Sum("pain"), count=Count("id"), worst=Max("pain"))
        .order_by("day")
    )
    return [
        stats.Day(_as_date(row["day"]), row["total"], row["count"], row["worst"]) for row in rows
    ]


def tag_rows(user, start=None, end=None, kinds=None) -> list[tuple[str, str, int, int]]:
    """(kind, value, entries with it, sum of their pain) for every tag used in the period."""
    rows = (
        EntryTag.objects.filter(entry__user=user)
        .filter(period_filter("entry__occurred_at", start, end))
        .filter(kind__in=kinds or FREE_TAG_KINDS)
        .values("kind", "value")
        .annotate(n=Count("entry_id"), total=Sum("entry__pain"))
        .order_by("kind", "value")
    )
    return [(row["kind"], row["value"], row["n"], row["total"]) for row in rows]


def totals(user, start=None, end=None) -> tuple[int, int]:
    row = (
        Entry.objects.for_user(user)
        .filter(period_filter("occurred_at", start, end))
        .aggregate(n=Count("id"), total=Sum("pain"))
    )
    return row["n"], row["total"] or 0


def exercise_effects(user, start=None, end=None) -> list[stats.ExerciseEffect]:
    """Per exercise: pain change before -> after and -> next morning; and per load (2 queries)."""
    base = WorkoutExercise.objects.filter(workout__user=user).filter(
        period_filter("workout__started_at", start, end)
    )
    after = F("workout__pain_after") - F("workout__pain_before")
    next_morning = F("workout__pain_next_morning") - F("workout__pain_before")
    rows = (
        base.values("name")
        .annotate(
            workouts=Count("workout", distinct=True),
            mean_after=Avg(after, filter=Q(workout__pain_after__isnull=False)),
            with_next=Count(
                "workout", distinct=True, filter=Q(workout__pain_next_morning__isnull=False)
            ),
            mean_next=Avg(next_morning, filter=Q(workout__pain_next_morning__isnull=False)),
        )
        .order_by("name")
    )
    effects = {
        row["name"]: stats.ExerciseEffect(
            row["name"],
            row["workouts"],
            row["mean_after"],
            row["with_next"],
            row["mean_next"],
        )
        for row in rows
    }
    loads = (
        base.filter(load_kg__isnull=False, workout__pain_after__isnull=False)
        .values("name", "load_kg")
        .annotate(workouts=Count("workout", distinct=True), mean=Avg(after))
        .order_by("name", "load_kg")
    )
    for row in loads:
        if row["name"] in effects:
            effects[row["name"]].loads.append(
                stats.LoadEffect(row["load_kg"], row["workouts"], float(row["mean"]))
            )
    return sorted(
        effects.values(),
        key=lambda e: (not e.enough_data, -(e.mean_change_after or 0), e.name),
    )


def medications(user, start=None, end=None) -> list[dict]:
    return list(
        Entry.objects.for_user(user)
        .filter(period_filter("occurred_at", start, end))
        .exclude(medication="")
        .values("medication", "medication_dose")
        .annotate(
            n=Count("id"),
            helped=Count("id", filter=Q(medication_helped="yes")),
            partly=Count("id", filter=Q(medication_helped="partly")),
            not_helped=Count("id", filter=Q(medication_helped="no")),
        )
        .order_by("-n", "medication")
    )


def tag_suggestions(user, limit: int = 8) -> dict[str, list[str]]:
    rows = (
        EntryTag.objects.filter(entry__user=user, kind__in=FREE_TAG_KINDS)
        .values("kind", "value")
        .annotate(n=Count("id"))
        .order_by("-n", "value")[: limit * len(FREE_TAG_KINDS) * 3]
    )
    suggestions: dict[str, list[str]] = {kind: [] for kind in FREE_TAG_KINDS}
    for row in rows:
        bucket = suggestions[row["kind"]]
        if len(bucket) < limit:
            bucket.append(row["value"])
    return suggestions
