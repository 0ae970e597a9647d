"""The pain journal in a real browser: quick log, inline edit and delete without a page load,
the same with JavaScript off, and axe-core on every journal page at both widths."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone

from journal.models import Entry, Workout
from tests.conftest import PASSWORD, make_user
from tests.journal.factories import make_entry, make_workout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email: str) -> None:
    page.goto("/accounts/signin/?next=/journal/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/journal/")


def rows(page):
    return page.locator("#entry-list > li")


def open_menu(row) -> None:
    """Edit and Delete sit in each row's menu (a native <details>)."""
    row.locator("details.row-menu > summary").click()


def test_quick_log_inline_edit_delete_and_undo_without_a_page_load(page, assert_accessible):
    user = make_user(email="quick@example.com")
    sign_in(page, user.email)
    assert_accessible(page)
    page.evaluate("window.journalMarker = 'still here'")

    page.get_by_label("Where it hurts (optional)").select_option("neck")
    quick = page.locator(".quick-log")
    quick.get_by_label("6, moderate", exact=True).check()
    quick.get_by_role("button", name="Save pain").click()
    page.get_by_text("Saved: pain 6 out of 10, neck.").wait_for()
    assert rows(page).count() == 1
    assert "Neck" in rows(page).first.inner_text()
    entry = Entry.objects.get(user=user)
    assert entry.pain == 6 and entry.regions == ["neck"]
    # The region stays chosen and the number is cleared: the next log is a number and Save.
    assert not quick.get_by_label("6, moderate", exact=True).is_checked()
    quick.get_by_label("2, mild", exact=True).check()
    quick.get_by_role("button", name="Save pain").click()
    page.get_by_text("Saved: pain 2 out of 10, neck.").wait_for()
    assert rows(page).count() == 2
    assert page.locator("#entry-count").inner_text() == "2 entries."
    assert page.get_by_text("No entries yet").count() == 0
    assert page.evaluate("window.journalMarker") == "still here"

    # Inline edit of the older entry (pain 6).
    open_menu(rows(page).nth(1))
    rows(page).nth(1).get_by_role("link", name=re.compile(r"^Edit entry of")).click()
    form = page.locator("li.entry-editing form")
    form.wait_for()
    assert_accessible(page)
    form.get_by_label("3, mild", exact=True).check()
    form.get_by_label("Stiffness").check()
    form.get_by_label(re.compile(r"^What made it worse")).fill("sitting, driving")
    form.get_by_role("button", name="Save changes").click()
    page.locator("li.entry-editing").wait_for(state="detached")
    entry.refresh_from_db()
    assert entry.pain == 3
    assert sorted(Entry.objects.with_tags().get(pk=entry.pk).triggers) == ["driving", "sitting"]
    assert "Stiffness" in page.locator(f"#entry-{entry.pk}").inner_text()
    assert page.evaluate("window.journalMarker") == "still here"

    # Delete, undo, delete again.
    row = page.locator(f"#entry-{entry.pk}")
    open_menu(row)
    row.get_by_role("button", name=re.compile(r"^Delete")).click()
    row.get_by_text("Entry deleted.").wait_for()
    assert not Entry.objects.filter(pk=entry.pk).exists()
    assert_accessible(page)
    row.get_by_role("button", name="Undo").click()
    page.locator("#entry-list li.entry-deleted").wait_for(state="detached")
    restored = Entry.objects.with_tags().get(user=user, pain=3)
    assert restored.regions == ["neck"] and sorted(restored.triggers) == ["driving", "sitting"]
    new_row = page.locator(f"#entry-{restored.pk}")
    open_menu(new_row)
    new_row.get_by_role("button", name=re.compile(r"^Delete")).click()
    new_row.get_by_text("Entry deleted.").wait_for()
    assert Entry.objects.filter(user=user).count() == 1
    assert page.evaluate("window.journalMarker") == "still here"


