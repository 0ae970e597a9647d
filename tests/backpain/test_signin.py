import pytest
from axes.models import AccessAttempt
from django.test import override_settings

from tests.conftest import PASSWORD


def sign_in(client, email, password):
    return client.post("/accounts/signin/", {"username": email, "password": password})


def test_sign_in_with_email_and_password(client, alice):
    response = sign_in(client, "alice@example.com", PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == "/journal/"


def test_email_is_matched_whatever_its_case(client, alice):
    response = sign_in(client, "Alice@Example.com", PASSWORD)

    assert response.status_code == 302


def test_wrong_password_gives_a_clear_message(client, alice):
    response = sign_in(client, "alice@example.com", "wrong-password")

    assert response.status_code == 200
    assert "Please enter a correct email address and password" in response.text


def test_five_failures_lock_the_account_out_even_for_the_right_password(client, alice):
    for _ in range(4):
        assert sign_in(client, "alice@example.com", "wrong-password").status_code == 200

    locked = sign_in(client, "alice@example.com", "wrong-password")
    assert locked.status_code == 429
    assert "Too many sign-in attempts" in locked.text
    assert "paused for 15 minutes" in locked.text

    again = sign_in(client, "alice@example.com", PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_changing_the_case_of_the_email_does_not_dodge_the_limit(client, alice):
    for email in [
        "alice@example.com",
        "ALICE@example.com",
        "Alice@Example.com",
        "aLiCe@example.com",
    ]:
        sign_in(client, email, "wrong-password")

    assert sign_in(client, "ALICE@EXAMPLE.COM", "wrong-password").status_code == 429


def test_lockout_is_per_email_so_other_people_can_still_sign_in(client, alice, bob):
    for _ in range(5):
        sign_in(client, "alice@example.com", "wrong-password")

    assert sign_in(client, "bob@example.com", PASSWORD).status_code == 302


def test_successful_sign_in_resets_the_failure_count(client, alice):
    for _ in range(3):
        sign_in(client, "alice@example.com", "wrong-password")
    assert AccessAttempt.objects.filter(username="alice@example.com").exists()

    assert sign_in(client, "alice@example.com", PASSWORD).status_code == 302
    assert not AccessAttempt.objects.filter(username="alice@example.com").exists()


@pytest.mark.parametrize(
    "url",
    [
        "/accounts/settings/",
        "/accounts/export/",
        "/accounts/delete/",
        "/accounts/password/",
        "/accounts/password/done/",
    ],
)
def test_account_pages_send_anonymous_visitors_to_sign_in(client, db, url):
    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/signin/?next={url}"


def test_sign_out_needs_a_post(alice_client):
    assert alice_client.get("/accounts/signout/").status_code == 405

    response = alice_client.post("/accounts/signout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in alice_client.session


@override_settings(AXES_FAILURE_LIMIT=2)
def test_failure_limit_comes_from_settings(client, alice):
    sign_in(client, "alice@example.com", "wrong-password")

    assert sign_in(client, "alice@example.com", "wrong-password").status_code == 429
