"""A deterministic five-year journal for performance tests and the benchmark (no randomness).

`build_history(user)` writes ~5,000 entries (2-3 a day), ~12,000 tags and ~780 workouts with
3 exercises each, with bulk_create.
"""

import zoneinfo
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from journal.models import Entry, EntryTag, TagKind, Workout, WorkoutExercise

REGIONS = ["lower_back_centre", "lower_back_left", "buttock_left", "thigh_left", "neck"]
TRIGGERS = ["sitting", "lifting", "bending", "driving", "stress", "poor sleep"]
RELIEVERS = ["walking", "heat", "stretching", "ibuprofen"]
ACTIVITIES = ["work", "gardening", "gym", "housework", "school run"]
EXERCISES = [("Deadlift", [60, 80, 100]), ("Back squat", [50, 70]), ("Plank", [None])]


def build_history(user, days: int = 5 * 365 + 1, end: date | None = None) -> tuple[int, int]:
    zone = zoneinfo.ZoneInfo(user.time_zone)
    end = end or date.today()
    start = end - timedelta(days=days - 1)
    entries = []
    for n in range(days):
        day = start + timedelta(days=n)
        for slot, hour in enumerate((8, 13, 21)):
            if slot == 2 and n % 3 == 0:
                continue  # some evenings are skipped: ~2.7 entries a day
            pain = (n // 7 + slot * 2 + n % 5) % 11
            entries.append(
                Entry(
                    user=user,
                    occurred_at=datetime.combine(day, time(hour, 15), tzinfo=zone),
                    pain=pain,
                    interference=min(10, pain + 1),
                    sleep_hours=Decimal("7.0") if slot == 0 else None,
                    woken_by_pain=(pain > 6) if slot == 0 else None,
                    medication="Ibuprofen" if pain >= 7 else "",
                    medication_dose="400 mg" if pain >= 7 else "",
                    medication_helped="partly" if pain >= 7 else "",
                    mood=1 + pain % 5,
                    notes=f"Day {n}, slot {slot}." if slot == 1 else "",
                )
            )
    entries = Entry.objects.bulk_create(entries, batch_size=1000)
    tags = []
    for i, entry in enumerate(entries):
        tags.append(EntryTag(entry=entry, kind=TagKind.REGION, value=REGIONS[i % len(REGIONS)]))
        if i % 2:
            tags.append(EntryTag(entry=entry, kind=TagKind.TRIGGER, value=TRIGGERS[i % 6]))
        if i % 3 == 0:
            tags.append(EntryTag(entry=entry, kind=TagKind.RELIEVER, value=RELIEVERS[i % 4]))
        if i % 4 == 0:
            tags.append(EntryTag(entry=entry, kind=TagKind.ACTIVITY, value=ACTIVITIES[i % 5]))
    EntryTag.objects.bulk_create(tags, batch_size=2000)

    workouts = []
    for n in range(0, days, 7):
        for offset in (0, 2, 4):
            if n + offset >= days:
                continue
            day = start + timedelta(days=n + offset)
            before = (n // 7) % 5
            workouts.append(
                Workout(
                    user=user,
                    started_at=datetime.combine(day, time(18, 0), tzinfo=zone),
                    pain_before=before,
                    pain_during=min(10, before + 2),
                    pain_after=min(10, before + offset // 2),
                    pain_next_morning=None if n + offset == days - 1 else min(10, before + 1),
                )
            )
    workouts = Workout.objects.bulk_create(workouts, batch_size=1000)
    rows = []
    for i, workout in enumerate(workouts):
        for position, (name, loads) in enumerate(EXERCISES):
            load = loads[i % len(loads)]
            rows.append(
                WorkoutExercise(
                    workout=workout,
                    name=name,
                    sets=3,
                    reps=5,
                    load_kg=None if load is None else Decimal(load),
                    effort_kind="rpe",
                    effort=7,
                    position=position,
                )
            )
    WorkoutExercise.objects.bulk_create(rows, batch_size=2000)
    return len(entries), len(workouts)


def build_small(user, end: date | None = None) -> None:
    build_history(user, days=3, end=end)