def test_quick_log_edit_and_delete_with_javascript_off(page_without_js):
    page = page_without_js
    user = make_user(email="nojs@example.com")
    sign_in(page, user.email)
    page.get_by_label("Where it hurts (optional)").select_option("lower_back_left")
    page.get_by_label("4, moderate", exact=True).check()
    page.get_by_role("button", name="Save pain").click()
    page.wait_for_url("**/journal/")
    assert page.get_by_text("Saved: pain 4 out of 10, lower back, left.").is_visible()
    entry = Entry.objects.get(user=user)
    assert entry.pain == 4

    open_menu(rows(page).first)
    page.get_by_role("link", name=re.compile(r"^Edit entry of")).click()
    page.wait_for_url(f"**/journal/entries/{entry.pk}/edit/")
    page.get_by_label("7, severe", exact=True).check()
    page.get_by_label(re.compile(r"^Notes")).fill("Worse after the long drive")
    page.get_by_role("button", name="Save changes").click()
    page.wait_for_url("**/journal/")
    assert page.get_by_text("Entry updated.").is_visible()
    entry.refresh_from_db()
    assert (entry.pain, entry.notes) == (7, "Worse after the long drive")

    open_menu(rows(page).first)
    page.get_by_role("button", name=re.compile(r"^Delete entry of")).click()
    page.wait_for_url("**/journal/")
    assert page.get_by_text("Entry deleted.").is_visible()
    assert not Entry.objects.exists()
    page.get_by_role("button", name="Undo the delete").click()
    page.wait_for_url("**/journal/")
    assert page.get_by_text("Entry restored.").is_visible()
    assert Entry.objects.get(user=user).notes == "Worse after the long drive"


def test_older_entries_load_in_place(page):
    user = make_user(email="scroll@example.com")
    today = timezone.localdate()
    for n in range(25):
        make_entry(user, today - timedelta(days=n), 3, notes=f"note number {n}")
    sign_in(page, user.email)
    page.evaluate("window.journalMarker = 1")
    assert rows(page).count() == 20
    page.get_by_role("link", name="Older entries").click()
    page.get_by_text("note number 24").wait_for()
    assert rows(page).count() == 25
    assert page.get_by_role("link", name="Older entries").count() == 0
    assert page.evaluate("window.journalMarker") == 1


def test_next_morning_reminder_and_prompt_dismissal_in_place(page, assert_accessible):
    user = make_user(email="morning@example.com")
    yesterday = timezone.localdate() - timedelta(days=1)
    workout = make_workout(user, yesterday, 3, 5, exercises=[("Deadlift", 100)])
    make_entry(user, yesterday, 6, regions=["below_knee_left", "below_knee_right"])
    sign_in(page, user.email)
    assert_accessible(page)
    page.evaluate("window.journalMarker = 1")
    reminder = page.locator(f"#next-morning-{workout.pk}")
    reminder.locator(f"label[for='next-{workout.pk}-pain_next_morning_4']").click()  # one tap
    reminder.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Saved: pain 4 out of 10 the morning after").wait_for()
    workout.refresh_from_db()
    assert workout.pain_next_morning == 4
    assert page.get_by_text("Pain in both legs", exact=False).is_visible()
    page.get_by_role("button", name=re.compile(r"^Dismiss")).click()
    page.locator(".prompt-red_flag").wait_for(state="detached")
    assert page.evaluate("window.journalMarker") == 1


def test_every_journal_page_is_accessible(page, assert_accessible):
    user = make_user(email="axe@example.com", display_name="Axe")
    today = timezone.localdate()
    entry = None
    for n in range(30):
        entry = make_entry(
            user,
            today - timedelta(days=n),
            (n * 3) % 11,
            regions=["lower_back_left"] if n % 2 else ["neck", "thigh_left"],
            qualities=["ache"],
            triggers=["sitting"] if n % 3 else [],
            relievers=["walking"] if n % 4 == 0 else [],
            activities=["work"],
            medication="Ibuprofen" if n % 5 == 0 else "",
            medication_helped="yes" if n % 5 == 0 else "",
            notes="numb toes" if n == 0 else "",
        )
    workout = None
    for n in range(1, 12, 2):
        workout = make_workout(
            user,
            today - timedelta(days=n),
            2,
            2 + n % 4,
            exercises=[("Deadlift", 80 + 10 * (n % 3)), ("Plank", None)],
            pain_during=5,
            pain_next_morning=None if n == 1 else 3,
        )
    sign_in(page, user.email)
    paths = [
        "/journal/",
        "/journal/entries/new/",
        f"/journal/entries/{entry.pk}/",
        f"/journal/entries/{entry.pk}/edit/",
        f"/journal/entries/{entry.pk}/delete/",
        "/journal/workouts/",
        "/journal/workouts/new/",
        f"/journal/workouts/{workout.pk}/",
        f"/journal/workouts/{workout.pk}/edit/",
        f"/journal/workouts/{workout.pk}/delete/",
        "/journal/trends/",
        "/journal/triggers/",
        "/journal/summary/",
        "/journal/export/",
    ]
    for path in paths:
        page.goto(path)
        assert page.get_by_role("heading", level=1).is_visible(), path
        assert_accessible(page)
    # Open the text alternatives too.
    page.goto("/journal/trends/")
    for summary in page.locator("details > summary").all():
        summary.click()
    assert_accessible(page)
    # A form with errors.
    page.goto("/journal/workouts/new/")
    page.locator(".pain-scale").first.get_by_label("3, mild", exact=True).check()
    page.locator("#id_ex-0-sets").fill("3")
    page.get_by_role("button", name="Save workout").click()
    assert page.get_by_text("Pick an exercise from the library or type its name.").is_visible()
    assert_accessible(page)
    assert Workout.objects.filter(user=user).count() == 6


