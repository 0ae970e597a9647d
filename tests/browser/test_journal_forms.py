"""Journal forms a person in pain can use on a phone (issue 12, items 5 and 6): the 0-10 scale,
the body diagram, tag chips and workout rows, at 360 px with JavaScript on and off, by taps
counted and by keyboard alone."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from guidance.models import RoutineItem
from journal.models import Entry, Workout
from tests.browser.test_journal import sign_in
from tests.conftest import make_user
from tests.guidance.exercise_factories import make_exercise
from tests.journal.factories import make_entry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
BOTH = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def phone_page(request, javascript: bool, email: str):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    user = make_user(email=email)
    return page, user


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def focused(page) -> str:
    """What has the focus, as `tag type name value label`, for counting Tabs."""
    return page.evaluate(
        """() => { const el = document.activeElement;
            const label = el.labels && el.labels[0] ? el.labels[0].textContent.trim() : "";
            return [el.tagName, el.type || "", el.name || "", el.value || "", label,
                    el.textContent.trim()].join(" "); }"""
    )


def tab_until(page, pattern: str, limit: int = 80) -> int:
    """Press Tab until the focused element matches; returns how many presses it took."""
    for presses in range(1, limit + 1):
        page.keyboard.press("Tab")
        if re.search(pattern, focused(page)):
            return presses
    raise AssertionError(f"{pattern!r} never got the focus; last: {focused(page)}")


@BOTH
def test_a_pain_entry_in_two_taps_with_the_region_said_plainly(request, javascript):
    page, user = phone_page(request, javascript, f"taps-{javascript}@example.com")
    make_entry(user, timezone.localdate() - timedelta(days=1), 5, regions=["lower_back_left"])
    sign_in(page, user.email)

    # Nothing is chosen silently: the carried-over region is said in words, above the scale.
    note = page.locator("#quick-region-note")
    assert note.inner_text() == "Same place as last time: lower back, left. Change it here if not."
    assert note.is_visible()
    assert page.get_by_label("Where it hurts (optional)").input_value() == "lower_back_left"

    taps = 0
    page.locator(".quick-log label.pain-choice-6").click()
    taps += 1
    page.locator(".quick-log").get_by_role("button", name="Save pain").click()
    taps += 1
    page.get_by_text("Saved: pain 6 out of 10, lower back, left.").wait_for()
    assert taps <= 2
    newest = Entry.objects.with_tags().filter(user=user).order_by("-occurred_at").first()
    assert (newest.pain, newest.regions) == (6, ["lower_back_left"])
    assert fits_the_screen(page)


@BOTH
def test_the_scale_is_one_row_of_eleven_on_a_phone(request, javascript):
    page, user = phone_page(request, javascript, f"row-{javascript}@example.com")
    sign_in(page, user.email)
    for path in ("/journal/", "/journal/entries/new/", "/journal/workouts/new/"):
        page.goto(path)
        boxes = [
            label.bounding_box()
            for label in page.locator(".pain-scale").first.locator("label.pain-choice").all()
        ]
        assert len(boxes) == 11, path
        assert len({round(box["y"]) for box in boxes}) == 1, f"{path}: the scale wraps"
        assert min(box["width"] for box in boxes) >= 24, path
        assert min(box["height"] for box in boxes) >= 24, path
        assert fits_the_screen(page), path
        words = page.locator(".pain-scale").first.locator(".pain-anchors").inner_text()
        assert re.sub(r"\s+", " ", words) == "none mild moderate severe"


def test_quick_log_by_keyboard_alone_from_the_skip_link(page):
    page.set_viewport_size(PHONE)
    user = make_user(email="keys@example.com")
    sign_in(page, user.email)
    page.keyboard.press("Tab")
    assert "Skip to main content" in focused(page)
    page.keyboard.press("Enter")
    presses = tab_until(page, r"^INPUT radio pain ", limit=3)
    assert presses <= 3
    # A radio group: one Tab stop, arrow keys move along it.
    assert focused(page).startswith("INPUT radio pain 0 ")
    for _ in range(3):
        page.keyboard.press("ArrowRight")
    assert focused(page).startswith("INPUT radio pain 3 ")
    page.keyboard.press("Tab")
    assert focused(page).startswith("BUTTON submit") and focused(page).endswith("Save pain")
    page.keyboard.press("Enter")
    page.get_by_text("Saved: pain 3 out of 10.").wait_for()
    assert Entry.objects.get(user=user).pain == 3


def test_full_entry_by_keyboard_alone(page, assert_accessible):
    page.set_viewport_size(PHONE)
    user = make_user(email="keyentry@example.com")
    make_entry(user, timezone.localdate() - timedelta(days=2), 4, triggers=["sitting"])
    sign_in(page, user.email)
    page.goto("/journal/entries/new/")
    assert_accessible(page)
    tab_until(page, r"^INPUT radio pain 0 ")
    for _ in range(7):
        page.keyboard.press("ArrowRight")
    tab_until(page, r"^INPUT checkbox regions mid_back ")
    page.keyboard.press("Space")
    tab_until(page, r"^INPUT checkbox regions lower_back_left ")
    page.keyboard.press("Space")
    assert page.locator("[data-region-summary]").inner_text() == (
        "Ticked: Mid back; Lower back, left"
    )
    # The tag chip is a button: Enter adds the tag to its field.
    tab_until(page, r"^BUTTON button\s+sitting")
    page.keyboard.press("Enter")
    assert page.locator("#id_triggers").input_value() == "sitting"
    tab_until(page, r"^BUTTON submit.*Save entry$", limit=150)
    page.keyboard.press("Enter")
    page.wait_for_url("**/journal/")
    entry = Entry.objects.with_tags().filter(user=user).order_by("-occurred_at").first()
    assert entry.pain == 7
    assert sorted(entry.regions) == ["lower_back_left", "mid_back"]
    assert entry.triggers == ["sitting"]


@BOTH
def test_body_diagram_and_chips_by_tap(request, javascript, assert_accessible):
    page, user = phone_page(request, javascript, f"map-{javascript}@example.com")
    make_entry(user, timezone.localdate() - timedelta(days=2), 4, relievers=["walking"])
    sign_in(page, user.email)
    page.goto("/journal/entries/new/")
    assert fits_the_screen(page)
    # Every area of the diagram is a target of at least 24 x 24 px at 360 px.
    sizes = [box.bounding_box() for box in page.locator("label.region").all()]
    assert len(sizes) == 14
    assert min(min(size["width"], size["height"]) for size in sizes) >= 24
    page.locator(".entry-form label.pain-choice-2").click()
    page.locator("label.region-upper_back").click()
    page.locator("label.region-foot_right").click()
    page.locator("label.region-foot_right").click()  # a second tap unticks
    page.locator("label.region-below_knee_left").click()
    assert page.get_by_label("Upper back").is_checked()
    assert not page.get_by_label("Foot, right").is_checked()
    if javascript:
        assert page.locator("[data-region-summary]").inner_text() == (
            "Ticked: Upper back; Below the knee, left"
        )
        assert page.get_by_text("You have used: walking").is_hidden()
        page.get_by_role("button", name="walking").click()
        assert page.locator("#id_relievers").input_value() == "walking"
        assert page.get_by_role("button", name="walking").get_attribute("aria-pressed") == "true"
        assert_accessible(page)
    else:
        # Without JavaScript the chips would do nothing: the words are there to type instead.
        assert page.get_by_text("You have used: walking").is_visible()
        assert page.get_by_role("button", name="walking").count() == 0
        page.locator("#id_relievers").fill("walking")
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/journal/")
    entry = Entry.objects.with_tags().filter(user=user).order_by("-occurred_at").first()
    assert entry.pain == 2
    assert sorted(entry.regions) == ["below_knee_left", "upper_back"]
    assert entry.relievers == ["walking"]


@BOTH
def test_workout_rows_are_added_without_saving_and_start_from_my_routine(
    request, javascript, assert_accessible
):
    page, user = phone_page(request, javascript, f"rows-{javascript}@example.com")
    first = make_exercise(name="Bird dog hold")
    second = make_exercise(name="Glute bridge hold")
    RoutineItem.objects.create(user=user, exercise=second, position=0)
    RoutineItem.objects.create(user=user, exercise=first, position=1)
    sign_in(page, user.email)
    page.goto("/journal/workouts/new/")
    page.get_by_role("link", name="Start from My routine (2 exercises)").click()
    rows = page.locator("#exercise-rows > fieldset")
    assert rows.count() == 3
    assert page.locator("#id_ex-0-exercise").input_value() == str(second.pk)
    assert page.locator("#id_ex-1-exercise").input_value() == str(first.pk)

    page.locator(".pain-scale").nth(0).locator("label.pain-choice-3").click()
    page.locator(".pain-scale").nth(1).locator("label.pain-choice-5").click()
    page.locator("#id_ex-2-name").fill("Farmer's walk")
    page.evaluate("window.formMarker = 'still here'")
    page.get_by_role("button", name="Add an exercise row").click()
    rows.nth(3).wait_for()
    assert rows.count() == 4
    assert not Workout.objects.filter(user=user).exists()
    if javascript:
        assert page.evaluate("window.formMarker") == "still here"
        assert focused(page).startswith("SELECT select-one ex-3-exercise")
        assert_accessible(page)
    else:
        assert page.evaluate("window.formMarker") is None  # a real round trip, nothing saved
    # What was typed or tapped before the new row is all still there.
    assert page.locator("#id_ex-2-name").input_value() == "Farmer's walk"
    assert page.locator(".pain-scale").nth(1).get_by_label("5, moderate").is_checked()
    page.locator("#id_ex-3-name").fill("Side plank")
    assert rows.nth(3).locator("legend").inner_text() == "Exercise 4"
    assert fits_the_screen(page)
    page.get_by_role("button", name="Save workout").click()
    page.wait_for_url(re.compile(r"/journal/workouts/\d+/$"))
    workout = Workout.objects.get(user=user)
    assert (workout.pain_before, workout.pain_during, workout.pain_after) == (3, 5, None)
    names = [row.name for row in workout.exercises.all()]
    assert names == [second.name, first.name, "Farmer's walk", "Side plank"]


def test_workout_form_by_keyboard_alone(page):
    page.set_viewport_size(PHONE)
    user = make_user(email="keyworkout@example.com")
    sign_in(page, user.email)
    page.goto("/journal/workouts/new/")
    tab_until(page, r"^INPUT radio pain_before 0 ")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    tab_until(page, r"^INPUT text ex-0-name ")
    page.keyboard.type("Plank")
    tab_until(page, r"^BUTTON submit add_row")
    page.keyboard.press("Enter")
    page.locator("#id_ex-1-exercise").wait_for()
    assert focused(page).startswith("SELECT select-one ex-1-exercise")
    tab_until(page, r"^INPUT text ex-1-name ")
    page.keyboard.type("Side plank")
    tab_until(page, r"^BUTTON submit\s+.*Save workout$")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/journal/workouts/\d+/$"))
    workout = Workout.objects.get(user=user)
    assert workout.pain_before == 2
    assert [row.name for row in workout.exercises.all()] == ["Plank", "Side plank"]


def test_journal_forms_are_accessible_at_both_widths(page, assert_accessible):
    user = make_user(email="axeforms@example.com")
    entry = make_entry(
        user, timezone.localdate(), 5, regions=["neck"], triggers=["lifting"], qualities=["ache"]
    )
    sign_in(page, user.email)
    for path in ("/journal/", "/journal/entries/new/", f"/journal/entries/{entry.pk}/edit/"):
        page.goto(path)
        for width in (360, 1280):
            page.set_viewport_size({"width": width, "height": 800})
            assert fits_the_screen(page), f"{path} at {width}px"
        assert_accessible(page)
    # The workout form with an error, a pain chosen and an added row.
    page.goto("/journal/workouts/new/")
    page.locator(".pain-scale").first.locator("label.pain-choice-4").click()
    page.get_by_role("button", name="Add an exercise row").click()
    page.locator("#id_ex-1-sets").fill("3")
    page.get_by_role("button", name="Save workout").click()
    assert page.get_by_text("Pick an exercise from the library or type its name.").is_visible()
    assert_accessible(page)
