from backpain.models import User
from tests.conftest import PASSWORD, make_user


def signup(client, **overrides):
    data = {
        "email": "carol@example.com",
        "display_name": "Carol",
        "password1": PASSWORD,
        "password2": PASSWORD,
    }
    data.update(overrides)
    return client.post("/accounts/signup/", data)


def test_signup_creates_account_and_signs_in(client, db):
    response = signup(client)

    assert response.status_code == 302
    assert response["Location"] == "/journal/"
    user = User.objects.get()
    assert user.email == "carol@example.com"
    assert user.check_password(PASSWORD)
    assert client.get("/accounts/settings/").status_code == 200


def test_signup_normalises_email_to_lower_case(client, db):
    signup(client, email="Carol@Example.COM")

    assert User.objects.get().email == "carol@example.com"


def test_duplicate_email_is_refused_with_a_clear_message(client, db):
    make_user(email="carol@example.com")

    response = signup(client, email="CAROL@example.com")

    assert response.status_code == 200
    assert "An account with this email already exists" in response.text
    assert User.objects.count() == 1


def test_weak_passwords_are_refused_with_clear_messages(client, db):
    for password, message in [
        ("short1", "This password is too short"),
        ("password123", "This password is too common"),
        ("8473629150284", "This password is entirely numeric"),
    ]:
        response = signup(client, password1=password, password2=password)

        assert response.status_code == 200
        assert message in response.text
    assert not User.objects.exists()


def test_mismatched_passwords_are_refused(client, db):
    response = signup(client, password2="another-long-passphrase-7")

    assert "The two password fields" in response.text
    assert not User.objects.exists()


def test_signed_in_person_visiting_signup_goes_to_settings(alice_client):
    response = alice_client.get("/accounts/signup/")

    assert response.status_code == 302
    assert response["Location"] == "/accounts/settings/"
