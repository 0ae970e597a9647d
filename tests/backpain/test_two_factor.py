import re
import time
from base64 import b32decode

import pytest
import segno
from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD, make_user

SETUP = "/accounts/two-factor/setup/"
VERIFY = "/accounts/two-factor/verify/"


def totp_code(key: bytes, drift: int = 0, steps_ahead: int = 0) -> str:
    totp = TOTP(key, step=30, t0=0, digits=6, drift=drift)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def next_code(device: TOTPDevice) -> str:
    """A code the device has not seen: one step ahead of the last accepted one."""
    device.refresh_from_db()
    return totp_code(device.bin_key, device.drift, steps_ahead=1)


def enable_two_factor(client) -> tuple[TOTPDevice, list[str]]:
    page = client.get(SETUP)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text)[1]
    response = client.post(SETUP, {"code": totp_code(b32decode(secret.replace(" ", "")))})
    assert response.status_code == 200
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)
    return TOTPDevice.objects.get(confirmed=True), codes


def sign_in(client, email="alice@example.com"):
    response = client.post("/accounts/signin/", {"username": email, "password": PASSWORD})
    assert response.status_code == 302
    return response


@pytest.fixture
def alice_with_app(alice_client, alice):
    device, codes = enable_two_factor(alice_client)
    alice_client.post("/accounts/signout/")
    return device, codes


def test_setup_shows_the_secret_and_a_server_drawn_qr_code(alice_client, alice):
    page = alice_client.get(SETUP)

    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=alice, confirmed=False)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text)[1]
    assert b32decode(secret.replace(" ", "")) == device.bin_key
    assert "otpauth://totp/Back%20on%20Track%3Aalice%40example.com?" in device.config_url
    qr = segno.make(device.config_url, error="m").svg_inline(
        scale=4, light="#fff", svgclass="qr-code"
    )
    assert qr in page.text
    assert "<img" not in page.text.split("<main", 1)[1]
    # A reload shows the same secret, so an app that already scanned it still matches.
    assert secret in alice_client.get(SETUP).text


def test_a_real_code_turns_it_on_and_gives_ten_backup_codes(alice_client, alice):
    device, codes = enable_two_factor(alice_client)

    assert device.user == alice
    assert len(codes) == 10 and len(set(codes)) == 10
    assert sorted(
        StaticToken.objects.filter(device__user=alice).values_list("token", flat=True)
    ) == (sorted(codes))
    assert alice_client.session[DEVICE_ID_SESSION_KEY] == device.persistent_id
    status = alice_client.get("/accounts/two-factor/")
    assert "Two-step sign-in is on." in status.text
    assert "You have 10 unused backup codes." in status.text


def test_a_wrong_code_at_setup_leaves_it_off(alice_client, alice):
    alice_client.get(SETUP)

    response = alice_client.post(SETUP, {"code": "000000"})

    assert response.status_code == 200
    assert "That code is not right." in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert not StaticDevice.objects.exists()


def test_signing_in_asks_for_the_code_before_any_page(client, alice, alice_with_app):
    device, _ = alice_with_app
    sign_in(client)

    for path in ("/journal/", "/accounts/settings/", "/accounts/export/", "/checklist/history/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{VERIFY}?next="), path
    htmx = client.get("/journal/", headers={"HX-Request": "true"})
    assert htmx["HX-Redirect"] == f"{VERIFY}?next=%2Fjournal%2F"

    page = client.get(f"{VERIFY}?next=/journal/")
    assert page.status_code == 200
    assert 'autocomplete="one-time-code"' in page.text
    assert 'href="tel:999"' in page.text and 'href="tel:112"' in page.text
    response = client.post(VERIFY, {"code": next_code(device), "next": "/journal/"})

    assert response.status_code == 302
    assert response["Location"] == "/journal/"
    assert client.get("/journal/").status_code == 200


