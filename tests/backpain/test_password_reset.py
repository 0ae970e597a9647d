import re

from django.core import mail

from tests.conftest import PASSWORD


def test_reset_mail_carries_a_working_one_time_link(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "alice@example.com"})

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


def test_reset_for_an_unknown_email_sends_nothing_and_reveals_nothing(client, alice):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.com"})

    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/sent/"
    assert mail.outbox == []


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
