"""Every journal page can be used by keyboard alone (issue 12, acceptance 2).

On each page, Tab from the top reaches every visible control: links, buttons, fields, folded
sections. A radio group is one Tab stop (its arrow keys move the choice), so it counts once.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from journal.models import PsfsActivity
from tests.browser.test_journal import sign_in
from tests.conftest import make_user
from tests.journal.factories import make_entry, make_workout

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/journal/",
    "/journal/entries/new/",
    "/journal/workouts/",
    "/journal/workouts/new/",
    "/journal/trends/",
    "/journal/triggers/",
    "/journal/summary/",
    "/journal/export/",
    "/journal/psfs/",
    "/journal/reminders/",
]

# Every visible control a Tab should reach, one key per radio group.
NATIVE = "a[href], button, input, select, textarea, summary"
CONTROLS = """() => {
    const selector = "__NATIVE__, [tabindex]";
    const keys = new Set();
    for (const el of document.querySelectorAll(selector)) {
        if (el.disabled || el.type === "hidden") continue;
        // A native control taken out of the Tab order is exactly what this test looks for;
        // tabindex="-1" on anything else (a heading that receives focus) is not a control.
        if (el.tabIndex < 0 && !el.matches("__NATIVE__")) continue;
        const box = el.getBoundingClientRect();
        const style = getComputedStyle(el);
        if (!box.width || !box.height || style.visibility === "hidden") continue;
        if (el.closest("details:not([open])") && el.tagName !== "SUMMARY") continue;
        keys.add(el.type === "radio" ? "radio:" + el.name : el.dataset.kbKey);
    }
    return [...keys];
}""".replace("__NATIVE__", NATIVE)
LABEL_EVERY_CONTROL = """() => {
    let n = 0;
    const all = document.querySelectorAll("__NATIVE__, [tabindex]");
    for (const el of all) el.dataset.kbKey = "c" + n++;
}""".replace("__NATIVE__", NATIVE)
FOCUSED = """() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    return el.type === "radio" ? "radio:" + el.name : el.dataset.kbKey || null;
}"""


@pytest.fixture
def person_with_a_month(db):
    user = make_user(email="keys@example.com")
    today = timezone.localdate()
    for n in range(30):
        make_entry(
            user,
            today - timedelta(days=n),
            3 + n % 5,
            regions=["lower_back_left"],
            triggers=["lifting"] if n % 2 else [],
        )
    make_workout(user, today - timedelta(days=1), 3, 5, exercises=[("Deadlift", 80)])
    PsfsActivity.objects.create(user=user, name="Sit through a film")
    return user


@pytest.mark.parametrize("path", PAGES)
def test_tab_reaches_every_control_on_the_journal_pages(page, person_with_a_month, path):
    page.set_viewport_size({"width": 360, "height": 740})
    sign_in(page, person_with_a_month.email)
    page.goto(path)
    page.evaluate(LABEL_EVERY_CONTROL)
    wanted = set(page.evaluate(CONTROLS))
    assert wanted, path
    reached = set()
    for _ in range(len(wanted) * 2 + 20):
        page.keyboard.press("Tab")
        key = page.evaluate(FOCUSED)
        if key:
            reached.add(key)
        if wanted <= reached:
            break
    missing = wanted - reached
    assert not missing, (path, sorted(missing)[:10])
