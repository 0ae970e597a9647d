from datetime import timedelta
from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from guidance.models import Exercise, RoutineItem
from journal.models import Workout, WorkoutExercise
from journal.units import format_load, from_kg, to_kg
from tests.journal.factories import make_workout

HX = {"HX-Request": "true"}


def workout_form(rows=(), **overrides) -> dict:
    data = {
        "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "pain_before": "3",
        "pain_during": "5",
        "pain_after": "4",
        "pain_next_morning": "",
        "notes": "Gym",
        "ex-TOTAL_FORMS": "3",
        "ex-INITIAL_FORMS": "0",
        "ex-MIN_NUM_FORMS": "0",
        "ex-MAX_NUM_FORMS": "1000",
    }
    for index, row in enumerate(rows):
        for key, value in row.items():
            data[f"ex-{index}-{key}"] = value
    data.update(overrides)
    return data


@pytest.fixture
def deadlift(db):
    # A library exercise from the guidance app's data migration.
    exercise = Exercise.objects.order_by("name").first()
    assert exercise is not None, "the exercise library should be seeded by its migration"
    return exercise


def test_units_convert_both_ways():
    assert to_kg(Decimal("100"), "kg") == Decimal("100.00")
    assert to_kg(Decimal("100"), "lb") == Decimal("45.36")
    assert from_kg(Decimal("45.36"), "lb") == Decimal("100")
    assert from_kg(Decimal("102.5"), "kg") == Decimal("102.5")
    assert format_load(Decimal("80.00"), "kg") == "80 kg"
    assert format_load(None, "kg") == ""


def test_workout_with_library_and_typed_exercises(alice_client, alice, deadlift):
    rows = [
        {
            "exercise": str(deadlift.pk),
            "sets": "3",
            "reps": "5",
            "load": "100",
            "effort_kind": "rpe",
            "effort": "8",
        },
        {"name": "Farmer's walk", "sets": "2", "load": "24", "effort_kind": "rir", "effort": "2"},
    ]
    response = alice_client.post("/journal/workouts/new/", workout_form(rows))
    assert response.status_code == 302
    workout = Workout.objects.get(user=alice)
    assert (workout.pain_before, workout.pain_during, workout.pain_after) == (3, 5, 4)
    first, second = workout.exercises.all()
    assert (first.exercise, first.name, first.sets, first.reps, first.load_kg) == (
        deadlift,
        deadlift.name,
        3,
        5,
        Decimal("100.00"),
    )
    assert (first.effort_kind, first.effort) == ("rpe", 8)
    assert (second.exercise, second.name, second.load_kg, second.effort_kind) == (
        None,
        "Farmer's walk",
        Decimal("24.00"),
        "rir",
    )
    page = alice_client.get(f"/journal/workouts/{workout.pk}/").content.decode()
    assert f'href="/exercises/{deadlift.slug}/"' in page and "100 kg" in page


def test_loads_are_typed_and_shown_in_pounds_for_pound_users(client, bob):
    bob.units = "lb"
    bob.save()
    client.force_login(bob)
    client.post("/journal/workouts/new/", workout_form([{"name": "Squat", "load": "225"}]))
    row = WorkoutExercise.objects.get(workout__user=bob)
    assert row.load_kg == Decimal("102.06")
    workout = row.workout
    assert "225 lb" in client.get(f"/journal/workouts/{workout.pk}/").content.decode()
    edit = client.get(f"/journal/workouts/{workout.pk}/edit/").content.decode()
    assert 'value="225"' in edit and "Load (lb)" in edit


@pytest.mark.parametrize(
    ("rows", "overrides", "message"),
    [
        ([{"name": "Squat", "load": "-5"}], {}, "Load cannot be negative: use 0 for body weight."),
        ([{"sets": "3"}], {}, "Pick an exercise from the library or type its name."),
        ([{"name": "Squat", "effort": "8"}], {}, "Say which scale the effort score uses."),
        (
            [{"name": "Squat", "effort_kind": "rpe"}],
            {},
            "Give the effort score for the scale you chose.",
        ),
        ([{"name": "Squat", "effort_kind": "rpe", "effort": "0"}], {}, "RPE runs from 1 to 10."),
        ([{"name": "Squat", "exercise": "999999"}], {}, "Choose an exercise from the list."),
        (
            [],
            {"pain_before": "11"},
            "Pain is scored from 0 to 10: 10 is the worst you can imagine.",
        ),
        ([], {"pain_after": ""}, None),
    ],
)
def test_bad_workout_input_is_refused(alice_client, alice, rows, overrides, message):
    existing = make_workout(alice, timezone.localdate(), 2, 2, exercises=[("Row", 40)])
    response = alice_client.post("/journal/workouts/new/", workout_form(rows, **overrides))
    if message is None:  # blanks are allowed for during/after
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Workout.objects.count() == 1 and WorkoutExercise.objects.count() == 1
    response = alice_client.post(
        f"/journal/workouts/{existing.pk}/edit/", workout_form(rows, **overrides)
    )
    assert message in response.content.decode()
    existing.refresh_from_db()
    assert existing.pain_before == 2 and existing.exercises.get().name == "Row"


