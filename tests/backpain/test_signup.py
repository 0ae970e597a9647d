import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from backpain.models import User
from tests.conftest import PASSWORD, make_user


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run what the request left for after its transaction commits (the mail tasks)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def signup(client, commit, **overrides):
    data = {"email": "carol@example.com", "display_name": "Carol"}
    data.update(overrides)
    with commit():
        return client.post("/accounts/signup/", data)


def confirm_link(message) -> str:
    return re.search(r"http://testserver(/accounts/signup/confirm/\S+/)", message.body).group(1)


def choose_password(client, link, password=PASSWORD, password2=None):
    data = {"password1": password, "password2": password2 or password}
    return client.post(link, data)


def test_signup_mails_a_link_then_creates_the_account_and_signs_in(client, commit, db):
    response = signup(client, commit)

    assert response.status_code == 200
    assert "Check your email" in response.text
    assert not User.objects.exists()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["carol@example.com"]
    assert message.subject == "Confirm your email to create your Back on Track account"

    link = confirm_link(message)
    form_page = client.get(link)
    assert "Choose your password" in form_page.text
    assert "carol@example.com" in form_page.text
    done = choose_password(client, link)

    assert done.status_code == 302
    assert done["Location"] == "/journal/"
    user = User.objects.get()
    assert (user.email, user.display_name) == ("carol@example.com", "Carol")
    assert user.check_password(PASSWORD)
    assert client.get("/accounts/settings/").status_code == 200


def test_the_link_works_once(client, commit, db):
    signup(client, commit)
    link = confirm_link(mail.outbox[0])
    choose_password(client, link)
    client.post("/accounts/signout/")

    again = client.get(link)
    assert "This link no longer works" in again.text
    replay = choose_password(client, link, "another-long-passphrase-7")
    assert "This link no longer works" in replay.text
    assert User.objects.get().check_password(PASSWORD)


def test_the_link_expires_after_a_day(client, commit, db):
    signup(client, commit)
    link = confirm_link(mail.outbox[0])

    later = timezone.now() + timedelta(days=1, minutes=1)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = choose_password(client, link)

    assert "This link no longer works" in response.text
    assert not User.objects.exists()


def test_a_tampered_link_does_nothing(client, commit, db):
    signup(client, commit)
    link = confirm_link(mail.outbox[0])

    response = choose_password(client, link.replace("/confirm/", "/confirm/x"))

    assert "This link no longer works" in response.text
    assert not User.objects.exists()


def test_known_and_unknown_addresses_get_the_same_answer_and_work(
    client, db, django_capture_on_commit_callbacks
):
    """No page says whether an address has an account: its owner is told by mail instead.
    The request does the same queries for both; the lookup runs in the mail task."""
    make_user(email="dave@example.com")
    answers, tasks = {}, []
    for email in ["DAVE@example.com", "erin@example.com"]:
        with (
            django_capture_on_commit_callbacks() as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.post("/accounts/signup/", {"email": email})
        main = re.search(r"<main.*</main>", response.text, re.DOTALL).group(0)
        answers[email] = (
            response.status_code,
            main.replace(email.lower(), "ADDRESS"),
            [query["sql"] for query in queries],
        )
        tasks += callbacks

    assert answers["DAVE@example.com"] == answers["erin@example.com"]
    assert answers["erin@example.com"][0] == 200
    assert mail.outbox == []
    for task in tasks:
        task()
    notice, invitation = mail.outbox
    assert notice.to == ["dave@example.com"]
    assert notice.subject == "You already have a Back on Track account"
    assert "http://testserver/accounts/signin/" in notice.body
    assert "/accounts/signup/confirm/" not in notice.body
    assert invitation.to == ["erin@example.com"]
    assert User.objects.count() == 1


def test_a_link_for_an_address_that_got_an_account_meanwhile_no_longer_works(client, commit, db):
    signup(client, commit)
    link = confirm_link(mail.outbox[0])
    make_user(email="carol@example.com")

    assert "This link no longer works" in choose_password(client, link).text


def test_two_confirmations_at_once_create_one_account_and_no_error(client, commit, db):
    """Eight sign-ups for one address at once: the second insert meets the unique constraint
    (IntegrityError) after passing the "no account yet" check; it gets the expired-link page."""
    signup(client, commit)
    link = confirm_link(mail.outbox[0])
    first = choose_password(client, link)
    assert first.status_code == 302
    client.post("/accounts/signout/")

    exists = mock.patch("django.db.models.QuerySet.exists", return_value=False)
    with exists:
        responses = [choose_password(client, link) for _ in range(7)]

    assert {r.status_code for r in responses} == {200}
    assert all("This link no longer works" in r.text for r in responses)
    assert User.objects.count() == 1


def test_signups_are_throttled_per_address_and_per_client(client, commit, db):
    for _ in range(5):
        assert signup(client, commit).status_code == 200
    refused = signup(client, commit, email="CAROL@example.com")
    assert refused.status_code == 429
    assert "Too many requests" in refused.text
    assert len(mail.outbox) == 5

    for number in range(14):
        assert signup(client, commit, email=f"p{number}@example.com").status_code == 200
    assert signup(client, commit, email="last@example.com").status_code == 429
    assert len(mail.outbox) == 19
    with commit():
        other_client = client.post(
            "/accounts/signup/", {"email": "last@example.com"}, REMOTE_ADDR="10.1.2.3"
        )
    assert other_client.status_code == 200


def test_signup_normalises_email_to_lower_case(client, commit, db):
    signup(client, commit, email="Carol@Example.COM")
    choose_password(client, confirm_link(mail.outbox[0]))

    assert User.objects.get().email == "carol@example.com"


def test_weak_passwords_are_refused_with_clear_messages(client, commit, db):
    signup(client, commit)
    link = confirm_link(mail.outbox[0])
    for password, message in [
        ("short1", "This password is too short"),
        ("Zq8!mW3#pL5", "It must contain at least 12 characters"),
        ("password1234", "This password is too common"),
        ("8473629150284", "This password is entirely numeric"),
        ("carol@example.com", "The password is too similar to the email address"),
    ]:
        response = choose_password(client, link, password)

        assert response.status_code == 200
        assert message in response.text, password
    assert not User.objects.exists()


def test_mismatched_passwords_are_refused(client, commit, db):
    signup(client, commit)

    response = choose_password(
        client, confirm_link(mail.outbox[0]), password2="another-long-passphrase-7"
    )

    assert "The two password fields" in response.text
    assert not User.objects.exists()


def test_bad_sign_up_input_is_refused_and_sends_nothing(client, commit, db):
    for email in ["not-an-email", "x" * 250 + "@example.com", ""]:
        response = signup(client, commit, email=email)
        assert response.status_code == 200
        assert "Create an account" in response.text
    assert mail.outbox == []


def test_signed_in_person_visiting_signup_goes_to_settings(alice_client):
    response = alice_client.get("/accounts/signup/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/settings/"
