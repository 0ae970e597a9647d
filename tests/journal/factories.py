"""Small builders for journal rows (times are given in the user's zone, as people log them)."""

import zoneinfo
from datetime import date, datetime, time
from decimal import Decimal

from journal.models import Entry, EntryTag, TagKind, Workout, WorkoutExercise


def at(user, day: date, hour: int = 9, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=zoneinfo.ZoneInfo(user.time_zone))


def make_entry(user, day: date, pain: int, hour: int = 9, **fields) -> Entry:
    tags = {
        kind: fields.pop(kind, [])
        for kind in ("regions", "qualities", "activities", "triggers", "relievers")
    }
    entry = Entry.objects.create(user=user, occurred_at=at(user, day, hour), pain=pain, **fields)
    kinds = {
        "regions": TagKind.REGION,
        "qualities": TagKind.QUALITY,
        "activities": TagKind.ACTIVITY,
        "triggers": TagKind.TRIGGER,
        "relievers": TagKind.RELIEVER,
    }
    EntryTag.objects.bulk_create(
        EntryTag(entry=entry, kind=kinds[key], value=value)
        for key, values in tags.items()
        for value in values
    )
    return entry


def make_workout(user, day: date, before: int, after: int | None = None, exercises=(), **fields):
    workout = Workout.objects.create(
        user=user, started_at=at(user, day, 18), pain_before=before, pain_after=after, **fields
    )
    for position, (name, load) in enumerate(exercises):
        WorkoutExercise.objects.create(
            workout=workout,
            name=name,
            load_kg=None if load is None else Decimal(str(load)),
            sets=3,
            reps=5,
            position=position,
        )
    return workout
