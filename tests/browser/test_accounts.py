import re
from urllib.parse import urlsplit

import pytest
from django.core import mail

from backpain.models import User
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def signup_link(message) -> str:
    return urlsplit(re.search(r"http://\S+/accounts/signup/confirm/\S+/", message.body)[0]).path


def test_sign_up_sign_in_settings_and_delete_account(page, assert_accessible):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Create account").click()
    assert_accessible(page)

    page.get_by_label("Email address").fill("dana@example.com")
    page.get_by_label("Display name").fill("Dana")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_role("heading", name="Check your email").is_visible()
    assert_accessible(page)
    page.goto(signup_link(mail.outbox[-1]))
    assert_accessible(page)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation").fill(PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/journal/")
    assert User.objects.filter(email="dana@example.com").exists()

    page.get_by_role("button", name="Sign out").click()
    assert page.get_by_role("status").inner_text() == "You are signed out."
    page.get_by_role("link", name="Sign in").click()
    assert_accessible(page)
    page.get_by_label("Email address").fill("DANA@example.com")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/journal/")

    page.get_by_role("link", name=re.compile(r"^Dana\W+account settings$")).click()
    assert_accessible(page)
    page.get_by_label("Time zone").select_option("America/Chicago")
    page.get_by_label("Units").select_option("lb")
    page.get_by_role("button", name="Save settings").click()
    assert page.get_by_role("status").inner_text() == "Your settings are saved."
    dana = User.objects.get(email="dana@example.com")
    assert (dana.time_zone, dana.units) == ("America/Chicago", "lb")

    page.get_by_role("link", name="Change your password").click()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Change your email address").click()
    page.get_by_label("New email address").fill("dana@new.example")
    page.get_by_label("Your password").fill("not-the-password")
    page.get_by_role("button", name="Send the confirmation link").click()
    assert page.get_by_text("That password is not correct.").is_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Cancel").click()

    page.get_by_role("link", name="Delete my account").click()
    assert_accessible(page)
    page.get_by_label("Your password").fill("not-the-password")
    page.get_by_role("button", name="Delete my account and all my data").click()
    assert page.get_by_text("That password is not correct. Nothing was deleted.").is_visible()
    assert_accessible(page)
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account and all my data").click()
    assert "have been deleted" in page.get_by_role("status").inner_text()
    assert not User.objects.filter(email="dana@example.com").exists()


def test_sign_up_errors_are_shown_and_accessible(page, assert_accessible):
    page.goto("/accounts/signup/")
    page.get_by_label("Email address").fill("erin@")
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_text("Enter a valid email address.").is_visible()
    assert_accessible(page)

    page.get_by_label("Email address").fill("erin@example.com")
    page.get_by_role("button", name="Continue").click()
    page.goto(signup_link(mail.outbox[-1]))
    page.get_by_label("Password:", exact=True).fill("short")
    page.get_by_label("Password confirmation").fill("short")
    page.get_by_role("button", name="Create account").click()
    assert page.get_by_text("This password is too short").is_visible()
    assert_accessible(page)
    assert not User.objects.filter(email="erin@example.com").exists()


def test_lockout_page_and_other_account_pages_are_accessible(page, assert_accessible):
    make_user(email="finn@example.com")
    for path in ["/about/", "/accounts/password/reset/", "/no-such-page/"]:
        page.goto(path)
        assert_accessible(page)

    page.goto("/accounts/password/reset/")
    page.get_by_label("Email").fill("finn@example.com")
    page.get_by_role("button", name="Send the reset link").click()
    page.wait_for_url("**/password/reset/sent/")
    assert_accessible(page)

    page.goto("/accounts/signin/")
    for _ in range(5):
        page.get_by_label("Email address").fill("finn@example.com")
        page.get_by_label("Password:", exact=True).fill("wrong-password")
        page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("heading", name="Too many sign-in attempts").is_visible()
    assert_accessible(page)


def test_mailed_link_pages_and_the_throttle_page_are_accessible(page, assert_accessible, settings):
    page.goto("/accounts/signup/confirm/not-a-real-token/")
    assert page.get_by_role("heading", name="This link no longer works").is_visible()
    assert_accessible(page)

    make_user(email="gail@example.com")
    page.goto("/accounts/signin/")
    page.get_by_label("Email address").fill("gail@example.com")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/journal/")
    page.goto("/accounts/email/")
    assert_accessible(page)
    page.get_by_label("New email address").fill("gail@new.example")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Send the confirmation link").click()
    assert "We sent a link to gail@new.example" in page.get_by_role("status").inner_text()
    link = re.search(r"http://\S+(/accounts/email/confirm/\S+/)", mail.outbox[-1].body)[1]
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Use this address").click()
    assert "Your email address is now gail@new.example" in page.get_by_role("status").inner_text()

    settings.THROTTLE_PER_ADDRESS = 0
    page.goto("/accounts/password/reset/")
    page.get_by_label("Email").fill("gail@new.example")
    page.get_by_role("button", name="Send the reset link").click()
    assert page.get_by_role("heading", name="Too many requests").is_visible()
    assert_accessible(page)
