"""The journal as data: JSON (also part of "download all my data") and CSV, and back again.

Format `backpain-journal/1`. Times are ISO 8601 in UTC; loads are kilograms as decimal strings;
every field of every entry and workout is included. `load_user_data` reads the same shape back,
so an export can be restored into an account (and the tests round-trip it).
"""

import csv
import io
from collections import defaultdict
from datetime import datetime
from decimal import Decimal

from django.db import transaction

from .models import Entry, EntryTag, TagKind, Workout, WorkoutExercise
from .stats import NEW_SYMPTOM_CODES

FORMAT = "backpain-journal/1"
ENTRY_FIELDS = [
    "occurred_at",
    "pain",
    "regions",
    "qualities",
    "activities",
    "triggers",
    "relievers",
    "medication",
    "medication_dose",
    "medication_helped",
    "sleep_hours",
    "woken_by_pain",
    "interference",
    "mood",
    "new_symptoms",
    "notes",
    "created_at",
    "updated_at",
]
WORKOUT_FIELDS = [
    "started_at",
    "pain_before",
    "pain_during",
    "pain_after",
    "pain_next_morning",
    "notes",
    "created_at",
    "updated_at",
]
EXERCISE_FIELDS = [
    "exercise_slug",
    "name",
    "sets",
    "reps",
    "load_kg",
    "effort_kind",
    "effort",
    "position",
]
TAG_KEYS = {
    "regions": TagKind.REGION,
    "qualities": TagKind.QUALITY,
    "activities": TagKind.ACTIVITY,
    "triggers": TagKind.TRIGGER,
    "relievers": TagKind.RELIEVER,
}


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _decimal(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def entry_to_dict(entry: Entry) -> dict:
    data = {
        "occurred_at": _iso(entry.occurred_at),
        "pain": entry.pain,
        **{key: entry.tag_values(kind) for key, kind in TAG_KEYS.items()},
        "medication": entry.medication,
        "medication_dose": entry.medication_dose,
        "medication_helped": entry.medication_helped,
        "sleep_hours": _decimal(entry.sleep_hours),
        "woken_by_pain": entry.woken_by_pain,
        "interference": entry.interference,
        "mood": entry.mood,
        "new_symptoms": list(entry.new_symptoms),
        "notes": entry.notes,
        "created_at": _iso(entry.created_at),
        "updated_at": _iso(entry.updated_at),
    }
    return data


def workout_to_dict(workout: Workout) -> dict:
    return {
        "started_at": _iso(workout.started_at),
        "pain_before": workout.pain_before,
        "pain_during": workout.pain_during,
        "pain_after": workout.pain_after,
        "pain_next_morning": workout.pain_next_morning,
        "notes": workout.notes,
        "created_at": _iso(workout.created_at),
        "updated_at": _iso(workout.updated_at),
        "exercises": [
            {
                "exercise_slug": row.exercise.slug if row.exercise else None,
                "name": row.name,
                "sets": row.sets,
                "reps": row.reps,
                "load_kg": _decimal(row.load_kg),
                "effort_kind": row.effort_kind,
                "effort": row.effort,
                "position": row.position,
            }
            for row in workout.exercises.all()
        ],
    }


_PLAIN_FIELDS = [
    "medication",
    "medication_dose",
    "medication_helped",
    "woken_by_pain",
    "interference",
    "mood",
    "new_symptoms",
    "notes",
]


def _entry_dicts(user) -> list[dict]:
    """`entry_to_dict` for every entry, from two flat queries (five years export in well
    under a second, where model instances and prefetching took several)."""
    tags: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = (
        EntryTag.objects.filter(entry__user=user)
        .order_by("kind", "id")
        .values_list("entry_id", "kind", "value")
    )
    for entry_id, kind, value in rows:
        tags[entry_id][kind].append(value)
    entries = (
        Entry.objects.for_user(user)
        .order_by("occurred_at", "id")
        .values(
            "id", "occurred_at", "pain", "sleep_hours", "created_at", "updated_at", *_PLAIN_FIELDS
        )
    )
    result = []
    for row in entries:
        own = tags.get(row["id"], {})
        result.append(
            {
                "occurred_at": _iso(row["occurred_at"]),
                "pain": row["pain"],
                **{key: list(own.get(kind, [])) for key, kind in TAG_KEYS.items()},
                "medication": row["medication"],
                "medication_dose": row["medication_dose"],
                "medication_helped": row["medication_helped"],
                "sleep_hours": _decimal(row["sleep_hours"]),
                "woken_by_pain": row["woken_by_pain"],
                "interference": row["interference"],
                "mood": row["mood"],
                "new_symptoms": list(row["new_symptoms"]),
                "notes": row["notes"],
                "created_at": _iso(row["created_at"]),
                "updated_at": _iso(row["updated_at"]),
            }
        )
    return result


def user_data(user) -> dict:
    workouts = Workout.objects.for_user(user).with_exercises().order_by("started_at", "id")
    return {
        "format": FORMAT,
        "entries": _entry_dicts(user),
        "workouts": [workout_to_dict(workout) for workout in workouts],
    }


def _parse_dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _parse_decimal(value) -> Decimal | None:
    return None if value in (None, "") else Decimal(str(value))


def entry_from_dict(user, data: dict, keep_times: bool = True, pk: int | None = None) -> Entry:
    """Create one entry (and its tags) from `entry_to_dict` output, under id `pk` if given
    (the insert then fails with IntegrityError if that id is taken)."""
    entry = Entry.objects.create(
        pk=pk,
        user=user,
        occurred_at=_parse_dt(data["occurred_at"]),
        pain=data["pain"],
        medication=data.get("medication", ""),
        medication_dose=data.get("medication_dose", ""),
        medication_helped=data.get("medication_helped", ""),
        sleep_hours=_parse_decimal(data.get("sleep_hours")),
        woken_by_pain=data.get("woken_by_pain"),
        interference=data.get("interference"),
        mood=data.get("mood"),
        # Only codes the journal asks about: the red-flag check reads them.
        new_symptoms=[code for code in data.get("new_symptoms", []) if code in NEW_SYMPTOM_CODES],
        notes=data.get("notes", ""),
    )
    EntryTag.objects.bulk_create(
        EntryTag(entry=entry, kind=kind, value=value)
        for key, kind in TAG_KEYS.items()
        for value in data.get(key, [])
    )
    if keep_times and data.get("created_at"):
        # auto_now fields cannot be set through create(); an update keeps them as exported.
        Entry.objects.filter(pk=entry.pk).update(
            created_at=_parse_dt(data["created_at"]), updated_at=_parse_dt(data["updated_at"])
        )
    return entry


def workout_from_dict(user, data: dict, exercises_by_slug: dict) -> Workout:
    workout = Workout.objects.create(
        user=user,
        started_at=_parse_dt(data["started_at"]),
        pain_before=data["pain_before"],
        pain_during=data.get("pain_during"),
        pain_after=data.get("pain_after"),
        pain_next_morning=data.get("pain_next_morning"),
        notes=data.get("notes", ""),
    )
    WorkoutExercise.objects.bulk_create(
        WorkoutExercise(
            workout=workout,
            exercise=exercises_by_slug.get(row.get("exercise_slug")),
            name=row["name"],
            sets=row.get("sets"),
            reps=row.get("reps"),
            load_kg=_parse_decimal(row.get("load_kg")),
            effort_kind=row.get("effort_kind", ""),
            effort=row.get("effort"),
            position=row.get("position", 0),
        )
        for row in data.get("exercises", [])
    )
    if data.get("created_at"):
        Workout.objects.filter(pk=workout.pk).update(
            created_at=_parse_dt(data["created_at"]), updated_at=_parse_dt(data["updated_at"])
        )
    return workout


@transaction.atomic
def load_user_data(user, data: dict) -> tuple[int, int]:
    """Add the entries and workouts of a `user_data` document to `user`'s journal."""
    from guidance.models import Exercise

    if data.get("format") != FORMAT:
        raise ValueError(f"Not a {FORMAT} document.")
    slugs = {
        row.get("exercise_slug")
        for workout in data.get("workouts", [])
        for row in workout.get("exercises", [])
    }
    by_slug = {exercise.slug: exercise for exercise in Exercise.objects.filter(slug__in=slugs)}
    entries = [entry_from_dict(user, item) for item in data.get("entries", [])]
    workouts = [workout_from_dict(user, item, by_slug) for item in data.get("workouts", [])]
    return len(entries), len(workouts)


# A spreadsheet runs a cell that starts with one of these as a formula (a note "=HYPERLINK(...)"
# would become a live link in a clinician's copy). OWASP's CSV injection advice: prefix a quote.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = "; ".join(value) if isinstance(value, list) else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def entries_csv(user) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(ENTRY_FIELDS)
    for data in _entry_dicts(user):
        writer.writerow([_cell(data[name]) for name in ENTRY_FIELDS])
    return out.getvalue()


def workouts_csv(user) -> str:
    """One row per exercise done; a workout without exercises still has one row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["workout", *WORKOUT_FIELDS, *EXERCISE_FIELDS])
    workouts = Workout.objects.for_user(user).with_exercises().order_by("started_at", "id")
    for number, workout in enumerate(workouts, start=1):
        data = workout_to_dict(workout)
        head = [number, *(_cell(data[name]) for name in WORKOUT_FIELDS)]
        for row in data["exercises"] or [dict.fromkeys(EXERCISE_FIELDS)]:
            writer.writerow([*head, *(_cell(row[name]) for name in EXERCISE_FIELDS)])
    return out.getvalue()
