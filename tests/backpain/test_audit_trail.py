import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.utils import timezone

from backpain.admin import HealthDataAdminMixin
from backpain.models import HealthDataRead
from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import DismissedPrompt, Entry
from tests.conftest import make_user, sign_in_with_second_factor
from tests.journal.factories import make_entry, make_workout

AUDIT = "/admin/backpain/healthdataread/"


def audited_admins():
    return [
        model
        for model, model_admin in admin.site._registry.items()
        if isinstance(model_admin, HealthDataAdminMixin)
    ]


def admin_url(model, suffix=""):
    return f"/admin/{model._meta.app_label}/{model._meta.model_name}/{suffix}"


@pytest.fixture
def root(client, db):
    user = make_user(email="root@example.com", is_staff=True, is_superuser=True)
    sign_in_with_second_factor(client, user)
    return user


@pytest.fixture
def health_data(alice, bob):
    today = timezone.localdate()
    for person in (alice, bob):
        make_entry(person, today, 6, regions=["neck"])
        make_workout(person, today, before=2, after=4, exercises=[("Deadlift", 80)])
        CheckResult.objects.create(user=person, level="routine", answers={}, reasons=[])
        RoutineItem.objects.create(user=person, exercise=Exercise.objects.get(slug="bird-dog"))
        DismissedPrompt.objects.create(user=person, key="severe-run")


def test_a_list_page_records_who_read_whose_rows_and_when(client, root, alice, bob, health_data):
    before = timezone.now()

    response = client.get("/admin/journal/entry/?q=&pain=6")

    assert response.status_code == 200
    reads = HealthDataRead.objects.order_by("subject__email")
    assert [read.subject for read in reads] == [alice, bob]
    for read, person in zip(reads, (alice, bob), strict=True):
        assert read.reader == root
        assert read.reader_email == "root@example.com"
        assert read.model == "journal.entry"
        assert read.view == HealthDataRead.View.LIST
        assert read.object_ids == [Entry.objects.get(user=person).pk]
        assert read.path == "/admin/journal/entry/?q=&pain=6"
        assert before <= read.at <= timezone.now()


def test_a_detail_page_records_the_row_read(client, root, alice, health_data):
    entry = Entry.objects.get(user=alice)

    assert client.get(admin_url(Entry, f"{entry.pk}/change/")).status_code == 200

    read = HealthDataRead.objects.get()
    assert (read.reader, read.subject, read.model, read.view, read.object_ids) == (
        root,
        alice,
        "journal.entry",
        HealthDataRead.View.DETAIL,
        [entry.pk],
    )


def test_every_health_data_page_is_recorded(client, root, alice, health_data):
    models = audited_admins()
    assert {model.__name__ for model in models} >= {
        "Entry",
        "Workout",
        "CheckResult",
        "RoutineItem",
        "DismissedPrompt",
    }

    for model in models:
        row = model.objects.filter(user=alice).get()
        HealthDataRead.objects.all().delete()
        assert client.get(admin_url(model)).status_code == 200
        assert (
            HealthDataRead.objects.filter(view="list", model=model._meta.label_lower).count() == 2
        ), model
        assert client.get(admin_url(model, f"{row.pk}/change/")).status_code == 200
        detail = HealthDataRead.objects.get(view="detail")
        assert (detail.subject, detail.object_ids) == (alice, [row.pk]), model


def test_refused_and_missing_pages_record_nothing(client, alice, health_data):
    staff = make_user(email="staff@example.com", is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    sign_in_with_second_factor(client, staff)

    assert client.get("/admin/journal/entry/").status_code == 403
    client.logout()
    root = make_user(email="root@example.com", is_staff=True, is_superuser=True)
    sign_in_with_second_factor(client, root)
    assert client.get(admin_url(Entry, "999999/change/")).status_code == 302

    assert not HealthDataRead.objects.exists()


def test_superusers_read_the_trail_but_nobody_changes_or_deletes_it(client, root, health_data):
    client.get("/admin/journal/entry/")
    read = HealthDataRead.objects.first()
    count = HealthDataRead.objects.count()

    page = client.get(AUDIT)
    assert page.status_code == 200
    assert "root@example.com" in page.text
    detail = client.get(f"{AUDIT}{read.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.text
    assert "deletelink" not in detail.text
    assert client.get(f"{AUDIT}add/").status_code == 403
    assert client.post(f"{AUDIT}{read.pk}/change/", {"path": "/"}).status_code == 403
    assert client.post(f"{AUDIT}{read.pk}/delete/", {"post": "yes"}).status_code == 403
    bulk = client.post(
        AUDIT, {"action": "delete_selected", "_selected_action": [read.pk], "post": "yes"}
    )
    assert bulk.status_code in (200, 302)
    assert HealthDataRead.objects.count() == count


def test_staff_who_are_not_superusers_cannot_see_the_trail(client, health_data):
    staff = make_user(email="staff@example.com", is_staff=True)
    staff.user_permissions.set(Permission.objects.all())
    sign_in_with_second_factor(client, staff)

    assert client.get(AUDIT).status_code == 403
    assert "audit" not in client.get("/admin/").text.lower()
