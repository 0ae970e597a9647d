"""The journal as data: JSON (also part of "download all my data") and CSV, and back again.

Format `backpain-journal/1`. Times are ISO 8601 in UTC; loads are kilograms as decimal strings;
every field of every entry and workout is included. `load_user_data` reads the same shape back,
so an export can be restored into an account (and the tests round-trip it).
"""

import csv
import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from decimal import Decimal
from itertools import batched

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


# Exports are read in chunks from a cursor and written out as they are read: five years of a
# journal never sit in memory whole as model instances or as a body (only the small tag and
# exercise rows are gathered first, keyed by their entry or workout).
CHUNK_ROWS = 1000


def iter_entry_dicts(user) -> Iterator[dict]:
    """`entry_to_dict` for every entry, oldest first: the tags from one flat query (small rows),
    then the entries read from a cursor in chunks. The query count stays two at any size."""
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
        .iterator(chunk_size=CHUNK_ROWS)
    )
    for row in entries:
        own = tags.get(row["id"], {})
        yield {
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


def iter_workout_dicts(user) -> Iterator[dict]:
    """`workout_to_dict` for every workout, oldest first, from two flat queries, the same way."""
    exercises: dict[int, list[dict]] = defaultdict(list)
    rows = (
        WorkoutExercise.objects.filter(workout__user=user)
        .order_by("position", "id")
        .values(
            "workout_id",
            "exercise__slug",
            *(name for name in EXERCISE_FIELDS if name != "exercise_slug"),
        )
    )
    for item in rows:
        exercises[item["workout_id"]].append(
            {
                "exercise_slug": item["exercise__slug"],
                "name": item["name"],
                "sets": item["sets"],
                "reps": item["reps"],
                "load_kg": _decimal(item["load_kg"]),
                "effort_kind": item["effort_kind"],
                "effort": item["effort"],
                "position": item["position"],
            }
        )
    workouts = (
        Workout.objects.for_user(user)
        .order_by("started_at", "id")
        .values("id", *WORKOUT_FIELDS)
        .iterator(chunk_size=CHUNK_ROWS)
    )
    for row in workouts:
        yield {
            "started_at": _iso(row["started_at"]),
            "pain_before": row["pain_before"],
            "pain_during": row["pain_during"],
            "pain_after": row["pain_after"],
            "pain_next_morning": row["pain_next_morning"],
            "notes": row["notes"],
            "created_at": _iso(row["created_at"]),
            "updated_at": _iso(row["updated_at"]),
            "exercises": exercises.get(row["id"], []),
        }


def user_data(user) -> dict:
    return {
        "format": FORMAT,
        "entries": list(iter_entry_dicts(user)),
        "workouts": list(iter_workout_dicts(user)),
    }


# One entry or workout a line: readable, and written by json's C encoder (indenting would
# switch to its pure-Python one, several times slower on a five-year journal).
_ITEM = json.JSONEncoder(ensure_ascii=False)


def _json_lines(items: Iterator[dict]) -> Iterator[str]:
    separator = "\n"
    for chunk in batched(items, 100):
        lines = []
        for item in chunk:
            lines += [separator, _ITEM.encode(item)]
            separator = ",\n"
        yield "".join(lines)


def user_data_json(user) -> Iterator[str]:
    """`user_data(user)` as a JSON document, in pieces, one entry or workout a line."""
    yield "{" + f'"format": {json.dumps(FORMAT)},\n"entries": ['
    yield from _json_lines(iter_entry_dicts(user))
    yield '\n],\n"workouts": ['
    yield from _json_lines(iter_workout_dicts(user))
    yield "\n]}\n"


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


class _Lines:
    """A file for csv.writer that hands back what was written (Django's streaming CSV recipe)."""

    def write(self, text: str) -> str:
        return text


def _csv_chunks(header: list[str], rows) -> Iterator[str]:
    writer = csv.writer(_Lines())
    yield writer.writerow(header)  # before any query: the download starts at once
    for chunk in batched(rows, 100):
        yield "".join(writer.writerow(row) for row in chunk)


def entries_csv(user) -> Iterator[str]:
    rows = ([_cell(data[name]) for name in ENTRY_FIELDS] for data in iter_entry_dicts(user))
    return _csv_chunks(ENTRY_FIELDS, rows)


def _workout_rows(user):
    for number, data in enumerate(iter_workout_dicts(user), start=1):
        head = [number, *(_cell(data[name]) for name in WORKOUT_FIELDS)]
        for row in data["exercises"] or [dict.fromkeys(EXERCISE_FIELDS)]:
            yield [*head, *(_cell(row[name]) for name in EXERCISE_FIELDS)]


def workouts_csv(user) -> Iterator[str]:
    """One row per exercise done; a workout without exercises still has one row."""
    return _csv_chunks(["workout", *WORKOUT_FIELDS, *EXERCISE_FIELDS], _workout_rows(user))
