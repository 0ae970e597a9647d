import time
from base64 import b32decode

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def code_from(secret: str, drift: int = 0, steps_ahead: int = 0) -> str:
    totp = TOTP(b32decode(secret.replace(" ", "")), drift=drift)
    totp.time = time.time() + 30 * steps_ahead
    return f"{totp.token():06d}"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/signin/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture(autouse=True)
def no_wait_after_a_wrong_code(settings):
    # The wait after a wrong code is tested in tests/backpain/test_two_factor.py.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0


def test_turn_on_sign_in_with_a_code_and_turn_off(page, assert_accessible):
    turn_on_sign_in_and_turn_off(page, assert_accessible)


def test_the_same_works_without_javascript(page_without_js):
    # axe-core needs JavaScript, so this run checks the flow only.
    turn_on_sign_in_and_turn_off(page_without_js, lambda page: None)


def turn_on_sign_in_and_turn_off(page, assert_accessible):
    make_user(email="gina@example.com", display_name="Gina")
    sign_in(page, "gina@example.com")
    page.wait_for_url("**/journal/")

    page.goto("/accounts/settings/")
    page.get_by_role("link", name="Two-step sign-in").click()
    assert_accessible(page)
    page.get_by_role("link", name="Turn on two-step sign-in").click()
    assert page.get_by_role("img", name="QR code that adds Back on Track").is_visible()
    assert_accessible(page)
    page.get_by_role("textbox", name="Code").fill("000000")
    page.get_by_role("button", name="Turn on").click()
    assert page.get_by_text("That code is not right.").is_visible()
    assert_accessible(page)
    secret = page.locator("#totp-secret").inner_text()
    page.get_by_role("textbox", name="Code").fill(code_from(secret))
    page.get_by_role("button", name="Turn on").click()
    assert page.get_by_role("heading", name="Your backup codes").is_visible()
    assert page.locator(".backup-codes li").count() == 10
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "gina@example.com")
    page.wait_for_url("**/two-factor/verify/**")
    assert_accessible(page)
    device = TOTPDevice.objects.get()
    page.get_by_role("textbox", name="Code").fill(code_from(secret, device.drift, steps_ahead=1))
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/journal/")

    page.goto("/accounts/two-factor/disable/")
    assert_accessible(page)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Turn off two-step sign-in").click()
    assert "Two-step sign-in is off." in page.get_by_role("status").inner_text()
    assert not TOTPDevice.objects.exists()
