"""Deleting an account leaves no row about the person in any table of the project.

The scan reads every model Django knows (`apps.get_models()`, the session table included):
a foreign key to the user, the user's email in any text or JSON column, a generic reference
to the user row (the admin's history), or a session signed in as the user.
"""

from django.apps import apps
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from backpain.models import HealthDataRead, User
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import DismissedPrompt
from tests.conftest import PASSWORD, make_user, sign_in_with_second_factor
from tests.journal.factories import make_entry, make_workout

TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)


def _query_about(model, user_id: int, email: str) -> models.Q | None:
    query = models.Q()
    for field in model._meta.concrete_fields:
        if field.is_relation and field.related_model is User:
            query |= models.Q(**{field.attname: user_id})
        elif isinstance(field, TEXT_FIELDS):
            query |= models.Q(**{f"{field.attname}__icontains": email})
    if model is User:
        query |= models.Q(pk=user_id)
    names = {field.name for field in model._meta.concrete_fields}
    if {"content_type", "object_id"} <= names:
        query |= models.Q(
            content_type=ContentType.objects.get_for_model(User), object_id=str(user_id)
        )
    return query or None


def tables_about(user_id: int, email: str) -> dict[str, int]:
    """How many rows of each table are about this person (tables with none are left out)."""
    found = {}
    for model in apps.get_models():
        if model is Session:
            count = sum(
                1
                for session in Session.objects.all()
                if session.get_decoded().get("_auth_user_id") == str(user_id)
                or email in str(session.get_decoded())
            )
        else:
            query = _query_about(model, user_id, email)
            count = model.objects.filter(query).count() if query is not None else 0
        if count:
            found[model._meta.label] = count
    return found


def give_them_a_row_everywhere(person: User, root: User) -> None:
    today = timezone.localdate()
    make_entry(person, today, 5, regions=["neck"], triggers=["lifting"])
    make_workout(person, today, before=2, after=4, exercises=[("Deadlift", 80)])
    RoutineItem.objects.create(user=person, exercise=Exercise.objects.get(slug="bird-dog"))
    CheckResult.objects.create(user=person, level="routine", answers={}, reasons=[])
    DismissedPrompt.objects.create(user=person, key="severe-run")
    TOTPDevice.objects.create(user=person, name="Phone", confirmed=True)
    backup = StaticDevice.objects.create(user=person, name="Backup codes")
    StaticToken.objects.create(device=backup, token=StaticToken.random_token())
    HealthDataRead.objects.create(
        reader=root,
        reader_email=root.email,
        subject=person,
        model="journal.entry",
        view="list",
        object_ids=[1],
    )
    LogEntry.objects.create(
        user=root,
        content_type=ContentType.objects.get_for_model(User),
        object_id=str(person.pk),
        object_repr=str(person),
        action_flag=CHANGE,
        change_message="[]",
    )
    # Real sign-ins: two failures (axes' attempt and failure log) from one place, and a
    # success (axes' access log and a session row) from another, with the email in capitals.
    failing = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(2):
        failing.post("/accounts/signin/", {"username": person.email, "password": "wrong"})
    Client(REMOTE_ADDR="198.51.100.7").post(
        "/accounts/signin/", {"username": person.email.upper(), "password": PASSWORD}
    )


EVERYWHERE = {
    "backpain.User",
    "backpain.HealthDataRead",
    "journal.Entry",
    "journal.Workout",
    "journal.DismissedPrompt",
    "guidance.RoutineItem",
    "guidance.CheckResult",
    "otp_totp.TOTPDevice",
    "otp_static.StaticDevice",
    "axes.AccessAttempt",
    "axes.AccessFailureLog",
    "axes.AccessLog",
    "admin.LogEntry",
    "sessions.Session",
}


def test_deletion_leaves_no_row_about_the_person_in_any_table(client, alice, bob, settings):
    # Off by default here; a deployment may turn it on, and deletion must cover it too.
    settings.AXES_ENABLE_ACCESS_FAILURE_LOG = True
    root = make_user(email="root@example.com", is_staff=True, is_superuser=True)
    for person in (alice, bob):
        give_them_a_row_everywhere(person, root)
    sign_in_with_second_factor(client, alice)
    alice_id = alice.pk
    assert set(tables_about(alice_id, alice.email)) == EVERYWHERE
    bob_before = tables_about(bob.pk, bob.email)

    response = client.post("/accounts/delete/", {"password": PASSWORD})

    assert response["Location"] == "/"
    assert tables_about(alice_id, "alice@example.com") == {}
    assert tables_about(bob.pk, bob.email) == bob_before
    assert len(apps.get_models()) > 20


def test_the_scan_finds_a_row_it_was_not_told_about(alice):
    # The session table keeps the user id inside encoded data; the scan decodes it.
    Client().force_login(alice)

    assert tables_about(alice.pk, alice.email)["sessions.Session"] == 1


def test_a_deleted_readers_audit_rows_stay_as_the_record_of_a_staff_action(client, alice):
    root = make_user(email="root@example.com", is_staff=True, is_superuser=True)
    make_entry(alice, timezone.localdate(), 5)
    sign_in_with_second_factor(client, root)
    client.get("/admin/journal/entry/")

    client.post("/accounts/delete/", {"password": PASSWORD})

    assert not User.objects.filter(email="root@example.com").exists()
    read = HealthDataRead.objects.get()
    assert (read.reader, read.reader_email, read.subject) == (None, "root@example.com", alice)
