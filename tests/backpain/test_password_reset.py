import re

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.conftest import PASSWORD


def ask_for_reset(client, email, capture, **extra):
    with capture(execute=True):
        return client.post("/accounts/password/reset/", {"email": email}, **extra)


def test_reset_mail_carries_a_working_one_time_link(
    client, alice, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, "alice@example.com", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.com"]
    assert message.subject == "Reset your Back on Track password"
    link = re.search(r"http://testserver(/accounts/password/reset/\S+/)", message.body).group(1)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.text
    new_password = "a-brand-new-passphrase-99"
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    assert done["Location"] == "/accounts/password/reset/complete/"
    alice.refresh_from_db()
    assert alice.check_password(new_password)

    reused = client.get(link, follow=True)
    assert "This link no longer works" in reused.text


def test_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(
    client, alice, django_capture_on_commit_callbacks
):
    response = ask_for_reset(client, "nobody@example.com", django_capture_on_commit_callbacks)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


def test_known_and_unknown_addresses_get_the_same_answer_and_the_same_work(
    client, alice, django_capture_on_commit_callbacks
):
    """The request only enqueues; the lookup and the mail happen in a task after the commit,
    so the request does the same queries for both and its timing cannot tell them apart."""
    answers, sent = {}, []
    for email in ["alice@example.com", "nobody@example.com"]:
        with (
            django_capture_on_commit_callbacks() as callbacks,
            CaptureQueriesContext(connection) as queries,
        ):
            response = client.post("/accounts/password/reset/", {"email": email})
        assert mail.outbox == [], "mail was sent before the response"
        answers[email] = (response.status_code, response["Location"], len(callbacks))
        answers[email + " queries"] = [q["sql"] for q in queries]

        for callback in callbacks:
            callback()
        sent += mail.outbox
        mail.outbox.clear()

    assert (
        answers["alice@example.com"]
        == answers["nobody@example.com"]
        == (302, "/accounts/password/reset/sent/", 1)
    )
    assert answers["alice@example.com queries"] == answers["nobody@example.com queries"]
    assert [message.to for message in sent] == [["alice@example.com"]]


def test_resets_are_throttled_per_address(client, alice, django_capture_on_commit_callbacks):
    for _ in range(5):
        ask_for_reset(client, "alice@example.com", django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 5

    refused = ask_for_reset(client, "ALICE@example.com", django_capture_on_commit_callbacks)

    assert refused.status_code == 429
    assert "Too many requests" in refused.text
    assert "Nothing was sent" in refused.text
    assert len(mail.outbox) == 5
    other_address = ask_for_reset(client, "bob@example.com", django_capture_on_commit_callbacks)
    assert other_address.status_code == 302


def test_resets_are_throttled_per_client_address(client, alice, django_capture_on_commit_callbacks):
    for number in range(20):
        response = ask_for_reset(
            client, f"someone{number}@example.com", django_capture_on_commit_callbacks
        )
        assert response.status_code == 302

    refused = ask_for_reset(client, "alice@example.com", django_capture_on_commit_callbacks)
    assert refused.status_code == 429
    assert mail.outbox == []

    elsewhere = ask_for_reset(
        client, "alice@example.com", django_capture_on_commit_callbacks, REMOTE_ADDR="10.9.8.7"
    )
    assert elsewhere.status_code == 302
    assert len(mail.outbox) == 1


def test_password_change_needs_the_old_password(alice_client, alice):
    new_password = "a-brand-new-passphrase-99"
    data = {"old_password": "wrong", "new_password1": new_password, "new_password2": new_password}

    refused = alice_client.post("/accounts/password/", data)
    assert "Your old password was entered incorrectly" in refused.text
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)

    data["old_password"] = PASSWORD
    assert alice_client.post("/accounts/password/", data).status_code == 302
    alice.refresh_from_db()
    assert alice.check_password(new_password)


def test_password_change_sends_a_notice(alice_client, alice, django_capture_on_commit_callbacks):
    new_password = "a-brand-new-passphrase-99"
    data = {"old_password": PASSWORD, "new_password1": new_password, "new_password2": new_password}

    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post("/accounts/password/", data)

    assert len(mail.outbox) == 1
    notice = mail.outbox[0]
    assert notice.to == ["alice@example.com"]
    assert notice.subject == "Your Back on Track password was changed"
    assert "http://testserver/accounts/password/reset/" in notice.body
    assert new_password not in notice.body


def test_new_passwords_need_twelve_characters(alice_client, alice):
    short = "Zq8!mW3#pL5"  # 11 characters, nothing else wrong with it
    data = {"old_password": PASSWORD, "new_password1": short, "new_password2": short}

    refused = alice_client.post("/accounts/password/", data)

    assert refused.status_code == 200
    assert "This password is too short. It must contain at least 12 characters." in refused.text
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


# A real transaction: the worker closes the database connection when it is done, which would
# end the test's own wrapping transaction on PostgreSQL.
@pytest.mark.django_db(transaction=True)
def test_with_the_database_queue_the_mail_leaves_with_the_worker_not_the_request(
    client, alice, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

    for email in ["alice@example.com", "nobody@example.com"]:
        ask_for_reset(client, email, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    assert DBTaskResult.objects.filter(status="READY").count() == 2
    call_command("db_worker", batch=True, startup_delay=False)
    assert [message.to for message in mail.outbox] == [["alice@example.com"]]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 2
