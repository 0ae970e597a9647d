import csv
import io
import json
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backpain.export import user_export
from journal.export import (
    ENTRY_FIELDS,
    EXERCISE_FIELDS,
    WORKOUT_FIELDS,
    entry_to_dict,
    load_user_data,
    user_data,
    workout_to_dict,
)
from journal.models import Entry, Workout, WorkoutExercise
from tests.conftest import make_user
from tests.journal.factories import make_entry, make_workout


def rich_journal(user):
    today = timezone.localdate()
    make_entry(
        user,
        today - timedelta(days=1),
        7,
        regions=["lower_back_left", "below_knee_left"],
        qualities=["shooting", "tingling"],
        activities=["gardening"],
        triggers=["lifting", "bending"],
        relievers=["heat"],
        medication="Ibuprofen",
        medication_dose="400 mg",
        medication_helped="partly",
        sleep_hours=Decimal("5.5"),
        woken_by_pain=True,
        interference=6,
        mood=2,
        notes="Line one\nLine two, with a comma; and “quotes”",
    )
    make_entry(user, today, 0)
    workout = make_workout(
        user,
        today,
        3,
        5,
        exercises=[("Deadlift", 100), ("Plank", None)],
        pain_during=6,
        pain_next_morning=4,
        notes="Heavy day",
    )
    row = workout.exercises.first()
    row.effort_kind, row.effort = "rpe", 8
    row.save()
    make_workout(user, today - timedelta(days=3), 2)


def test_json_has_every_field_of_every_entry(alice):
    rich_journal(alice)
    data = user_data(alice)
    assert data["format"] == "backpain-journal/1"
    assert len(data["entries"]) == 2 and len(data["workouts"]) == 2
    first = data["entries"][0]
    assert set(first) == set(ENTRY_FIELDS)
    assert first["regions"] == ["lower_back_left", "below_knee_left"]
    assert first["qualities"] == ["shooting", "tingling"]
    assert first["sleep_hours"] == "5.5" and first["woken_by_pain"] is True
    assert first["medication_helped"] == "partly" and first["mood"] == 2
    workout = data["workouts"][1]
    assert set(workout) == {*WORKOUT_FIELDS, "exercises"}
    assert workout["exercises"][0] == {
        "exercise_slug": None,
        "name": "Deadlift",
        "sets": 3,
        "reps": 5,
        "load_kg": "100.00",
        "effort_kind": "rpe",
        "effort": 8,
        "position": 0,
    }
    # Every model field is exported (ids and the owner aside).
    skip = {"id", "user", "entry", "workout", "tags", "exercises"}
    entry_fields = {f.name for f in Entry._meta.get_fields()} - skip
    assert entry_fields <= set(ENTRY_FIELDS)
    workout_fields = {f.name for f in Workout._meta.get_fields()} - skip
    assert workout_fields <= set(WORKOUT_FIELDS)
    exercise_fields = {f.name for f in WorkoutExercise._meta.get_fields()} - skip - {"exercise"}
    assert exercise_fields <= set(EXERCISE_FIELDS)


def test_fast_export_matches_the_per_entry_shape(alice):
    rich_journal(alice)
    entries = Entry.objects.for_user(alice).with_tags().order_by("occurred_at", "id")
    assert user_data(alice)["entries"] == [entry_to_dict(entry) for entry in entries]


def test_json_round_trips(alice):
    rich_journal(alice)
    exported = json.loads(json.dumps(user_data(alice)))
    other = make_user()
    assert load_user_data(other, exported) == (2, 2)
    assert user_data(other) == exported


