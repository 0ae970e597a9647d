import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.utils import timezone

from backpain.models import User
from tests.conftest import PASSWORD, make_user


@pytest.fixture
def ask(alice_client, django_capture_on_commit_callbacks):
    def ask(new_email="alice@new.example", password=PASSWORD):
        with django_capture_on_commit_callbacks(execute=True):
            return alice_client.post(
                "/accounts/email/", {"new_email": new_email, "password": password}
            )

    return ask


def confirm_link(message) -> str:
    return re.search(r"http://testserver(/accounts/email/confirm/\S+/)", message.body).group(1)


def confirm(client, link, capture):
    with capture(execute=True):
        return client.post(link)


def test_settings_no_longer_change_the_email_directly(alice_client, alice):
    alice_client.post(
        "/accounts/settings/",
        {
            "display_name": "Al",
            "email": "mallory@example.com",
            "time_zone": "Europe/London",
            "units": "kg",
        },
    )

    alice.refresh_from_db()
    assert (alice.display_name, alice.email) == ("Al", "alice@example.com")


def test_the_current_password_is_needed(ask, alice):
    response = ask(password="not-my-password")

    assert response.status_code == 200
    assert "That password is not correct. Your email address is unchanged." in response.text
    assert mail.outbox == []
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_the_new_address_takes_effect_only_through_the_mailed_link(
    ask, alice_client, alice, django_capture_on_commit_callbacks
):
    response = ask()

    assert response.status_code == 302
    assert response["Location"] == "/accounts/settings/"
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"
    (message,) = mail.outbox
    assert message.to == ["alice@new.example"]
    assert message.subject == "Confirm your new email address for Back on Track"

    link = confirm_link(message)
    assert "alice@new.example" in alice_client.get(link).text
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"  # opening the page changes nothing
    done = confirm(alice_client, link, django_capture_on_commit_callbacks)

    assert done["Location"] == "/accounts/settings/"
    alice.refresh_from_db()
    assert alice.email == "alice@new.example"
    notice = mail.outbox[-1]
    assert notice.to == ["alice@example.com"]
    assert notice.subject == "Your Back on Track email address was changed"
    assert "alice@new.example" in notice.body


def test_the_link_works_once(ask, alice_client, alice, django_capture_on_commit_callbacks):
    ask()
    link = confirm_link(mail.outbox[0])
    confirm(alice_client, link, django_capture_on_commit_callbacks)
    ask(new_email="alice@other.example")  # now from the new address
    confirm(alice_client, confirm_link(mail.outbox[-1]), django_capture_on_commit_callbacks)

    replay = confirm(alice_client, link, django_capture_on_commit_callbacks)

    assert "This link no longer works" in replay.text
    alice.refresh_from_db()
    assert alice.email == "alice@other.example"


def test_the_link_expires_after_a_day(ask, alice_client, alice, django_capture_on_commit_callbacks):
    ask()
    link = confirm_link(mail.outbox[0])

    later = timezone.now() + timedelta(days=1, minutes=1)
    with mock.patch("time.time", return_value=later.timestamp()):
        response = confirm(alice_client, link, django_capture_on_commit_callbacks)

    assert "This link no longer works" in response.text
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"


def test_a_link_only_moves_the_account_it_was_made_for(
    ask, client, alice, bob, django_capture_on_commit_callbacks
):
    ask()
    link = confirm_link(mail.outbox[0])
    client.force_login(bob)

    confirm(client, link, django_capture_on_commit_callbacks)

    alice.refresh_from_db()
    bob.refresh_from_db()
    assert (alice.email, bob.email) == ("alice@new.example", "bob@example.com")


def test_a_taken_address_gets_a_notice_and_the_same_answer(ask, alice, bob):
    taken = ask(new_email="BOB@example.com")
    free = ask(new_email="carol@example.com")

    assert taken.status_code == free.status_code == 302
    notice, invitation = mail.outbox
    assert notice.to == ["bob@example.com"]
    assert notice.subject == "This address already has a Back on Track account"
    assert "/accounts/email/confirm/" not in notice.body
    assert invitation.to == ["carol@example.com"]


def test_an_address_taken_after_the_link_was_sent_is_refused_without_error(
    ask, alice_client, alice, django_capture_on_commit_callbacks
):
    ask()
    make_user(email="alice@new.example")

    response = confirm(
        alice_client, confirm_link(mail.outbox[0]), django_capture_on_commit_callbacks
    )

    assert response.status_code == 200
    assert "This link no longer works" in response.text
    alice.refresh_from_db()
    assert alice.email == "alice@example.com"
    assert User.objects.filter(email="alice@new.example").count() == 1


def test_the_same_address_is_refused_clearly(ask):
    response = ask(new_email="ALICE@example.com")

    assert response.status_code == 200
    assert "That is already your email address." in response.text
    assert mail.outbox == []


def test_email_change_requests_are_throttled(ask):
    for _ in range(5):
        assert ask(new_email="alice@new.example").status_code == 302

    refused = ask(new_email="alice@new.example")

    assert refused.status_code == 429
    assert len(mail.outbox) == 5


def test_anonymous_visitors_are_sent_to_sign_in(client, db):
    response = client.get("/accounts/email/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/signin/?next=/accounts/email/"
