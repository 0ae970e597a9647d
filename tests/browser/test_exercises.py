"""The exercise library in a real browser: htmx filtering and Back, one-click "My routine",
and axe-core on every page at 360 and 1280 px (the timer: test_exercise_timer.py)."""

import re

import pytest
from django.apps import apps
from django.db.migrations import RunPython
from django.db.migrations.loader import MigrationLoader
from playwright.sync_api import expect

from guidance.models import Exercise, RoutineItem
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db(transaction=True)


def guidance_data_migrations():
    """Every data migration of the guidance app, in order (content, then later edits)."""
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(key for key in loader.disk_migrations if key[0] == "guidance"):
        for operation in loader.disk_migrations[key].operations:
            if isinstance(operation, RunPython):
                yield operation.code


@pytest.fixture
def library(transactional_db):
    """Transactional tests flush the migrations' rows: load the same content again."""
    for load in guidance_data_migrations():
        load(apps, None)
    return Exercise.objects.count()


def sign_in(page, user, next_url: str) -> None:
    page.goto(f"/accounts/signin/?next={next_url}")
    page.get_by_label("Email address").fill(user.email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**{next_url}")


def labelled(action: str, name: str) -> re.Pattern:
    """Button names end in visually hidden text, which Chromium joins with extra spaces."""
    return re.compile(rf"^{re.escape(action)}\W+{re.escape(name)}$")


def mark_page(page) -> None:
    """A flag that survives htmx swaps but not a full page load."""
    page.evaluate("window.__noReload = true")


def not_reloaded(page) -> bool:
    return page.evaluate("window.__noReload === true")


def result_heading(page):
    return page.locator("#results-heading")


def test_filtering_swaps_the_results_pushes_the_url_and_back_restores_it(page, library):
    page.goto("/exercises/")
    expect(result_heading(page)).to_have_text(f"All {library} exercises (page 1 of 2)")
    mark_page(page)

    page.get_by_label("Category").select_option("hinge")
    expect(page).to_have_url(re.compile(r"/exercises/\?category=hinge$"))
    hinge_count = Exercise.objects.filter(category="hinge").count()
    expect(result_heading(page)).to_have_text(f"{hinge_count} matching exercises")
    expect(page.locator("#results-status")).to_have_text(f"{hinge_count} matching exercises.")

    page.get_by_label("Search by symptom or name").fill("dowel")
    expect(page).to_have_url(re.compile(r"category=hinge.*q=dowel|q=dowel.*category=hinge"))
    expect(page.locator(".exercise-card h3")).to_have_text(  # "start here": gentlest first
        [
            "Dowel hip hinge (three points of contact)",
            "Banded lat drill",
            "Romanian deadlift pattern",
        ]
    )
    assert not_reloaded(page), "the filters reloaded the whole page"

    page.go_back()
    expect(page).to_have_url(re.compile(r"category=hinge"))
    expect(page).not_to_have_url(re.compile(r"q=dowel"))
    expect(result_heading(page)).to_have_text(f"{hinge_count} matching exercises")
    expect(page.get_by_label("Search by symptom or name")).to_have_value("")
    expect(page.get_by_label("Category")).to_have_value("hinge")

    page.go_back()
    expect(page).to_have_url(re.compile(r"/exercises/$"))
    expect(result_heading(page)).to_have_text(f"All {library} exercises (page 1 of 2)")
    expect(page.get_by_label("Category")).to_have_value("")

    page.go_forward()
    expect(page).to_have_url(re.compile(r"category=hinge"))
    expect(result_heading(page)).to_have_text(f"{hinge_count} matching exercises")


def test_filters_work_the_same_without_javascript(page_without_js, library):
    page = page_without_js
    page.goto("/exercises/")
    page.get_by_text("Filters and sort").click()  # folded until a filter is in use
    page.get_by_label("Category").select_option("hinge")
    page.get_by_label("Suitable during a flare-up").check()
    page.get_by_role("button", name="Show exercises").click()
    expect(page).to_have_url(re.compile(r"category=hinge"))
    expect(result_heading(page)).to_have_text("0 matching exercises")
    page.get_by_label("Suitable during a flare-up").uncheck()
    page.get_by_label("Stage on the path").select_option("2")
    page.get_by_role("button", name="Show exercises").click()
    expected = Exercise.objects.filter(category="hinge", stage=2).count()
    expect(result_heading(page)).to_have_text(f"{expected} matching exercises")


def test_bad_filter_values_show_a_message_in_the_page(page, library, assert_accessible):
    page.goto("/exercises/?category=yoga&q=" + "x" * 150)
    expect(page.get_by_role("alert")).to_contain_text("Category is not one of the options")
    expect(page.get_by_role("alert")).to_contain_text("Search for at most 100 characters")
    assert_accessible(page)


IMAGES_LOADED = """() => [...document.querySelectorAll('.exercise-card img')].filter(
    (img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.src)"""


@pytest.mark.parametrize("width", [360, 1280])
def test_every_card_illustration_renders_once_scrolled_into_view(page, library, width):
    """Cards below the fold load lazily: scroll past each one, then every image has drawn."""
    page.set_viewport_size({"width": width, "height": 800})
    for url in ("/exercises/", "/exercises/?page=2"):
        page.goto(url)
        cards = page.locator(".exercise-card img")
        assert cards.count() > 4
        for index in range(cards.count()):
            cards.nth(index).scroll_into_view_if_needed()
        page.wait_for_function(f"({IMAGES_LOADED})().length === 0")
        assert page.evaluate(IMAGES_LOADED) == []


def test_add_to_my_routine_with_one_click_then_arrange_it_without_page_loads(
    page, library, assert_accessible
):
    alice = make_user(email="alice@example.com")
    sign_in(page, alice, "/exercises/bird-dog/")
    mark_page(page)

    page.get_by_role("button", name="Add to My routine").click()
    remove = page.get_by_role("button", name="Remove from My routine")
    expect(remove).to_be_focused()
    expect(page.locator("#routine-announcer")).to_have_text("Bird-dog is in My routine.")
    assert not_reloaded(page)
    assert [i.exercise.slug for i in RoutineItem.objects.for_user(alice)] == ["bird-dog"]
    assert_accessible(page)

    page.goto("/exercises/curl-up/")
    page.get_by_role("button", name="Add to My routine").click()
    expect(page.get_by_role("button", name="Remove from My routine")).to_be_visible()

    page.goto("/exercises/routine/")
    mark_page(page)
    expect(page.locator(".routine-item h3")).to_have_text(["Bird-dog", "McGill curl-up"])
    page.get_by_role("button", name=labelled("Move down", "Bird-dog")).click()
    expect(page.locator(".routine-item h3")).to_have_text(["McGill curl-up", "Bird-dog"])
    expect(page.locator("#routine-status")).to_have_text("Bird-dog moved down, to number 2.")

    page.get_by_label("My dosage notes for Bird-dog").fill("2 sets of 8, mornings")
    page.get_by_role("button", name=labelled("Save notes for", "Bird-dog")).click()
    expect(page.locator("#routine-status")).to_have_text("Notes for Bird-dog saved.")
    expect(page.get_by_label("My dosage notes for Bird-dog")).to_have_value("2 sets of 8, mornings")
    assert not_reloaded(page)
    assert RoutineItem.objects.get(user=alice, exercise__slug="bird-dog").notes == (
        "2 sets of 8, mornings"
    )
    expect(page.get_by_role("button", name="Print my routine")).to_be_visible()
    assert_accessible(page)

    page.emulate_media(media="print")
    expect(page.get_by_role("button", name=labelled("Move up", "Bird-dog"))).to_be_hidden()
    expect(page.get_by_text("My notes: 2 sets of 8, mornings")).to_be_visible()


def test_add_to_my_routine_from_the_filtered_list_with_one_click(page, library, assert_accessible):
    dana = make_user(email="dana@example.com")
    sign_in(page, dana, "/exercises/?category=core")
    mark_page(page)
    page.get_by_role("button", name=labelled("Add to My routine", "Bird-dog")).click()
    card = page.locator("#card-routine-bird-dog")
    expect(card.get_by_role("link", name="My routine")).to_be_focused()
    expect(page.locator("#results-status")).to_have_text("Bird-dog is in My routine.")
    assert not_reloaded(page)
    assert [i.exercise.slug for i in RoutineItem.objects.for_user(dana)] == ["bird-dog"]
    assert_accessible(page)


def test_add_to_my_routine_from_the_list_without_javascript(page_without_js, library):
    page = page_without_js
    erin = make_user(email="erin@example.com")
    sign_in(page, erin, "/exercises/?category=core")
    page.get_by_role("button", name=labelled("Add to My routine", "Bird-dog")).click()
    expect(page).to_have_url(re.compile(r"/exercises/\?category=core$"))
    expect(page.locator("#card-routine-bird-dog")).to_contain_text("In My routine")


def test_my_routine_works_without_javascript(page_without_js, library):
    page = page_without_js
    bob = make_user(email="bob@example.com")
    sign_in(page, bob, "/exercises/glute-bridge/")
    page.get_by_role("button", name="Add to My routine").click()
    expect(page.get_by_role("status").first).to_have_text("Glute bridge is in My routine.")
    page.goto("/exercises/routine/")
    page.get_by_role("button", name=labelled("Remove", "Glute bridge")).click()
    expect(page.get_by_text("Your routine is empty")).to_be_visible()


@pytest.mark.parametrize(
    "url",
    [
        "/exercises/",
        "/exercises/?category=core&flare=on",
        "/exercises/barbell-deadlift/",
        "/exercises/kettlebell-deadlift/",
        "/exercises/dowel-hip-hinge/",
        "/exercises/lying-hamstring-stretch/",
        "/exercises/quadruped-hip-capsule-stretch/",
        "/exercises/knee-rolls/",
        "/exercises/path/",
        "/exercises/why-lifting-hurts/",
    ],
)
def test_library_pages_are_accessible_at_both_widths(page, library, assert_accessible, url):
    page.goto(url)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert_accessible(page)


def test_the_empty_routine_and_a_filtered_list_after_an_htmx_swap_are_accessible(
    page, library, assert_accessible
):
    carol = make_user(email="carol@example.com")
    sign_in(page, carol, "/exercises/routine/")
    assert_accessible(page)
    page.goto("/exercises/")
    page.get_by_label("Equipment").select_option("none")
    expect(page).to_have_url(re.compile(r"equipment=none"))
    expect(result_heading(page)).to_contain_text("matching")
    assert_accessible(page)


def test_the_next_page_link_swaps_the_results_and_moves_focus_to_them(page, library):
    page.goto("/exercises/")
    mark_page(page)
    page.get_by_role("link", name="Next page").click()
    expect(page).to_have_url(re.compile(r"page=2"))
    expect(result_heading(page)).to_have_text(f"All {library} exercises (page 2 of 2)")
    expect(page.locator("#results")).to_be_focused()
    assert not_reloaded(page)
    page.go_back()
    expect(result_heading(page)).to_have_text(f"All {library} exercises (page 1 of 2)")


PHONE = {"width": 360, "height": 640}  # a small phone


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_an_exercise_caution_says_call_999_for_cauda_equina_signs(
    request, library, javascript
):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    page.goto("/exercises/knee-rolls/")
    caution = page.locator(".cautions li").first
    expect(caution).to_contain_text("Call 999 (112 in the EU, 911 in the US) or go to A&E now")
    expect(caution).to_contain_text("genitals, bottom or inner thighs")
    expect(caution.get_by_role("link", name="999", exact=True)).to_have_attribute("href", "tel:999")
    expect(caution.get_by_role("link", name="112", exact=True)).to_have_attribute("href", "tel:112")
    expect(
        page.locator(".cautions").get_by_role("link", name=re.compile("checklist"))
    ).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_on_a_phone_a_loaded_exercise_opens_with_the_999_screen_in_the_first_screen(
    request, library, javascript
):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    page.goto("/exercises/kettlebell-deadlift/")
    screen = page.locator(".before-you-start")
    call = screen.get_by_role("link", name="999", exact=True)
    expect(call).to_have_attribute("href", "tel:999")
    box = call.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the 999 link is below the first screen"
    expect(screen.get_by_role("link", name="Go through the red-flag checklist")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


@pytest.mark.parametrize(
    "url", ["/exercises/", "/exercises/path/", "/exercises/why-lifting-hurts/"]
)
def test_on_a_phone_the_library_pages_give_999_for_cauda_equina_signs_in_the_first_screen(
    page, library, url
):
    page.set_viewport_size(PHONE)
    page.goto(url)
    advice = page.locator(".emergency-line").first
    expect(advice).to_contain_text("Emergency advice: Call 999 or go to A&E now")
    call = advice.get_by_role("link", name="999", exact=True)
    expect(call).to_have_attribute("href", "tel:999")
    box = call.bounding_box()
    assert box["y"] + box["height"] <= PHONE["height"], "the 999 link is below the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