def test_edit_replaces_exercises_and_can_delete_rows(alice_client, alice):
    workout = make_workout(
        alice, timezone.localdate(), 2, 3, exercises=[("Row", 40), ("Squat", 60)]
    )
    data = workout_form(
        [{"name": "Row", "load": "45"}, {"name": "Squat", "load": "60", "DELETE": "on"}],
        **{"ex-INITIAL_FORMS": "2", "ex-TOTAL_FORMS": "5"},
    )
    assert alice_client.post(f"/journal/workouts/{workout.pk}/edit/", data).status_code == 302
    assert list(workout.exercises.values_list("name", "load_kg")) == [("Row", Decimal("45.00"))]


def test_next_morning_reminder_and_saving_it_with_htmx(alice_client, alice):
    yesterday = timezone.localdate() - timedelta(days=1)
    workout = make_workout(alice, yesterday, 3, 5)
    old = make_workout(alice, yesterday - timedelta(days=10), 3, 5)
    page = alice_client.get("/journal/").content.decode()
    assert "How is your back the morning after?" in page
    assert f"next-morning-{workout.pk}" in page and f"next-morning-{old.pk}" not in page
    response = alice_client.post(
        f"/journal/workouts/{workout.pk}/next-morning/", {"pain_next_morning": "2"}, headers=HX
    )
    assert "Saved: pain 2 out of 10 the morning after" in response.content.decode()
    workout.refresh_from_db()
    assert workout.pain_next_morning == 2
    assert f"next-morning-{workout.pk}" not in alice_client.get("/journal/").content.decode()


def test_next_morning_rejects_bad_values(alice_client, alice):
    workout = make_workout(alice, timezone.localdate() - timedelta(days=1), 3, 5)
    url = f"/journal/workouts/{workout.pk}/next-morning/"
    response = alice_client.post(url, {"pain_next_morning": "12"}, headers=HX)
    assert "Pain is scored from 0 to 10" in response.content.decode()
    response = alice_client.post(url, {"pain_next_morning": "x"}, follow=True)
    assert "Enter a whole number from 0 to 10." in response.content.decode()
    workout.refresh_from_db()
    assert workout.pain_next_morning is None


def test_delete_workout_after_confirmation(alice_client, alice):
    workout = make_workout(alice, timezone.localdate(), 3, 5, exercises=[("Row", 40)])
    assert (
        b"Delete this workout?"
        in alice_client.get(f"/journal/workouts/{workout.pk}/delete/").content
    )
    alice_client.post(f"/journal/workouts/{workout.pk}/delete/")
    assert not Workout.objects.exists() and not WorkoutExercise.objects.exists()


def test_deleting_a_library_exercise_keeps_the_logged_name(alice, deadlift):
    workout = make_workout(alice, timezone.localdate(), 3, 5)
    WorkoutExercise.objects.create(workout=workout, exercise=deadlift, name=deadlift.name)
    name = deadlift.name
    deadlift.delete()
    row = WorkoutExercise.objects.get()
    assert row.exercise is None and row.name == name


def test_database_refuses_bad_workout_values(alice):
    now = timezone.now()
    with pytest.raises(IntegrityError), transaction.atomic():
        Workout.objects.create(user=alice, started_at=now, pain_before=11)
    workout = Workout.objects.create(user=alice, started_at=now, pain_before=1)
    for fields in (
        {"load_kg": Decimal("-1")},
        {"sets": 0},
        {"effort_kind": "rpe"},
        {"effort": 5},
        {"effort_kind": "rpe", "effort": 11},
        {"name": ""},
    ):
        row = {"name": "Squat", **fields}
        with pytest.raises(IntegrityError), transaction.atomic():
            WorkoutExercise.objects.create(workout=workout, **row)