def test_emergency_advice_is_never_behind_the_code_step(client, alice, alice_with_app):
    sign_in(client)
    for path in ("/", "/checklist/", "/checklist/about/"):
        assert client.get(path).status_code == 200, path
    result = client.post("/checklist/", {"incontinence": "yes"})
    assert 'data-triage-level="emergency"' in result.text
    assert 'href="tel:999"' in result.text


def test_a_replayed_code_is_refused(client, alice, alice_with_app):
    device, _ = alice_with_app
    sign_in(client)
    code = next_code(device)
    assert client.post(VERIFY, {"code": code})["Location"] == "/journal/"
    client.post("/accounts/signout/")
    sign_in(client)

    response = client.post(VERIFY, {"code": code})

    assert response.status_code == 200
    assert "That code is not right, or it was used already." in response.text
    assert client.get("/journal/")["Location"].startswith(VERIFY)


def test_the_setup_code_cannot_be_replayed_at_sign_in(client, alice):
    client.force_login(alice)
    page = client.get(SETUP)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text)[1]
    code = totp_code(b32decode(secret.replace(" ", "")))
    client.post(SETUP, {"code": code})
    client.post("/accounts/signout/")
    sign_in(client)

    assert client.post(VERIFY, {"code": code}).status_code == 200
    assert client.get("/journal/").status_code == 302


def test_a_backup_code_works_once(client, alice, alice_with_app):
    _, codes = alice_with_app
    sign_in(client)

    response = client.post(VERIFY, {"code": codes[0].upper()})

    assert response["Location"] == "/journal/"
    assert "Backup code used: you have 9 left." in client.get("/journal/").text
    client.post("/accounts/signout/")
    sign_in(client)
    refused = client.post(VERIFY, {"code": codes[0]})
    assert refused.status_code == 200
    assert StaticToken.objects.filter(device__user=alice).count() == 9


def test_wrong_codes_slow_down_guessing(client, alice, alice_with_app):
    device, _ = alice_with_app
    sign_in(client)
    for _ in range(5):
        client.post(VERIFY, {"code": "000000"})

    # Five failures ask for a 16-second wait, so even the right code is refused now.
    response = client.post(VERIFY, {"code": next_code(device)})

    assert "Too many wrong codes. Wait" in response.text
    assert client.get("/journal/").status_code == 302


def test_the_code_step_never_sends_people_to_another_site(client, alice, alice_with_app):
    device, _ = alice_with_app
    sign_in(client)

    response = client.post(VERIFY, {"code": next_code(device), "next": "https://evil.example/"})

    assert response["Location"] == "/journal/"


def test_people_without_an_app_are_not_asked_for_a_code(client, alice):
    sign_in(client)

    assert client.get("/journal/").status_code == 200
    assert client.get(VERIFY)["Location"] == "/journal/"


def test_staff_without_an_app_must_set_one_up_before_the_admin(client, db):
    staff = make_user(email="staff@example.com", is_staff=True, is_superuser=True)
    client.force_login(staff)

    response = client.get("/admin/journal/entry/")

    assert response["Location"] == f"{SETUP}?next=%2Fadmin%2Fjournal%2Fentry%2F"
    assert client.get("/journal/").status_code == 200
    page = client.get(response["Location"])
    assert "Staff need two-step sign-in before the admin opens." in page.text


def test_staff_with_an_app_must_use_it_in_this_session_before_the_admin(client, db):
    staff = make_user(email="staff@example.com", is_staff=True, is_superuser=True)
    client.force_login(staff)
    client.get(SETUP)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', client.get(SETUP).text)[1]
    done = client.post(
        SETUP, {"code": totp_code(b32decode(secret.replace(" ", ""))), "next": "/admin/"}
    )
    assert '<a href="/admin/" class="button">I have saved them</a>' in done.text
    assert client.get("/admin/").status_code == 200
    client.post("/accounts/signout/")

    sign_in(client, "staff@example.com")
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"
    # A session that skipped the code step by other means still cannot open the admin.
    session = client.session
    del session["two_factor_pending"]
    session.save()
    assert client.get("/admin/")["Location"] == f"{VERIFY}?next=%2Fadmin%2F"

    device = TOTPDevice.objects.get(user=staff)
    assert client.post(VERIFY, {"code": next_code(device), "next": "/admin/"})["Location"] == (
        "/admin/"
    )
    assert client.get("/admin/").status_code == 200


