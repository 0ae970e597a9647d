"""The library's first impression on a 360 px phone (issue 12, item 3), with JavaScript on and
off: the first exercise in the first screen, "sciatica" finds exercises, the path's starter sets,
nothing wider than the screen, and axe-core clean at 360 and 1280 px."""

import re

import pytest
from django.template.loader import render_to_string
from playwright.sync_api import expect

from guidance.models import Exercise
from tests.browser.test_exercises import library  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
BOTH = pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])


def phone_page(request, javascript: bool):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    return page


def in_first_screen(locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


def assert_fits_the_screen(page) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= page.viewport_size["width"], f"{page.url} is {width} px wide"


@BOTH
def test_on_a_phone_the_first_exercise_and_the_999_advice_are_in_the_first_screen(
    request, library, javascript  # noqa: F811
):
    page = phone_page(request, javascript)
    page.goto("/exercises/")
    first = page.locator(".exercise-card").first
    expect(first.locator("h3")).to_have_text("Short, frequent walks")  # start here, not A to Z
    assert in_first_screen(first.locator("h3 a")), "the first exercise is below the first screen"
    assert in_first_screen(page.locator(".emergency-line").get_by_role("link", name="999"))
    # The filters are folded, the search box is not.
    expect(page.get_by_label("Category")).to_be_hidden()
    expect(page.get_by_label("Search by symptom or name")).to_be_visible()
    # The picture is as wide as the card, no longer a 96 px thumbnail.
    assert first.locator("img").bounding_box()["width"] >= 280
    assert_fits_the_screen(page)


@BOTH
def test_on_a_phone_searching_sciatica_finds_exercises(request, library, javascript):  # noqa: F811
    page = phone_page(request, javascript)
    page.goto("/exercises/")
    page.get_by_label("Search by symptom or name").fill("sciatica")
    if not javascript:
        page.get_by_role("button", name="Search", exact=True).click()
    expected = Exercise.objects.filter(keywords__icontains="sciatica").count()
    assert expected >= 5
    expect(page.locator("#results-heading")).to_have_text(f"{expected} matching exercises")
    expect(page).to_have_url(re.compile(r"q=sciatica"))
    names = page.locator(".exercise-card h3").all_inner_texts()
    assert "Short, frequent walks" in names
    assert "Lying hamstring stretch with a towel" not in names
    assert in_first_screen(page.locator(".exercise-card h3 a").first)
    assert_fits_the_screen(page)


@BOTH
def test_on_a_phone_the_filters_open_when_one_is_in_use(request, library, javascript):  # noqa: F811
    page = phone_page(request, javascript)
    page.goto("/exercises/?category=core")
    expect(page.get_by_label("Category")).to_be_visible()
    expect(page.get_by_label("Category")).to_have_value("core")
    expect(page.locator("summary")).to_contain_text("(1 in use)")
    assert_fits_the_screen(page)


def test_on_a_phone_the_folded_filters_open_and_work_by_keyboard(page, library):  # noqa: F811
    page.set_viewport_size(PHONE)
    page.goto("/exercises/")
    page.locator("summary").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_label("Sort by")).to_be_visible()
    page.get_by_label("Sort by").select_option("name")
    expect(page.locator(".exercise-card h3").first).to_have_text("Banded lat drill")
    expect(page).to_have_url(re.compile(r"sort=name"))


def test_on_a_wide_screen_the_filters_start_open(page, library):  # noqa: F811
    page.goto("/exercises/")
    expect(page.get_by_label("Category")).to_be_visible()


@BOTH
def test_on_a_phone_the_path_shows_a_starter_set_for_each_stage(request, library, javascript):  # noqa: F811
    page = phone_page(request, javascript)
    page.goto("/exercises/path/")
    for stage in (1, 2, 3):
        expected = list(
            Exercise.objects.filter(stage=stage, starter_rank__isnull=False)
            .order_by("starter_rank")
            .values_list("name", flat=True)
        )
        starters = page.locator(f"#stage-{stage} .starter-set a")
        expect(starters).to_have_text(expected)
        expect(page.locator(f"#stage-{stage}-starters")).to_have_text(
            f"Start with these {len(expected)}"
        )
    # The whole stage is one tap away, folded below the starters.
    stage_one = page.locator("#stage-1 .path-all")
    expect(stage_one.locator("summary")).to_have_text("All 33 exercises in stage 1")
    expect(stage_one.get_by_role("link", name="Dead bug")).to_be_hidden()
    stage_one.locator("summary").click()
    expect(stage_one.get_by_role("link", name="Dead bug")).to_be_visible()
    assert_fits_the_screen(page)


@pytest.mark.parametrize(
    "url",
    [
        "/exercises/",
        "/exercises/?q=sciatica",
        "/exercises/?category=core&sort=name",
        "/exercises/?q=zzzz-nothing",
        "/exercises/path/",
    ],
)
def test_the_library_pages_are_accessible_and_fit_at_both_widths(
    page,
    library,  # noqa: F811
    assert_accessible,
    url,
):
    page.goto(url)
    for width in (360, 1280):
        page.set_viewport_size({"width": width, "height": 800})
        assert_fits_the_screen(page)
    assert_accessible(page)


def test_the_open_path_lists_are_accessible(page, library, assert_accessible):  # noqa: F811
    page.goto("/exercises/path/")
    for summary in page.locator(".path-all summary").all():
        summary.click()
    assert_accessible(page)


def test_the_start_and_end_figures_sit_side_by_side_on_a_phone_and_are_accessible(
    page,
    library,  # noqa: F811
    assert_accessible,
):
    """The include is wired into the detail page by its owner; here it is shown in the
    library page's main area, as the detail page will show it."""
    exercise = Exercise.objects.get(slug="bird-dog")
    figure = render_to_string("guidance/_exercise_positions.html", {"exercise": exercise})
    page.set_viewport_size(PHONE)
    page.goto("/exercises/")
    insert = "(html) => document.querySelector('h1').insertAdjacentHTML('afterend', html)"
    page.evaluate(insert, figure)
    start = page.get_by_role("img", name=re.compile(r"^Start position: on your hands and knees"))
    end = page.get_by_role("img", name=re.compile(r"^End position: one arm and the opposite leg"))
    expect(start).to_be_visible()
    expect(end).to_be_visible()
    page.wait_for_function(
        "[...document.querySelectorAll('.exercise-positions img')].every("
        "(img) => img.complete && img.naturalWidth > 0)"
    )
    start_box, end_box = start.bounding_box(), end.bounding_box()
    assert start_box["y"] == end_box["y"] and start_box["x"] < end_box["x"]  # side by side
    assert start_box["width"] >= 150  # each as large as a half screen allows
    assert_fits_the_screen(page)
    assert_accessible(page)
