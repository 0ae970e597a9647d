import pytest

from tests.conftest import PASSWORD, make_user
from tests.guidance.checklist_answers import all_no

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def open_section(page, selector: str) -> None:
    """Open the folded section holding `selector` by tapping its title, as a person would."""
    section = page.locator(f"details:has({selector})")
    if section.count() and section.get_attribute("open") is None:
        section.locator("summary").click()


def choose(page, code: str, value: str) -> None:
    open_section(page, f"[name={code}]")
    page.check(f"#id_{code}_{value}")


def answer(page, answers: dict) -> None:
    for code, value in answers.items():
        if value == "":
            continue  # left blank
        if code == "age_not_sure":
            page.check("#id_age_not_sure")
        elif code in ("age", "duration_weeks"):
            page.fill(f"#id_{code}", str(value))
        elif code == "region":
            page.select_option("#id_region", value)
        else:
            choose(page, code, value)


def submit(page) -> None:
    with page.expect_navigation():
        page.click("button:has-text('See my result')")


def result_level(page) -> str:
    element = page.locator("[data-triage-level]")
    assert element.count() == 1
    return element.get_attribute("data-triage-level")


def test_an_emergency_yes_shows_the_panel_without_a_page_load(page):
    page.goto("/checklist/")
    page.evaluate("window.__sameDocument = 'still here'")
    assert page.locator("[data-emergency-panel]").count() == 0

    page.check("#id_bladder_change_yes")

    panel = page.locator("#emergency-panel [data-emergency-panel]")
    panel.wait_for(state="visible")
    assert "999" in panel.inner_text()
    assert "peeing" in panel.inner_text()
    assert page.evaluate("window.__sameDocument") == "still here"

    page.check("#id_bladder_change_no")
    panel.wait_for(state="detached")
    assert page.evaluate("window.__sameDocument") == "still here"

    page.check("#id_bladder_change_yes")
    panel.wait_for(state="visible")
    answer(page, all_no(bladder_change="yes", duration_weeks=3))
    submit(page)
    assert result_level(page) == "emergency"
    assert page.locator("h1.care-heading").is_visible()


