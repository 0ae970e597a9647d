import pytest
from axes.models import AccessAttempt
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from backpain.auth import client_ip
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


@pytest.mark.parametrize("length", [255, 300, 50_000])
def test_an_overlong_email_is_refused_before_any_lookup(client, alice, length):
    email = "a" * (length - len("@example.com")) + "@example.com"

    with CaptureQueriesContext(connection) as queries:
        response = sign_in(client, email, "wrong-password")

    assert response.status_code == 200
    assert "Ensure this value has at most 254 characters" in response.text
    assert not any("backpain_user" in query["sql"] for query in queries)
    assert not AccessAttempt.objects.exists()


def sign_in_from(client, email, password, forwarded_for):
    # The proxy connects from 127.0.0.1 and appends the address it was reached from.
    return client.post(
        "/accounts/signin/",
        {"username": email, "password": password},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(BEHIND_PROXY=True, TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_failures_from_one_client_do_not_lock_out_another(client, alice):
    for _ in range(5):
        sign_in_from(client, "alice@example.com", "wrong-password", "203.0.113.5")
    assert sign_in_from(client, "alice@example.com", PASSWORD, "203.0.113.5").status_code == 429

    other = sign_in_from(Client(), "alice@example.com", PASSWORD, "198.51.100.7")

    assert other.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"203.0.113.5"}


@override_settings(BEHIND_PROXY=True, TRUSTED_PROXY_COUNT=1)
def test_spoofed_forwarded_for_entries_do_not_dodge_the_lock(client, alice):
    """Entries left of the one our proxy appended are the client's own invention."""
    for number in range(5):
        sign_in_from(client, "alice@example.com", "wrong-password", f"10.0.0.{number}, 203.0.113.5")

    spoofed = sign_in_from(client, "alice@example.com", PASSWORD, "198.51.100.7, 203.0.113.5")
    assert spoofed.status_code == 429
    assert sign_in_from(Client(), "alice@example.com", PASSWORD, "198.51.100.7").status_code == 302


@override_settings(BEHIND_PROXY=True, TRUSTED_PROXY_COUNT=2)
def test_the_number_of_trusted_proxies_is_configurable(client, alice):
    # Two proxies: the outer one appended the client, the inner one the outer proxy.
    for number in range(5):
        sign_in_from(
            client, "alice@example.com", "wrong-password", f"10.0.0.{number}, 203.0.113.5, 10.1.1.1"
        )

    assert AccessAttempt.objects.get().ip_address == "203.0.113.5"
    assert (
        sign_in_from(Client(), "alice@example.com", PASSWORD, "203.0.113.6, 10.1.1.1").status_code
        == 302
    )


@override_settings(BEHIND_PROXY=False)
def test_without_a_proxy_the_forwarded_for_header_is_ignored(client, alice):
    for number in range(5):
        sign_in_from(client, "alice@example.com", "wrong-password", f"203.0.113.{number}")

    assert sign_in_from(client, "alice@example.com", PASSWORD, "198.51.100.7").status_code == 429


def test_client_ip_falls_back_to_the_connection_for_missing_or_junk_headers(rf, settings):
    settings.BEHIND_PROXY = True
    settings.TRUSTED_PROXY_COUNT = 1

    for header in [None, "", "not-an-ip", "203.0.113.5, <script>"]:
        extra = {} if header is None else {"HTTP_X_FORWARDED_FOR": header}
        assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1", **extra)) == "127.0.0.1"
    request = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=" 2001:db8::1 ")
    assert client_ip(request) == "2001:db8::1"