def test_turning_it_on_signs_out_the_other_sessions(alice, bob):
    first, second, bystander = Client(), Client(), Client()
    first.force_login(alice)
    second.force_login(alice)
    bystander.force_login(bob)

    enable_two_factor(first)

    assert first.get("/journal/").status_code == 200
    assert second.get("/journal/")["Location"].startswith("/accounts/signin/")
    assert bystander.get("/journal/").status_code == 200


def test_new_backup_codes_replace_the_old_ones(alice_client, alice):
    _, old = enable_two_factor(alice_client)

    response = alice_client.post("/accounts/two-factor/backup-codes/")

    new = re.findall(r"<li><code>([a-z2-7]+)</code></li>", response.text)
    assert len(new) == 10 and not set(new) & set(old)
    assert set(StaticToken.objects.values_list("token", flat=True)) == set(new)
    assert alice_client.get("/accounts/two-factor/backup-codes/").status_code == 405


def test_turning_it_off_needs_the_password(alice_client, alice):
    enable_two_factor(alice_client)

    refused = alice_client.post("/accounts/two-factor/disable/", {"password": "not-it"})

    assert "That password is not correct. Two-step sign-in is still on." in refused.text
    assert TOTPDevice.objects.filter(user=alice).exists()
    done = alice_client.post("/accounts/two-factor/disable/", {"password": PASSWORD})
    assert done["Location"] == "/accounts/two-factor/"
    assert not TOTPDevice.objects.exists() and not StaticDevice.objects.exists()
    assert not StaticToken.objects.exists()
    alice_client.post("/accounts/signout/")
    sign_in(alice_client)
    assert alice_client.get("/journal/").status_code == 200


def test_wrong_codes_at_setup_slow_down_guessing_too(alice_client, alice):
    page = alice_client.get(SETUP)
    secret = re.search(r'<code id="totp-secret">([A-Z2-7 ]+)</code>', page.text)[1]
    for _ in range(5):
        alice_client.post(SETUP, {"code": "000000"})

    response = alice_client.post(SETUP, {"code": totp_code(b32decode(secret.replace(" ", "")))})

    assert "Too many wrong codes. Wait" in response.text
    assert not TOTPDevice.objects.filter(confirmed=True).exists()


def test_a_session_that_has_not_given_a_code_cannot_change_two_step_sign_in(client, alice):
    # As if signed in before the app was added (turning it on signs such sessions out).
    client.force_login(alice)
    TOTPDevice.objects.create(user=alice, name="Phone", confirmed=True)

    for path in ("/accounts/two-factor/disable/", "/accounts/two-factor/backup-codes/"):
        response = client.post(path, {"password": PASSWORD})
        assert response["Location"] == VERIFY, path
    assert TOTPDevice.objects.filter(user=alice).exists()


def test_giving_the_code_changes_the_session_key(client, alice, alice_with_app):
    device, _ = alice_with_app
    sign_in(client)
    before = client.session.session_key

    client.post(VERIFY, {"code": next_code(device)})

    assert client.session.session_key != before
    assert client.get("/journal/").status_code == 200


def test_signing_in_through_the_admin_login_still_needs_the_second_factor(client, db):
    make_user(email="staff@example.com", is_staff=True, is_superuser=True)

    response = client.post(
        "/admin/login/?next=/admin/",
        {"username": "staff@example.com", "password": PASSWORD, "next": "/admin/"},
    )

    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"] == f"{SETUP}?next=%2Fadmin%2F"