def test_a_form_claiming_a_thousand_exercises_is_refused_cheaply(alice_client):
    response = alice_client.post(
        "/journal/workouts/new/", workout_form(**{"ex-TOTAL_FORMS": "1000"})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "A workout can hold at most 30 exercises." in html
    # Only the capped number of forms is built and shown back, not a thousand.
    assert 'name="ex-29-name"' in html and 'name="ex-30-name"' not in html
    assert not Workout.objects.exists()


def test_workout_form_asks_pain_on_the_0_to_10_scale(alice_client):
    html = alice_client.get("/journal/workouts/new/").content.decode()
    for name in ("pain_before", "pain_during", "pain_after", "pain_next_morning"):
        assert html.count(f'type="radio" name="{name}"') == (11 if name == "pain_before" else 12)
    # The optional scores keep a way back to blank, ticked while nothing is recorded.
    assert 'name="pain_during" value="" id="id_pain_during_11" checked' in html
    assert '<span class="visually-hidden">, severe</span>' in html


def test_add_a_row_without_javascript_keeps_everything_and_saves_nothing(alice_client, alice):
    data = workout_form(
        [{"name": "Squat", "sets": "3"}], **{"ex-TOTAL_FORMS": "1", "pain_before": ""}
    )
    data["add_row"] = "1"
    response = alice_client.post("/journal/workouts/new/", data)
    assert response.status_code == 200
    assert not Workout.objects.exists()
    html = response.content.decode()
    assert 'name="ex-TOTAL_FORMS" value="2"' in html
    assert 'name="ex-0-name" value="Squat"' in html and 'name="ex-1-name"' in html
    assert 'name="pain_during" value="5" id="id_pain_during_5" checked' in html
    # A half-filled form is not judged until it is saved.
    assert "errorlist" not in html

    # The grown form then saves both rows.
    data = workout_form(
        [{"name": "Squat", "sets": "3"}, {"name": "Bridge", "reps": "10"}],
        **{"ex-TOTAL_FORMS": "2", "ex-INITIAL_FORMS": "1"},
    )
    assert alice_client.post("/journal/workouts/new/", data).status_code == 302
    names = list(WorkoutExercise.objects.filter(workout__user=alice).values_list("name", flat=True))
    assert names == ["Squat", "Bridge"]


def test_add_a_row_stops_at_the_most_a_workout_holds(alice_client):
    rows = [{"name": f"Lift {n}"} for n in range(40)]
    data = workout_form(rows, **{"ex-TOTAL_FORMS": "40", "add_row": "1"})
    html = alice_client.post("/journal/workouts/new/", data).content.decode()
    assert 'name="ex-TOTAL_FORMS" value="30"' in html
    assert 'name="ex-29-name" value="Lift 29"' in html  # full: nothing typed is dropped
    assert "disabled>Add an exercise row" in html


def test_add_a_row_while_editing_keeps_a_row_marked_for_deletion(alice_client, alice):
    workout = make_workout(alice, timezone.localdate(), 2, 3, exercises=[("Squat", 60)])
    data = workout_form(
        [{"name": "Squat", "load": "60", "DELETE": "on"}],
        **{"ex-TOTAL_FORMS": "1", "ex-INITIAL_FORMS": "1", "add_row": "1"},
    )
    html = alice_client.post(f"/journal/workouts/{workout.pk}/edit/", data).content.decode()
    assert 'name="ex-TOTAL_FORMS" value="2"' in html
    assert 'name="ex-0-DELETE" id="id_ex-0-DELETE" checked' in html
    assert workout.exercises.count() == 1


def test_a_workout_can_start_from_my_routine(alice_client, alice, bob):
    first, second = Exercise.objects.order_by("name")[:2]
    RoutineItem.objects.create(user=alice, exercise=second, position=0)
    RoutineItem.objects.create(user=alice, exercise=first, position=1)
    RoutineItem.objects.create(user=bob, exercise=first, position=0)
    html = alice_client.get("/journal/workouts/new/").content.decode()
    assert 'href="/journal/workouts/new/?from=routine"' in html
    assert "Start from My routine (2 exercises)" in html
    html = alice_client.get("/journal/workouts/new/?from=routine").content.decode()
    assert 'name="ex-TOTAL_FORMS" value="3"' in html  # two from the routine, one empty
    assert f'<option value="{second.pk}" selected>' in html.split('name="ex-0-exercise"')[1]
    assert f'<option value="{first.pk}" selected>' in html.split('name="ex-1-exercise"')[1]


def test_no_routine_button_without_a_routine(alice_client):
    html = alice_client.get("/journal/workouts/new/").content.decode()
    assert "Start from My routine" not in html


def test_next_morning_pain_is_the_same_tappable_scale_on_the_journal_and_workout_pages(
    alice_client, alice
):
    yesterday = timezone.localdate() - timedelta(days=1)
    first = make_workout(alice, yesterday, 3, 5)
    second = make_workout(alice, yesterday, 2, 4)
    page = alice_client.get("/journal/").content.decode()
    for workout in (first, second):
        for score in range(11):  # one radio per score, ids apart for each workout
            assert f'id="next-{workout.pk}-pain_next_morning_{score}"' in page
    assert 'type="number"' not in page.split("How is your back the morning after?")[1].split(
        "</section>"
    )[0]
    detail = alice_client.get(f"/journal/workouts/{first.pk}/").content.decode()
    assert f'id="next-{first.pk}-pain_next_morning_10"' in detail
    assert 'name="pain_next_morning" type="number"' not in detail
