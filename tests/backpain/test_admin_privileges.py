import re

import pytest
from django.contrib.auth.models import Group, Permission

from backpain.models import User
from tests.conftest import make_user, sign_in_with_second_factor


@pytest.fixture
def staff(db) -> User:
    """A helpdesk account: staff, allowed to view and change users, nothing more."""
    user = make_user(email="helpdesk@example.com", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=["view_user", "change_user"]))
    return user


@pytest.fixture
def root(db) -> User:
    return make_user(email="root@example.com", is_staff=True, is_superuser=True)


def change_url(user: User) -> str:
    return f"/admin/backpain/user/{user.pk}/change/"


def change_form_data(user: User, **overrides) -> dict:
    data = {
        "email": user.email,
        "display_name": user.display_name,
        "time_zone": user.time_zone,
        "units": user.units,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "10:00:00",
    }
    data.update(overrides)
    return data


def test_the_change_form_offers_staff_no_privilege_fields(client, staff, alice):
    sign_in_with_second_factor(client, staff)

    page = client.get(change_url(alice))

    assert page.status_code == 200
    for field in ["is_staff", "is_superuser", "groups", "user_permissions"]:
        assert not re.search(rf'name="{field}"', page.text), field
    assert 'name="display_name"' in page.text


def test_a_crafted_post_cannot_make_staff_a_superuser(client, staff):
    admins = Group.objects.create(name="admins")
    admins.permissions.set(Permission.objects.all())
    sign_in_with_second_factor(client, staff)

    response = client.post(
        change_url(staff),
        change_form_data(
            staff,
            display_name="Helpdesk",
            is_staff="on",
            is_superuser="on",
            groups=[admins.pk],
            user_permissions=list(Permission.objects.values_list("pk", flat=True)),
        ),
    )

    assert response.status_code == 302
    staff.refresh_from_db()
    assert staff.display_name == "Helpdesk"  # the allowed part of the form was saved
    assert not staff.is_superuser
    assert not staff.groups.exists()
    assert staff.user_permissions.count() == 2


def test_staff_cannot_grant_staff_status_to_someone_else(client, staff, alice):
    sign_in_with_second_factor(client, staff)

    client.post(change_url(alice), change_form_data(alice, is_staff="on", is_superuser="on"))

    alice.refresh_from_db()
    assert (alice.is_staff, alice.is_superuser) == (False, False)


def test_staff_cannot_change_or_take_over_a_superuser(client, staff, root):
    sign_in_with_second_factor(client, staff)

    post = client.post(change_url(root), change_form_data(root, email="helpdesk2@example.com"))
    password = client.post(
        f"/admin/backpain/user/{root.pk}/password/",
        {"password1": "taken-over-passphrase-1", "password2": "taken-over-passphrase-1"},
    )

    assert post.status_code == 403
    assert password.status_code == 403
    assert (
        client.post(f"/admin/backpain/user/{root.pk}/delete/", {"post": "yes"}).status_code == 403
    )
    root.refresh_from_db()
    assert root.email == "root@example.com"
    assert not root.check_password("taken-over-passphrase-1")


def test_staff_cannot_take_over_another_staff_account(client, staff):
    colleague = make_user(email="colleague@example.com", is_staff=True)
    sign_in_with_second_factor(client, staff)

    post = client.post(change_url(colleague), change_form_data(colleague, email="x@example.com"))

    assert post.status_code == 403
    colleague.refresh_from_db()
    assert colleague.email == "colleague@example.com"


def test_a_superuser_may_grant_staff_and_superuser_status(client, root, alice):
    sign_in_with_second_factor(client, root)

    response = client.post(
        change_url(alice), change_form_data(alice, is_staff="on", is_superuser="on")
    )

    assert response.status_code == 302
    alice.refresh_from_db()
    assert (alice.is_staff, alice.is_superuser) == (True, True)


def test_staff_cannot_give_a_group_more_permissions(client, staff):
    helpdesk = Group.objects.create(name="helpdesk")
    staff.groups.add(helpdesk)
    staff.user_permissions.add(*Permission.objects.filter(codename__endswith="_group"))
    sign_in_with_second_factor(client, staff)

    response = client.post(
        f"/admin/auth/group/{helpdesk.pk}/change/",
        {"name": "helpdesk", "permissions": list(Permission.objects.values_list("pk", flat=True))},
    )

    assert response.status_code == 403
    assert client.get("/admin/auth/group/add/").status_code == 403
    assert not helpdesk.permissions.exists()