def test_on_a_phone_an_emergency_yes_keeps_a_call_now_bar_on_screen(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/checklist/")
    bar = page.locator("#emergency-bar a.bar-call")
    assert bar.count() == 0

    page.check("#id_saddle_numbness_yes")  # the first question: the full panel is far below

    bar.wait_for(state="visible")
    assert "call 999 now" in bar.inner_text()
    assert bar.get_attribute("href") == "tel:999"
    box = bar.bounding_box()
    assert 0 <= box["y"] and box["y"] + box["height"] <= 740, box  # inside the screen
    title = page.locator("#emergency-title")
    assert title.bounding_box()["y"] > 740  # the full panel is below the screen

    page.click("#emergency-bar a.bar-more")
    assert 0 <= title.bounding_box()["y"] < 740
    page.check("#id_saddle_numbness_no")
    page.locator("#emergency-bar a.bar-call").wait_for(state="detached")


def test_the_same_emergency_flow_without_javascript_gives_the_same_level(page_without_js):
    page = page_without_js
    page.goto("/checklist/")
    page.check("#id_bladder_change_yes")
    assert page.locator("[data-emergency-panel]").count() == 0  # it comes with the result

    answer(page, all_no(bladder_change="yes", duration_weeks=3))
    submit(page)

    assert result_level(page) == "emergency"
    assert page.locator("h1.care-heading").inner_text().endswith("Call 999 or go to A&E now")
    assert page.locator(".care-card a.button-call").get_attribute("href") == "tel:999"


def test_follow_up_question_appears_only_after_yes_with_javascript(page):
    page.goto("/checklist/")
    follow_up = page.locator("#id_weakness_progressing_yes")
    assert follow_up.count() == 0

    answer(page, all_no(leg_weakness="yes"))
    follow_up.wait_for(state="visible")
    page.check("#id_weakness_progressing_yes")
    submit(page)

    assert result_level(page) == "same_day"
    assert "Weakness that is getting worse" in page.inner_text("main")


def test_follow_up_question_is_answerable_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/checklist/")
    # Leg weakness is asked of everyone, so it is never folded; its follow-up shows too.
    assert page.locator("#id_leg_weakness_yes").is_visible()
    assert page.locator("#id_weakness_progressing_yes").is_visible()

    answer(page, all_no(leg_weakness="yes", weakness_progressing="yes"))
    submit(page)

    assert result_level(page) == "same_day"
    assert "Weakness that is getting worse" in page.inner_text("main")


def test_missing_emergency_answers_get_a_message_not_a_result(page):
    page.goto("/checklist/")
    answer(page, {"chest_pain": "no", "age": 40})
    submit(page)

    assert page.locator("[data-triage-level]").count() == 0
    assert "Please answer yes or no to every emergency sign" in page.inner_text("#form-errors")
    assert page.locator("#id_chest_pain_no").is_checked()


def test_region_is_remembered_and_the_print_button_works_with_javascript(page):
    page.goto("/checklist/")
    answer(page, all_no(region="us", fever="yes"))
    submit(page)

    assert result_level(page) == "same_day"
    assert "911" in page.inner_text(".numbers")
    assert page.locator("[data-print]").is_visible()

    page.goto("/checklist/")
    assert page.locator("#id_region").input_value() == "us"


def test_signed_in_person_saves_sees_and_deletes_a_result(page, assert_accessible):
    make_user(email="carol@example.com")
    page.goto("/accounts/signin/")
    page.fill("input[name=username]", "carol@example.com")
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")

    page.goto("/checklist/")
    answer(page, all_no(osteoporosis="yes", age=70))
    submit(page)
    with page.expect_navigation():
        page.click("button:has-text('Save to my history')")

    assert result_level(page) == "within_days"
    assert_accessible(page)
    page.goto("/checklist/history/")
    assert "See a doctor within a few days" in page.inner_text("main")
    assert_accessible(page)
    with page.expect_navigation():
        page.click("text=View")
    with page.expect_navigation():
        page.click("button:has-text('Delete this result')")
    assert "You have not saved any results yet." in page.inner_text("main")


def test_checklist_result_and_explanation_pages_are_accessible(page, assert_accessible):
    page.goto("/checklist/")
    assert_accessible(page)

    page.check("#id_saddle_numbness_yes")
    page.locator("[data-emergency-panel]").wait_for(state="visible")
    choose(page, "leg_weakness", "yes")
    page.locator("#id_weakness_progressing_yes").wait_for(state="visible")
    assert_accessible(page)

    answer(page, all_no(saddle_numbness="yes", cancer_history="yes", fever="unsure"))
    submit(page)
    assert result_level(page) == "emergency"
    assert_accessible(page)

    page.goto("/checklist/about/")
    assert_accessible(page)


@pytest.mark.parametrize(
    "answers, level",
    [
        ({"age": 30, "duration_weeks": 1}, "self_care"),
        ({"duration_weeks": 10, "not_improving": "yes", "age": 41}, "routine"),
        ({"osteoporosis": "yes"}, "within_days"),
        ({"fever": "yes", "age": 50, "cancer_history": "unsure"}, "same_day"),
        ({"cancer_history": "yes", "sciatica": "yes"}, "emergency"),  # the cancer team card
    ],
)
def test_other_levels_are_accessible(page, assert_accessible, answers, level):
    page.goto("/checklist/")
    answer(page, all_no(**answers))
    submit(page)

    assert result_level(page) == level
    assert_accessible(page)


def test_form_with_errors_is_accessible(page, assert_accessible):
    page.goto("/checklist/")
    answer(page, {"age": 500})
    submit(page)

    assert "Enter an age between 1 and 120." in page.inner_text("main")
    assert_accessible(page)


def test_printed_result_keeps_the_summary_and_drops_the_controls(page):
    page.goto("/checklist/")
    answer(page, all_no(fever="yes", age=50))
    submit(page)

    page.emulate_media(media="print")

    assert page.locator(".printable-summary").is_visible()
    assert page.locator(".answers-table").is_visible()
    assert page.locator("[data-triage-level]").is_visible()
    assert not page.locator(".region-form").is_visible()
    assert not page.locator("[data-print]").is_visible()
    assert not page.locator(".site-header").is_visible()


PHONE = {"width": 360, "height": 740}


def assert_in_first_screen(page, locator) -> None:
    box = locator.bounding_box()
    assert box is not None, "not shown"
    assert 0 <= box["y"] and box["y"] + box["height"] <= PHONE["height"], box
    assert 0 <= box["x"] and box["x"] + box["width"] <= PHONE["width"], box


@pytest.mark.parametrize(
    "fixture, code",
    [
        ("page", "saddle_numbness"),
        ("page_without_js", "saddle_numbness"),
        ("page", "abdominal_pain"),  # an emergency only with age: the blank age counts as older
        ("page_without_js", "chest_pain"),
    ],
)
def test_one_emergency_yes_then_submit_shows_the_advice_and_a_call_link_in_the_first_screen(
    request, fixture, code
):
    page = request.getfixturevalue(fixture)
    page.set_viewport_size(PHONE)
    page.goto("/checklist/")

    page.check(f"#id_{code}_yes")
    submit(page)

    assert result_level(page) == "emergency"
    assert page.evaluate("window.scrollY") == 0
    heading = page.locator("h1.care-heading")
    assert heading.text_content() == "Emergency advice: Call 999 or go to A&E now"
    prefix = heading.locator(".visually-hidden")  # for screen readers only
    assert prefix.text_content() == "Emergency advice: " and prefix.bounding_box()["width"] <= 1
    assert_in_first_screen(page, heading)
    assert_in_first_screen(page, page.locator(".care-card a.button-call[href='tel:999']"))
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_required_risk_answers_left_blank_are_asked_for_before_a_result(page_without_js):
    page = page_without_js
    page.goto("/checklist/")
    answer(page, all_no(leg_weakness="yes", cancer_history=""))
    submit(page)

    assert page.locator("[data-triage-level]").count() == 0
    assert page.locator("#error-cancer_history").is_visible()

    page.check("#id_cancer_history_unsure")
    submit(page)
    assert result_level(page) == "emergency"  # cancer + leg weakness, "not sure" counted as yes
    assert "has or has had cancer" in page.inner_text("#not-sure-counted")


@pytest.mark.parametrize("path", ["/", "/about/"])
def test_home_and_about_pages_are_accessible_with_tap_to_call_numbers(
    page, assert_accessible, path
):
    page.set_viewport_size(PHONE)
    page.goto(path)

    footer_call = page.locator(".site-footer a[href='tel:999']")
    assert footer_call.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert_accessible(page)


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_on_a_phone_an_older_persons_severe_new_pain_reaches_at_least_within_days(
    request, fixture
):
    page = request.getfixturevalue(fixture)
    page.set_viewport_size(PHONE)
    page.goto("/checklist/")
    answer(page, all_no(age=80, duration_weeks=0, severe_pain="yes"))
    submit(page)

    assert result_level(page) in ("emergency", "same_day", "within_days")
    assert_in_first_screen(page, page.locator("h1.care-heading"))
