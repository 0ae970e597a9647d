"""The data export holds every field the app stores about the person.

The test walks the models: every model with a key to the user, every concrete field of it, and
the tables that find the person by email (django-axes). A field is either in the export, under
its own name (or a stated other name), or left out for a stated reason. A new model or field
that is neither fails the test until the export or this list says what happens to it.
"""

import json
from datetime import datetime
from decimal import Decimal

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from backpain.models import HealthDataRead, User
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import (
    DismissedPrompt,
    PsfsActivity,
    PsfsRating,
    PsfsScore,
    ReminderSent,
    ReminderSettings,
)
from tests.conftest import PASSWORD, sign_in_with_second_factor
from tests.journal.factories import make_entry, make_workout

# (model, its key to the user) -> where its rows are in the export document.
PLACES = {
    ("journal.Entry", "user"): ("journal", "entries"),
    ("journal.Workout", "user"): ("journal", "workouts"),
    ("journal.DismissedPrompt", "user"): ("dismissed_prompts",),
    ("guidance.RoutineItem", "user"): ("routine",),
    ("guidance.CheckResult", "user"): ("checklist_results",),
    ("otp_totp.TOTPDevice", "user"): ("two_factor", "authenticator_apps"),
    ("otp_static.StaticDevice", "user"): ("two_factor", "backup_codes"),
    ("backpain.HealthDataRead", "subject"): ("admin_reads_of_my_data",),
    ("admin.LogEntry", "user"): ("admin_actions",),
    ("journal.ReminderSettings", "user"): ("reminders",),
    ("journal.ReminderSent", "user"): ("reminders_sent",),
    ("journal.PsfsActivity", "user"): ("psfs", "activities"),
    ("journal.PsfsRating", "user"): ("psfs", "ratings"),
}
RELATIONS_LEFT_OUT = {
    ("backpain.HealthDataRead", "reader"): "reads a superuser made of other people's data",
}
# django-axes finds the person by the email typed at sign-in.
BY_EMAIL = {
    "axes.AccessLog": ("sign_in_history", "sign_ins"),
    "axes.AccessFailureLog": ("sign_in_history", "failed_sign_ins"),
    "axes.AccessAttempt": ("sign_in_history", "failure_counters"),
}
RENAMED = {("guidance.RoutineItem", "created_at"): "added_at"}
# In the export, but as a reader would want it rather than as stored.
SHOWN_DIFFERENTLY = {
    ("guidance.RoutineItem", "position"): "the 1-based place in the routine",
    ("admin.LogEntry", "action_flag"): "Added / Changed / Deleted",
    ("admin.LogEntry", "change_message"): "the message in words",
    ("journal.ReminderSettings", "session_time"): "HH:MM in the person's time zone",
    ("journal.ReminderSettings", "morning_time"): "HH:MM in the person's time zone",
}
LEFT_OUT = {
    ("backpain.User", "password"): "a hash of the password, a secret",
    ("otp_totp.TOTPDevice", "key"): "the secret: whoever holds it can make codes",
    ("backpain.HealthDataRead", "reader_email"): "the superuser's identity is theirs",
    ("axes.AccessLog", "session_hash"): "derived from the session key, a secret",
    ("axes.AccessLog", "username"): "the account email, in account.email",
    ("axes.AccessFailureLog", "username"): "the account email, in account.email",
    ("axes.AccessAttempt", "username"): "the account email, in account.email",
}


def dig(document: dict, place: tuple[str, ...]) -> list:
    for key in place:
        document = document[key]
    return [document] if isinstance(document, dict) else document  # one row, e.g. reminders


def as_exported(value):
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