def _streamed(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_json_download(alice_client, alice):
    rich_journal(alice)
    response = alice_client.get("/journal/export/journal.json")
    assert response["Content-Type"].startswith("application/json")
    assert "attachment;" in response["Content-Disposition"]
    assert json.loads(_streamed(response)) == json.loads(json.dumps(user_data(alice)))


def test_entries_csv_has_every_field(alice_client, alice):
    rich_journal(alice)
    response = alice_client.get("/journal/export/entries.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_streamed(response))))
    assert len(rows) == 2 and list(rows[0]) == ENTRY_FIELDS
    first = rows[0]
    assert first["pain"] == "7"
    assert first["regions"] == "lower_back_left; below_knee_left"
    assert first["triggers"] == "lifting; bending"
    assert first["notes"] == "Line one\nLine two, with a comma; and “quotes”"
    assert first["woken_by_pain"] == "yes" and first["sleep_hours"] == "5.5"
    assert rows[1]["pain"] == "0" and rows[1]["regions"] == ""


def test_workouts_csv_has_a_row_per_exercise(alice_client, alice):
    rich_journal(alice)
    content = _streamed(alice_client.get("/journal/export/workouts.csv"))
    rows = list(csv.DictReader(io.StringIO(content)))
    assert list(rows[0]) == ["workout", *WORKOUT_FIELDS, *EXERCISE_FIELDS]
    assert [(r["workout"], r["name"], r["load_kg"]) for r in rows] == [
        ("1", "", ""),
        ("2", "Deadlift", "100.00"),
        ("2", "Plank", ""),
    ]
    assert rows[1]["pain_next_morning"] == "4" and rows[1]["effort"] == "8"


def test_account_export_includes_the_journal(alice):
    rich_journal(alice)
    assert user_export(alice)["journal"] == user_data(alice)


def test_deleting_the_account_removes_every_journal_row(alice):
    rich_journal(alice)
    alice.journal_dismissals.create(key="chronic-2026-01-01")
    alice.delete()
    assert not Entry.objects.exists()
    assert not Workout.objects.exists() and not WorkoutExercise.objects.exists()


def test_csv_cells_that_a_spreadsheet_would_run_as_formulas_are_neutralised(alice_client, alice):
    today = timezone.localdate()
    hostile = ['=HYPERLINK("http://evil.example")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx"]
    for text in hostile:
        make_entry(alice, today, 3, notes=text, triggers=[text.strip()])
    make_workout(alice, today, 2, notes="=1+1", exercises=[("=cmd|' /C calc'!A0", 20)])
    make_entry(alice, today, 2, notes="plain - with a dash inside")

    entries = list(
        csv.DictReader(io.StringIO(_streamed(alice_client.get("/journal/export/entries.csv"))))
    )
    notes = [row["notes"] for row in entries]
    assert notes == ["'" + text for text in hostile] + ["plain - with a dash inside"]
    assert all(not row["triggers"].startswith(("=", "+", "-", "@")) for row in entries)

    workouts = list(
        csv.DictReader(io.StringIO(_streamed(alice_client.get("/journal/export/workouts.csv"))))
    )
    assert (workouts[0]["notes"], workouts[0]["name"]) == ("'=1+1", "'=cmd|' /C calc'!A0")
    assert workouts[0]["load_kg"] == "20.00"


def test_the_streamed_json_is_the_journal_one_entry_or_workout_a_line(alice_client, alice):
    for person in (make_user(), alice):  # an empty journal, then a full one
        alice_client.force_login(person)
        if person == alice:
            rich_journal(alice)
        streamed = _streamed(alice_client.get("/journal/export/journal.json"))
        assert json.loads(streamed) == json.loads(json.dumps(user_data(person)))
        lines = streamed.splitlines()
        expected = 2 + len(user_data(person)["entries"]) + len(user_data(person)["workouts"])
        assert sum(line.startswith('{"occurred_at"') for line in lines) == len(
            user_data(person)["entries"]
        )
        assert len([line for line in lines if '"' in line]) == expected + 1


def test_a_long_journal_is_sent_in_pieces_not_built_whole(alice_client, alice):
    today = timezone.localdate()
    for n in range(600):
        make_entry(alice, today - timedelta(days=n), n % 11, regions=["neck"], notes="x" * 40)
    for n in range(400):
        make_workout(alice, today - timedelta(days=n), 2, exercises=[("Plank", None)])

    urls = ["/journal/export/journal.json", "/journal/export/entries.csv"]
    for url in [*urls, "/journal/export/workouts.csv"]:
        response = alice_client.get(url)
        assert response.streaming
        pieces = list(response.streaming_content)
        total = sum(len(piece) for piece in pieces)
        assert len(pieces) > 3, url
        assert max(len(piece) for piece in pieces) < total / 3, url


def test_tags_and_exercises_go_with_their_own_rows_when_times_are_equal(alice):
    today = timezone.localdate()
    make_entry(alice, today, 3, regions=["neck"], triggers=["sitting"])
    make_entry(alice, today, 4)
    make_entry(alice, today, 5, regions=["lower_back_centre"], relievers=["walking"])
    make_workout(alice, today, 1)
    make_workout(alice, today, 2, exercises=[("Plank", None), ("Deadlift", 60)])
    make_workout(alice, today, 3, exercises=[("Bird-dog", None)])

    entries = Entry.objects.for_user(alice).with_tags().order_by("occurred_at", "id")
    workouts = Workout.objects.for_user(alice).with_exercises().order_by("started_at", "id")
    data = user_data(alice)
    assert data["entries"] == [entry_to_dict(entry) for entry in entries]
    assert data["workouts"] == [workout_to_dict(workout) for workout in workouts]
    assert [len(w["exercises"]) for w in data["workouts"]] == [0, 2, 1]


def test_the_first_bytes_leave_before_any_journal_query(alice_client, alice):
    rich_journal(alice)
    # Entries, and workouts too in the JSON: two flat queries each, whatever the journal's size.
    for url, count in [("/journal/export/journal.json", 4), ("/journal/export/entries.csv", 2)]:
        response = alice_client.get(url)
        pieces = iter(response.streaming_content)
        with CaptureQueriesContext(connection) as queries:
            first = next(pieces)
        assert first and not queries.captured_queries, url
        with CaptureQueriesContext(connection) as queries:
            rest = b"".join(pieces)
        assert rest and len(queries.captured_queries) == count, url
