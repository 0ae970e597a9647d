"""The activity scale (PSFS) and the reminder pages in a real browser on a 360 px phone."""

import re
from datetime import timedelta

import pytest

from journal.models import PsfsRating, ReminderSettings
from tests.conftest import PASSWORD, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 800}


def sign_in(page, email: str) -> None:
    page.goto("/accounts/signin/?next=/journal/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/journal/")


def fits_the_phone(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], page.url


def rate(page, scores: dict[str, str]) -> None:
    page.goto("/journal/psfs/")
    page.get_by_role("link", name="Rate my activities now").click()
    page.wait_for_url("**/journal/psfs/rate/")
    for name, score in scores.items():
        page.get_by_label(name, exact=True).fill(score)
    page.get_by_role("button", name="Save my ratings").click()
    page.wait_for_url("**/journal/psfs/")


def test_naming_three_activities_rating_them_and_a_meaningful_change_on_a_phone(
    page, assert_accessible
):
    user = make_user(email="psfs@example.com", display_name="Pat")
    page.set_viewport_size(PHONE)
    sign_in(page, user.email)
    page.get_by_role("navigation", name="Journal").get_by_role("link", name="What I can do").click()
    page.wait_for_url("**/journal/psfs/")
    assert_accessible(page)

    for name in ("deadlift 60 kg", "sit through a film", "lift my child"):
        page.get_by_label("An activity your back makes hard").fill(name)
        page.get_by_role("button", name="Add activity").click()
        page.get_by_text(f"Added “{name}”.").wait_for()
    fits_the_phone(page)
    assert_accessible(page)

    page.get_by_role("link", name="Rate my activities now").click()
    page.wait_for_url("**/journal/psfs/rate/")
    # A mistake first: it is explained and nothing is saved.
    page.get_by_label("deadlift 60 kg", exact=True).fill("12")
    page.get_by_role("button", name="Save my ratings").click()
    assert page.get_by_text("Some scores need fixing; nothing was saved.").is_visible()
    assert not PsfsRating.objects.exists()
    fits_the_phone(page)
    assert_accessible(page)
    rate(page, {"deadlift 60 kg": "2", "sit through a film": "3", "lift my child": "4"})
    assert page.get_by_text("Saved: your average is 3.0 out of 10.").is_visible()

    # Two weeks later.
    first = PsfsRating.objects.get()
    first.rated_at -= timedelta(days=14)
    first.save()
    page.goto("/journal/")
    page.get_by_role("link", name="Rate them now").click()
    page.wait_for_url("**/journal/psfs/rate/")
    rate(page, {"deadlift 60 kg": "5", "sit through a film": "5", "lift my child": "6"})

    change = page.locator(".psfs-change")
    assert re.search(r"\+2\.3 points, a meaningful improvement", change.inner_text())
    assert page.get_by_text("Stratford et al., Physiotherapy Canada 1995").first.is_visible()
    assert page.get_by_text(re.compile("Maughan & Lewis, Manual Therapy 2010")).is_visible()
    fits_the_phone(page)
    assert_accessible(page)

    page.goto("/journal/trends/")
    section = page.locator("#psfs")
    assert "a meaningful improvement" in section.inner_text()
    assert "Average 5.3 out of 10" in section.inner_text()
    fits_the_phone(page)
    assert_accessible(page)

    page.goto("/journal/summary/")
    summary = page.locator("section", has=page.get_by_role("heading", name=re.compile("^Patient")))
    assert "deadlift 60 kg: 2 → 5" in summary.inner_text()
    assert "a meaningful improvement" in summary.inner_text()
    fits_the_phone(page)
    assert_accessible(page)


def test_reminder_settings_and_calendar_feed_work_without_javascript(
    page_without_js, page, assert_accessible
):
    user = make_user(email="remind@example.com")
    nojs = page_without_js
    nojs.set_viewport_size(PHONE)
    sign_in(nojs, user.email)
    nojs.goto("/accounts/settings/")
    nojs.get_by_role("link", name="Reminders and calendar").click()
    nojs.wait_for_url("**/journal/reminders/")
    nojs.get_by_label("Monday", exact=True).check()
    nojs.get_by_label("Thursday", exact=True).check()
    nojs.get_by_label("Session time").fill("07:30")
    nojs.get_by_label("On my session days").check()
    nojs.get_by_role("button", name="Save my choices").click()
    nojs.get_by_text("Your reminder choices are saved.").wait_for()
    current = ReminderSettings.objects.get(user=user)
    assert current.session_days == [0, 3] and current.email_sessions
    nojs.get_by_role("button", name="Turn on my calendar feed").click()
    address = nojs.get_by_label(re.compile("^Calendar address")).input_value()
    assert re.fullmatch(r"http://[^/]+/journal/calendar/[\w-]{43}\.ics", address)
    fits_the_phone(nojs)

    # The same pages in a browser with JavaScript, for axe-core, at both widths.
    sign_in(page, user.email)
    page.goto("/journal/reminders/")
    assert_accessible(page)
    page.get_by_role("button", name="Make a new address").click()
    page.get_by_label(re.compile("^Calendar address")).wait_for()
    assert_accessible(page)
    page.get_by_label("Session time", exact=True).fill("")
    page.get_by_label("Next-morning check time", exact=True).fill("")
    page.get_by_role("button", name="Save my choices").click()
    page.get_by_text("Some choices need fixing; nothing was saved.").wait_for()
    assert_accessible(page)
    assert page.request.get(address).status == 404  # the old address, after the reset
    page.goto("/journal/reminders/unsubscribe/" + _token(user) + "/")
    assert_accessible(page)
    page.get_by_role("button", name="Stop all reminder emails").click()
    page.get_by_text("You will get no more reminder emails.").wait_for()
    assert_accessible(page)
    assert not ReminderSettings.objects.get(user=user).any_email


def _token(user) -> str:
    from journal.reminder_mail import unsubscribe_token

    return unsubscribe_token(user)


def test_the_clinician_summary_with_the_scale_still_prints_on_one_page(page):
    from django.utils import timezone

    from journal.models import PsfsActivity, PsfsScore
    from tests.journal.history import build_history

    user = make_user(email="print-psfs@example.com")
    build_history(user, days=90, end=timezone.localdate())
    activities = [
        PsfsActivity.objects.create(user=user, name=name)
        for name in ("deadlift 60 kg", "sit through a film", "lift my child", "garden", "run 5 km")
    ]
    for n in range(6):
        rating = PsfsRating.objects.create(
            user=user, rated_at=timezone.now() - timedelta(days=14 * (5 - n))
        )
        PsfsScore.objects.bulk_create(
            PsfsScore(rating=rating, activity=a, score=min(10, 2 + n)) for a in activities
        )
    sign_in(page, user.email)
    page.goto("/journal/summary/")
    assert "a meaningful improvement" in page.locator(".psfs-change").inner_text()
    assert "garden: 2 → 7" in page.locator(".psfs-summary").inner_text()
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1
