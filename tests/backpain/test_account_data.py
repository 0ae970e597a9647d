import json

from axes.models import AccessAttempt, AccessLog
from django.apps import apps
from django.db import models
from django.utils import timezone

from backpain.models import User
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import Entry, EntryTag, Workout, WorkoutExercise
from tests.conftest import PASSWORD
from tests.journal.factories import make_entry, make_workout


def relations_to_user():
    """Every (model, field) in the project that points at a user, whichever app it lives in."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, models.ForeignKey | models.OneToOneField)
        and field.related_model is User
        and not field.auto_created
    ]


def test_export_holds_the_account_and_checklist_results(alice_client, alice):
    CheckResult.objects.create(
        user=alice, level="routine", answers={"age": 41}, reasons=[{"rule": "r1"}]
    )

    response = alice_client.get("/accounts/export/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="backpain-export-')
    assert response["Cache-Control"] == "no-store"
    document = json.loads(response.content)
    assert document["format"] == "backpain-export/1"
    assert document["account"]["email"] == "alice@example.com"
    assert document["account"]["display_name"] == "Alice"
    assert document["account"]["time_zone"] == "Europe/London"
    assert document["account"]["units"] == "kg"
    assert document["checklist_results"] == [
        {
            "created_at": CheckResult.objects.get().created_at.isoformat(),
            "level": "routine",
            "answers": {"age": 41},
            "reasons": [{"rule": "r1"}],
        }
    ]
    assert document["routine"] == []
    assert "journal" in document
    assert "password" not in response.text


def test_export_holds_nothing_of_other_people(alice_client, alice, bob):
    CheckResult.objects.create(user=bob, level="emergency", answers={}, reasons=[])

    document = json.loads(alice_client.get("/accounts/export/").content)

    assert document["checklist_results"] == []
    assert "bob@example.com" not in json.dumps(document)


def test_every_relation_to_a_user_deletes_with_the_user():
    relations = relations_to_user()
    # The audit trail outlives a deleted reader: it records a staff action (backpain/erasure.py).
    kept = {("HealthDataRead", "reader")}

    assert relations, "expected at least the checklist results to reference users"
    for model, field in relations:
        expected = models.SET_NULL if (model.__name__, field.name) in kept else models.CASCADE
        assert field.remote_field.on_delete is expected, f"{model.__name__}.{field.name}"


def test_deleting_the_account_removes_every_row_that_belongs_to_it(alice_client, alice, bob):
    today = timezone.localdate()
    for person in (alice, bob):
        make_entry(person, today, 5, regions=["neck"], triggers=["lifting"])
        make_workout(person, today, before=2, after=4, exercises=[("Deadlift", 80)])
    RoutineItem.objects.create(user=alice, exercise=Exercise.objects.get(slug="bird-dog"))
    CheckResult.objects.create(user=alice, level="routine", answers={}, reasons=[])
    CheckResult.objects.create(user=bob, level="routine", answers={}, reasons=[])
    AccessAttempt.objects.create(username="alice@example.com", failures_since_start=2)
    AccessLog.objects.create(username="alice@example.com")
    alice_pk = alice.pk

    response = alice_client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == "/"
    assert not User.objects.filter(pk=alice_pk).exists()
    for model, field in relations_to_user():
        assert not model.objects.filter(**{field.attname: alice_pk}).exists(), model.__name__
    assert not AccessAttempt.objects.filter(username="alice@example.com").exists()
    assert not AccessLog.objects.filter(username="alice@example.com").exists()
    assert CheckResult.objects.filter(user=bob).count() == 1
    assert (Entry.objects.count(), EntryTag.objects.count()) == (1, 2)
    assert (Workout.objects.count(), WorkoutExercise.objects.count()) == (1, 1)
    assert not RoutineItem.objects.exists()
    assert "_auth_user_id" not in alice_client.session


def test_wrong_password_deletes_nothing(alice_client, alice):
    CheckResult.objects.create(user=alice, level="routine", answers={}, reasons=[])

    response = alice_client.post("/accounts/delete/", {"password": "not-my-password"})

    assert response.status_code == 200
    assert "That password is not correct. Nothing was deleted." in response.text
    assert User.objects.filter(pk=alice.pk).exists()
    assert CheckResult.objects.filter(user=alice).count() == 1


def test_settings_save_profile_and_reject_bad_values(alice_client, alice, bob):
    saved = alice_client.post(
        "/accounts/settings/",
        {
            "display_name": "Al",
            "email": "alice@example.com",
            "time_zone": "Europe/Paris",
            "units": "lb",
        },
    )
    assert saved.status_code == 302
    alice.refresh_from_db()
    assert (alice.display_name, alice.time_zone, alice.units) == ("Al", "Europe/Paris", "lb")

    refused = alice_client.post(
        "/accounts/settings/",
        {"display_name": "X", "email": "BOB@example.com", "time_zone": "Mars/Base", "units": "st"},
    )
    assert refused.status_code == 200
    assert "Select a valid choice. Mars/Base is not one of the available choices." in refused.text
    alice.refresh_from_db()
    assert (alice.display_name, alice.email, alice.units) == ("Al", "alice@example.com", "lb")
