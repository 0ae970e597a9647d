"""The session timer on an exercise page, in a real browser on a phone: Start in the first
screen, two taps from the library, a whole dose of sets, holds and rests run on its own and
announced, pause, resume, skip and cues, the dose in words without JavaScript, and axe-core."""

import re

import pytest
from django.apps import apps
from playwright.sync_api import expect

from guidance.models import Exercise
from tests.browser.test_exercises import guidance_data_migrations

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
# The test hook: one timer second lasts this many real seconds.
FAST = 0.02

# Collects every text the status region receives, so that a test can check the whole sequence
# of announcements without racing the clock.
RECORD_ANNOUNCEMENTS = """() => {
    window.__announced = [];
    const status = document.querySelector("[data-timer-status]");
    new MutationObserver(() => {
        if (status.textContent) window.__announced.push(status.textContent);
    }).observe(status, {childList: true, characterData: true, subtree: true});
}"""

# Records the cues: vibrations asked for, and beeps started through Web Audio.
RECORD_CUES = """
    window.__vibrations = [];
    navigator.vibrate = (pattern) => { window.__vibrations.push(pattern); return true; };
    window.__beeps = 0;
    const createOscillator = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function () {
        window.__beeps += 1;
        return createOscillator.call(this);
    };
"""


@pytest.fixture
def library(transactional_db):
    for load in guidance_data_migrations():
        load(apps, None)


def on_a_phone(page, url: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(url)


def run_fast(page) -> None:
    page.locator("[data-timer]").evaluate(f"box => box.dataset.secondsScale = '{FAST}'")


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("slug", ["glute-bridge", "bird-dog", "dead-bug", "prone-lying"])
def test_on_a_phone_start_is_in_the_first_screen(page, library, slug):
    on_a_phone(page, f"/exercises/{slug}/")
    start = page.get_by_role("button", name="Start", exact=True)
    expect(start).to_be_visible()
    box = start.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], f"Start is at {box['y']} px"
    assert box["height"] >= 24 and box["width"] >= 24
    assert fits_the_screen(page)


def test_from_a_library_card_the_timer_runs_in_two_taps(page, library):
    timed = set(Exercise.objects.filter(hold_seconds__isnull=False).values_list("slug", flat=True))
    on_a_phone(page, "/exercises/")
    hrefs = page.locator(".exercise-card a").evaluate_all(
        "links => links.map(link => link.getAttribute('href'))"
    )
    href = next(href for href in hrefs if href.strip("/").split("/")[-1] in timed)
    taps = 0

    def tap(locator):
        nonlocal taps
        locator.click()
        taps += 1

    tap(page.locator(f'.exercise-card a[href="{href}"]').first)
    page.wait_for_url(f"**{href}")
    start = page.get_by_role("button", name="Start", exact=True)
    assert start.bounding_box()["y"] + start.bounding_box()["height"] <= PHONE["height"]
    tap(start)
    expect(page.locator("[data-timer-phase]")).to_have_text("Hold")
    expect(page.locator("[data-timer-status]")).to_have_text(
        re.compile(r"hold for \d+ seconds?\.$")
    )
    expect(page.get_by_role("button", name="Pause")).to_be_visible()
    assert taps == 2


def test_a_link_to_the_session_lands_with_start_focused(page, library):
    on_a_phone(page, "/exercises/glute-bridge/#session")
    start = page.get_by_role("button", name="Start", exact=True)
    expect(start).to_be_focused()
    expect(start).to_be_in_viewport()
    page.keyboard.press("Enter")
    expect(page.locator("[data-timer-status]")).to_have_text(
        "Repetition 1 of 10: hold for 5 seconds."
    )


def test_a_two_by_two_hold_session_runs_on_its_own_and_is_announced(page, library):
    Exercise.objects.filter(slug="bird-dog").update(hold_seconds=2, reps=2, sets=2)
    on_a_phone(page, "/exercises/bird-dog/")
    status = page.locator("[data-timer-status]")
    expect(status).to_have_attribute("role", "status")
    expect(status).to_have_attribute("aria-live", "polite")
    run_fast(page)
    page.evaluate(RECORD_ANNOUNCEMENTS)

    for _ in range(40):  # reach Start with the Tab key alone
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-timer-start')"):
            break
    else:
        pytest.fail("Start could not be reached with Tab")
    page.keyboard.press("Enter")

    expect(status).to_have_text("All done: 2 sets of 2. Well done.")
    assert page.evaluate("window.__announced") == [
        "Set 1 of 2, repetition 1 of 2: hold for 2 seconds.",
        "Relax for 5 seconds.",
        "Set 1 of 2, repetition 2 of 2: hold for 2 seconds.",
        "Set 1 done. Rest for 60 seconds.",
        "Set 2 of 2, repetition 1 of 2: hold for 2 seconds.",
        "Relax for 5 seconds.",
        "Set 2 of 2, repetition 2 of 2: hold for 2 seconds.",
        "All done: 2 sets of 2. Well done.",
    ]
    expect(page.locator("[data-timer-phase]")).to_have_text("Done")
    start = page.locator("[data-timer-start]")
    expect(start).to_have_text("Start again")
    expect(start).to_be_focused()
    expect(page.get_by_role("button", name="Skip")).to_be_disabled()