def test_clinician_summary_prints_on_one_page(page):
    from tests.journal.history import build_history

    user = make_user(email="print@example.com")
    build_history(user, days=90, end=timezone.localdate())
    sign_in(page, user.email)
    page.goto("/journal/summary/")
    assert page.locator(".summary svg").is_visible()
    page.emulate_media(media="print")
    assert not page.locator(".journal-nav").is_visible()
    assert not page.locator("form.filter-form").is_visible()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) == 1


def test_chart_labels_stay_readable_on_a_phone(page):
    user = make_user(email="phone@example.com")
    today = timezone.localdate()
    for n in range(0, 60, 2):
        make_entry(user, today - timedelta(days=n), n % 9)
    make_workout(user, today - timedelta(days=1), 2, 4)
    sign_in(page, user.email)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto("/journal/trends/")
    # SVG text shrinks with its chart: on screen every label must still be at least 10 px tall.
    heights = page.eval_on_selector_all(
        ".chart-svg text, .calendar-svg text",
        "els => els.map(el => el.getBoundingClientRect().height)",
    )
    assert len(heights) > 20
    assert min(heights) >= 10, heights
    # The page itself never scrolls sideways.
    assert page.evaluate("document.documentElement.scrollWidth") <= 360


PHONE = {"width": 360, "height": 740}


def _in_first_screen(page, locator) -> bool:
    box = locator.bounding_box()
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"]


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_ticking_a_new_symptom_on_a_phone_shows_999_or_the_checklist(
    request, javascript, assert_accessible
):
    page = request.getfixturevalue("page" if javascript else "page_without_js")
    page.set_viewport_size(PHONE)
    user = make_user(email=f"flags-{javascript}@example.com")
    sign_in(page, user.email)

    page.goto("/journal/entries/new/")
    if javascript:  # axe-core runs as a script: it is checked with JavaScript on
        assert_accessible(page)
    note = page.locator(".new-symptoms .emergency-note")
    assert note.get_by_role("link", name="999").get_attribute("href") == "tel:999"
    page.get_by_label("6, moderate", exact=True).check()
    page.get_by_label(re.compile(r"lost control of your bladder or bowel")).check()
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/journal/")
    assert Entry.objects.get(user=user).new_symptoms == ["incontinence"]
    heading = page.get_by_role("heading", name="Emergency advice: Call 999 or go to A&E now")
    call = heading.get_by_role("link", name="999")
    assert call.get_attribute("href") == "tel:999"
    assert _in_first_screen(page, heading) and _in_first_screen(page, call)
    if javascript:
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
        assert_accessible(page)

    # A sign that is not an emergency on its own points to the checklist instead.
    page.goto("/journal/entries/new/")
    page.get_by_label("4, moderate", exact=True).check()
    page.get_by_label(re.compile(r"losing weight without trying")).check()
    page.get_by_role("button", name="Save entry").click()
    page.wait_for_url("**/journal/")
    prompt = page.locator(".prompt-red_flag").filter(has_text="You ticked losing weight")
    assert "prompt-emergency" not in prompt.get_attribute("class")
    checklist = prompt.get_by_role("link", name="Go through the red-flag checklist")
    assert checklist.get_attribute("href") == "/checklist/"
