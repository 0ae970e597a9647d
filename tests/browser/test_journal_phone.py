"""The journal on a 360 px phone (issue 12, items 1, 2, 7 and 8): one progress verdict on every
page, trends and triggers that fit the screen, quiet row menus, and the small fixes, with
JavaScript on and off; axe-core at 360 and 1280 px on every page changed."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from guidance.checklist_questions import LEVEL_INFO
from guidance.models import CheckResult
from journal.models import Entry
from tests.browser.test_checklist import answer, submit
from tests.browser.test_journal import open_menu, rows, sign_in
from tests.conftest import make_user
from tests.guidance.checklist_answers import all_no
from tests.journal.factories import make_entry, make_workout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def chart_label_sizes(page) -> list[float]:
    """Every chart label's size on screen in px: its font size in SVG units times the scale."""
    return page.evaluate(
        """() => [...document.querySelectorAll("svg.chart-svg, svg.calendar-svg")].flatMap(svg => {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            return [...svg.querySelectorAll("text")].map(
                t => parseFloat(getComputedStyle(t).fontSize) * scale);
        })"""
    )


def improving_history(user) -> None:
    """7 every day two weeks back, then 3 every day this week: 4 points and 57% down."""
    today = timezone.localdate()
    for n in range(20, 13, -1):
        make_entry(user, today - timedelta(days=n), 7, hour=0, triggers=["sitting"])
    for n in range(6, -1, -1):
        make_entry(user, today - timedelta(days=n), 3, hour=0, relievers=["walking"])


def test_the_three_pages_state_the_same_verdict_on_a_phone(page, assert_accessible):
    user = make_user(email="better@example.com")
    improving_history(user)
    page.set_viewport_size(PHONE)
    sign_in(page, user.email)
    for path in ("/journal/", "/journal/trends/", "/journal/summary/"):
        page.goto(path)
        verdict = page.locator("[data-progress-verdict]")
        assert verdict.count() == 1, path
        assert verdict.get_attribute("data-progress-verdict") == "improving"
        assert verdict.is_visible()
        assert "Your weekly average fell from 7.0 to 3.0: a real improvement." in (
            verdict.inner_text()
        )
        assert "Farrar et al., Pain 2001" in verdict.inner_text()
        assert fits_the_screen(page), path
        assert_accessible(page)


def test_triggers_reflow_into_cards_and_charts_fit_a_phone(page, assert_accessible):
    user = make_user(email="charts@example.com")
    improving_history(user)
    today = timezone.localdate()
    for n in range(3):
        make_workout(
            user,
            today - timedelta(days=2 * n + 1),
            3,
            4 + n,
            pain_during=5,
            pain_next_morning=4,
            exercises=[("Romanian deadlift with a long name", 20 + 10 * n)],
        )
    page.set_viewport_size(PHONE)
    sign_in(page, user.email)

    page.goto("/journal/triggers/")
    assert fits_the_screen(page)
    # The tag table is one card per tag: the difference is on screen, beside its label.
    sitting = page.locator("tr", has=page.locator('th:text-is("sitting")'))
    difference = sitting.locator('td[data-label="Difference"]')
    box = difference.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    assert difference.is_visible() and "+4.0" in difference.inner_text()
    assert page.locator("table.reflow-table thead").first.bounding_box()["width"] <= 1
    assert_accessible(page)

    page.goto("/journal/trends/")
    assert fits_the_screen(page)
    sizes = chart_label_sizes(page)
    assert sizes and min(sizes) >= 12, sizes
    # Two bars per workout (before and after), not four.
    assert page.locator("#around-workouts ~ figure svg rect").count() == 2 * 3
    # The default period starts at the first entry, not 90 days back.
    first = today - timedelta(days=20)
    assert f"{first:%-d %b %Y} to" in page.locator("main").inner_text()
    assert_accessible(page)

    # On a wide screen the chart fills its container instead of stopping at 720 px.
    page.set_viewport_size({"width": 1280, "height": 800})
    chart = page.locator("#pain-chart-title").locator("xpath=ancestor::*[name()='svg']")
    container = page.locator("main").bounding_box()["width"]
    assert chart.bounding_box()["width"] >= container - 2 * 16 - 1