def test_pause_resume_skip_and_reset_work_from_the_keyboard(page, library):
    on_a_phone(page, "/exercises/bird-dog/")  # 10 holds of 5 seconds, 2 sets
    status = page.locator("[data-timer-status]")
    count = page.locator("[data-timer-count]")
    skip = page.get_by_role("button", name="Skip")
    expect(skip).to_be_disabled()  # nothing to skip before the start

    page.get_by_role("button", name="Start", exact=True).focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Set 1 of 2, repetition 1 of 10: hold for 5 seconds.")
    page.keyboard.press("Enter")  # the same button now pauses
    expect(status).to_have_text(re.compile(r"^Paused, [1-5] seconds? left\.$"))
    expect(page.locator("[data-timer-start]")).to_have_text("Resume")
    paused_at = count.text_content()
    page.wait_for_timeout(1500)
    assert count.text_content() == paused_at, "the clock moved while paused"

    page.keyboard.press("Enter")
    expect(status).to_have_text("Going again.")
    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Relax for 5 seconds.")
    page.keyboard.press("Space")
    expect(status).to_have_text("Set 1 of 2, repetition 2 of 10: hold for 5 seconds.")
    expect(page.locator("[data-timer-progress]")).to_have_text("Set 1 of 2 · Repetition 2 of 10")

    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Reset")).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text("Timer reset.")
    expect(page.locator("[data-timer-phase]")).to_have_text("Ready")
    expect(count).to_have_text("5 s")
    expect(skip).to_be_disabled()


def test_repetitions_without_a_hold_go_at_your_own_pace_set_by_set(page, library):
    on_a_phone(page, "/exercises/dead-bug/")  # 6 repetitions, 2 sets, no hold
    run_fast(page)
    status = page.locator("[data-timer-status]")
    set_done = page.get_by_role("button", name="Set done")
    page.get_by_role("button", name="Start", exact=True).focus()
    page.keyboard.press("Enter")
    expect(status).to_have_text(
        "Set 1 of 2. Do 6 repetitions at your own pace, then press Set done."
    )
    page.keyboard.press("Tab")
    expect(set_done).to_be_focused()
    page.keyboard.press("Enter")
    # The rest runs out on its own and the next set waits for the person again.
    expect(status).to_have_text(
        "Set 2 of 2. Do 6 repetitions at your own pace, then press Set done."
    )
    expect(set_done).to_be_focused()
    page.keyboard.press("Enter")
    expect(status).to_have_text("All done: 2 sets of 6. Well done.")
    # Skip is disabled at the end: keyboard focus goes back to Start, not to the page's top.
    start_again = page.get_by_role("button", name="Start again")
    expect(start_again).to_be_focused()


def test_each_change_beeps_and_vibrates_unless_turned_off(page, library):
    page.add_init_script(RECORD_CUES)
    Exercise.objects.filter(slug="glute-bridge").update(reps=2)
    on_a_phone(page, "/exercises/glute-bridge/")  # now 2 holds of 5 seconds, 1 set
    run_fast(page)
    page.get_by_role("button", name="Start", exact=True).click()
    expect(page.locator("[data-timer-status]")).to_have_text("All done: 2 repetitions. Well done.")
    # hold, relax, hold, then the end
    assert page.evaluate("window.__vibrations") == [300, 120, 300, [200, 100, 200]]
    assert page.evaluate("window.__beeps") == 1 + 1 + 1 + 3

    page.get_by_label("Beep and vibrate at each change").uncheck()
    page.get_by_role("button", name="Start again").click()
    expect(page.locator("[data-timer-status]")).to_have_text("All done: 2 repetitions. Well done.")
    assert len(page.evaluate("window.__vibrations")) == 4
    assert page.evaluate("window.__beeps") == 6


@pytest.mark.parametrize("slug", ["bird-dog", "walking-programme"])
def test_without_javascript_the_dose_is_plain_and_no_control_is_dead(
    page_without_js, library, slug
):
    page = page_without_js
    on_a_phone(page, f"/exercises/{slug}/")
    exercise = Exercise.objects.get(slug=slug)
    expect(page.locator(".dosage-line")).to_have_text(f"Dosage: {exercise.dosage_summary}.")
    expect(page.locator(".dosage-line")).to_be_in_viewport()
    for name in ["Start", "Skip", "Reset", "Pause"]:
        expect(page.get_by_role("button", name=name)).to_have_count(0)
    expect(page.get_by_label("Beep and vibrate at each change")).to_be_hidden()
    if exercise.hold_seconds:
        expect(page.get_by_text("Count each hold slowly")).to_be_visible()
        expect(page.get_by_text("Rest for 60 seconds between sets.")).to_be_visible()
    assert fits_the_screen(page)


@pytest.mark.parametrize("slug", ["bird-dog", "dead-bug", "walking-programme"])
def test_the_exercise_page_is_accessible_idle_and_running(page, library, assert_accessible, slug):
    page.goto(f"/exercises/{slug}/")
    assert_accessible(page)
    start = page.get_by_role("button", name="Start", exact=True)
    if start.count():
        start.click()
        expect(page.get_by_role("button", name="Pause")).to_be_visible()
        assert_accessible(page)