@pytest.fixture
def alice_everywhere(client, alice, bob, settings):
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True
    today = timezone.localdate()
    make_entry(alice, today, 5, regions=["neck"], sleep_hours=Decimal("6.5"), mood=2, notes="stiff")
    make_workout(alice, today, before=2, after=4, exercises=[("Deadlift", 80)], notes="ok")
    RoutineItem.objects.create(
        user=alice, exercise=Exercise.objects.get(slug="bird-dog"), notes="3 x 8"
    )
    CheckResult.objects.create(user=alice, level="routine", answers={"age": 40}, reasons=[])
    DismissedPrompt.objects.create(user=alice, key="severe-run:2026-11-01")
    backup = StaticDevice.objects.create(user=alice, name="Backup codes", confirmed=True)
    StaticToken.objects.bulk_create(StaticToken(device=backup, token=f"code{n}") for n in range(3))
    alice.is_staff = True
    alice.save()
    LogEntry.objects.create(
        user=alice,
        content_type=ContentType.objects.get_for_model(Exercise),
        object_id="1",
        object_repr="Bird dog",
        action_flag=CHANGE,
        change_message='[{"changed": {"fields": ["Purpose"]}}]',
    )
    HealthDataRead.objects.create(
        reader=bob, reader_email=bob.email, subject=alice, model="journal.entry", view="list"
    )
    failing = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        failing.post("/accounts/signin/", {"username": alice.email, "password": "wrong"})
    Client(REMOTE_ADDR="198.51.100.7").post(
        "/accounts/signin/", {"username": alice.email, "password": PASSWORD}
    )
    ReminderSettings.objects.create(user=alice, session_days=[0, 3], feed_token_hash="ab" * 32)
    ReminderSent.objects.create(user=alice, key="session:2026-11-02")
    activity = PsfsActivity.objects.create(user=alice, name="deadlift 60 kg")
    rating = PsfsRating.objects.create(user=alice, rated_at=timezone.now())
    PsfsScore.objects.create(rating=rating, activity=activity, score=4)
    sign_in_with_second_factor(client, alice)  # the authenticator-app device
    return alice


def exported(client) -> dict:
    response = client.get("/accounts/export/")
    assert response.status_code == 200
    return json.loads(response.content)


def check_rows(label: str, rows, exported_rows: list[dict]) -> None:
    assert len(exported_rows) == len(rows) > 0, label
    for row, item in zip(rows, exported_rows, strict=True):
        for field in row._meta.concrete_fields:
            if field.primary_key or (label, field.name) in LEFT_OUT:
                continue
            if field.is_relation and field.related_model is User:
                continue
            key = RENAMED.get((label, field.name), field.name)
            assert key in item, f"{label}.{field.name} is not in the export"
            if not field.is_relation and (label, field.name) not in SHOWN_DIFFERENTLY:
                value = as_exported(getattr(row, field.attname))
                assert item[key] == value, f"{label}.{field.name}"


def test_every_model_that_points_at_a_user_is_in_the_export(client, alice_everywhere):
    document = exported(client)
    relations = {
        (model._meta.label, field.name): model
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if field.is_relation and field.related_model is User
    }

    assert set(relations) == set(PLACES) | set(RELATIONS_LEFT_OUT), "where do these go?"
    for (label, key), model in relations.items():
        if (label, key) in PLACES:
            rows = model.objects.filter(**{key: alice_everywhere}).order_by("pk")
            check_rows(label, list(rows), dig(document, PLACES[(label, key)]))


def test_sign_in_history_kept_by_email_is_in_the_export(client, alice_everywhere):
    document = exported(client)
    axes_models = {model._meta.label for model in apps.get_app_config("axes").get_models()}

    assert {"axes.AccessAttempt", "axes.AccessFailureLog", "axes.AccessLog"} <= axes_models
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        label = model._meta.label
        rows = list(model.objects.filter(username="alice@example.com").order_by("pk"))
        check_rows(label, rows, dig(document, BY_EMAIL[label]))


def test_every_account_field_is_in_the_export(client, alice_everywhere):
    account = exported(client)["account"]
    alice = User.objects.get(pk=alice_everywhere.pk)

    check_rows("backpain.User", [alice], [account])


def test_two_factor_shows_presence_and_never_a_secret(client, alice_everywhere):
    document = exported(client)
    text = json.dumps(document)

    assert document["two_factor"]["backup_codes"][0]["unused_codes"] == 3
    assert document["two_factor"]["authenticator_apps"][0]["confirmed"] is True
    assert TOTPDevice.objects.get().key not in text
    assert "code1" not in text
    assert "wrong" not in text  # the password typed at a failed sign-in
    assert "bob@example.com" not in text
