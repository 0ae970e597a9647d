import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import models
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice

from backpain.models import HealthDataRead, User
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import DismissedPrompt
from tests.conftest import make_user, sign_in_with_second_factor
from tests.journal.factories import make_entry, make_workout


def health_data_admins():
    """Every admin page for a model whose rows belong to one person."""
    return [
        model
        for model in admin.site._registry
        if model is not User
        and any(
            isinstance(field, models.ForeignKey) and field.related_model is User
            for field in model._meta.get_fields()
        )
    ]


def admin_url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


@pytest.fixture
def alice_data(alice):
    today = timezone.localdate()
    make_entry(alice, today, 6, regions=["neck"])
    make_workout(alice, today, before=2, after=4, exercises=[("Deadlift", 80)])
    CheckResult.objects.create(user=alice, level="routine", answers={}, reasons=[])
    RoutineItem.objects.create(user=alice, exercise=Exercise.objects.get(slug="bird-dog"))
    DismissedPrompt.objects.create(user=alice, key="severe-run")
    StaticDevice.objects.create(user=alice, name="Backup codes")
    HealthDataRead.objects.create(
        reader_email="root@example.com", subject=alice, model="journal.entry", view="list"
    )
    return alice


def test_every_health_data_model_in_the_admin_is_covered():
    names = {model.__name__ for model in health_data_admins()}

    assert {
        "Entry",
        "Workout",
        "CheckResult",
        "RoutineItem",
        "DismissedPrompt",
        "HealthDataRead",
        "TOTPDevice",
        "StaticDevice",
    } <= names


def test_staff_with_every_permission_cannot_open_health_data(client, alice_data):
    staff = make_user(email="staff@example.com", is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    sign_in_with_second_factor(client, staff)

    for model in health_data_admins():
        row = model.objects.first()
        assert client.get(admin_url(model)).status_code == 403, model
        assert client.get(admin_url(model, f"{row.pk}/change/")).status_code == 403, model
    assert "journal" not in client.get("/admin/").text.lower()


def test_superusers_may_look_but_not_edit_or_add(client, alice_data):
    root = make_user(email="root@example.com", is_staff=True, is_superuser=True)
    sign_in_with_second_factor(client, root)

    for model in health_data_admins():
        row = model.objects.first()
        assert client.get(admin_url(model)).status_code == 200, model
        change_page = client.get(admin_url(model, f"{row.pk}/change/"))
        assert change_page.status_code == 200, model
        assert 'name="_save"' not in change_page.text, model
        assert client.get(admin_url(model, "add/")).status_code == 403, model
        assert client.post(admin_url(model, f"{row.pk}/change/"), {}).status_code == 403, model