def test_rows_keep_edit_and_delete_in_a_menu_and_undo_still_works(page, assert_accessible):
    user = make_user(email="menu@example.com")
    for n in range(3):
        make_entry(user, timezone.localdate() - timedelta(days=n), 4 + n)
    page.set_viewport_size(PHONE)
    sign_in(page, user.email)
    # No Delete button and nothing red on a closed row.
    assert page.get_by_role("button", name=re.compile(r"^Delete")).count() == 0
    assert page.locator("#entry-list .button-danger").count() == 0
    assert fits_the_screen(page)

    # The menu opens from the keyboard, and its Delete is undoable in place.
    row = rows(page).first
    row.locator("summary").focus()
    page.keyboard.press("Enter")
    delete = row.get_by_role("button", name=re.compile(r"^Delete entry of"))
    assert delete.is_visible() and row.get_by_role("link", name=re.compile(r"^Edit")).is_visible()
    assert fits_the_screen(page)
    assert_accessible(page)
    delete.click()
    row.get_by_text("Entry deleted.").wait_for()
    assert Entry.objects.filter(user=user).count() == 2
    row.get_by_role("button", name="Undo").click()
    page.locator("#entry-list li.entry-deleted").wait_for(state="detached")
    assert Entry.objects.filter(user=user).count() == 3


def test_the_inline_edit_leaves_no_blank_block(page):
    user = make_user(email="inline@example.com")
    make_entry(user, timezone.localdate(), 5)
    sign_in(page, user.email)  # 1280 px: the fields sit side by side
    open_menu(rows(page).first)
    rows(page).first.get_by_role("link", name=re.compile(r"^Edit")).click()
    form = page.locator("li.entry-editing form")
    form.wait_for()
    first_label = form.locator("label").first
    # The first field starts at the top of the form, not under an empty block.
    assert first_label.bounding_box()["y"] - form.bounding_box()["y"] < 40


def test_small_fixes_with_javascript_off(page_without_js):
    page = page_without_js
    user = make_user(email="small@example.com")
    page.set_viewport_size(PHONE)
    # "My journal" signed out: the sign-in page says what the journal is.
    page.goto("/")
    page.get_by_role("link", name="My journal", exact=True).click()
    page.wait_for_url("**/accounts/signin/?next=/journal/")
    intro = page.locator("[data-journal-intro]")
    assert intro.is_visible() and "pain journal is a private diary" in intro.inner_text()
    assert fits_the_screen(page)

    # Print buttons need JavaScript: without it they stay hidden.
    page.goto("/checklist/")
    answer(page, all_no())
    submit(page)
    assert page.locator("[data-print]").count() == 1
    assert not page.locator("[data-print]").is_visible()
    sign_in(page, user.email)
    page.goto("/exercises/routine/")
    assert page.locator("[data-print]").count() == 1
    assert not page.get_by_role("button", name="Print my routine").is_visible()


def test_small_fixes_on_a_phone(page, assert_accessible):
    user = make_user(email="pills@example.com")
    make_entry(user, timezone.localdate(), 4, hour=0, medication="Ibuprofen")
    CheckResult.objects.create(user=user, level="routine", answers={}, reasons=[])
    page.set_viewport_size(PHONE)
    page.goto("/accounts/signin/?next=/journal/")
    assert page.locator("[data-journal-intro]").is_visible()
    assert_accessible(page)

    # Nav and footer links are big enough to tap (44 px, the project's aim).
    for link in page.locator(".nav-list a, .footer-links a").all():
        assert link.bounding_box()["height"] >= 44, link.inner_text()
    for link in page.locator(".footer-warning a").all():
        assert link.bounding_box()["height"] >= 24, link.inner_text()

    # History pills read as their title, with no stray icon letter.
    sign_in(page, user.email)
    page.goto("/checklist/history/")
    assert page.locator(".level-chip").inner_text() == LEVEL_INFO["routine"].title
    assert fits_the_screen(page)
    assert_accessible(page)

    # The summary does not claim "helped 0, a little 0, no 0" when nothing was recorded.
    page.goto("/journal/summary/")
    text = page.locator("main").inner_text()
    assert "Ibuprofen: 1 time; whether it helped was not recorded" in text
    assert "helped 0" not in text
    assert fits_the_screen(page)
