"""On a phone, with and without JavaScript, what a person reads on the public pages is clean.

No draft note, internal reference or level code shows in the text a browser renders, the
emergency number is a tap away, and nothing is wider than the screen. The server-side sweep
(tests/test_public_wording.py) reads every page's HTML; this reads what Chromium shows.
"""

import re

import pytest

from tests.browser.test_checklist import answer, result_level, submit
from tests.browser.test_exercises import library  # noqa: F401  (a fixture)
from tests.guidance.checklist_answers import all_no

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 360, "height": 740}
DRAFT = re.compile(
    r"to verify|secondary cop|\(\d{4} copy\)|archived copy|clinical reference|section \d+\.\d|"
    r"vercel\.app|safety-netting|Noted: does not raise|\bself_care\b|\bsame_day\b|\bwithin_days\b",
    re.IGNORECASE,
)
PAGES = [
    "/",
    "/about/",
    "/checklist/",
    "/checklist/about/",
    "/exercises/",
    "/exercises/path/",
    "/exercises/why-lifting-hurts/",
    "/exercises/bird-dog/",
    "/exercises/barbell-deadlift/",
    "/clinical-review/",
]


def problems_on(page, where: str) -> list[str]:
    found = [f"{where}: {m[0]!r}" for m in DRAFT.finditer(page.inner_text("body"))]
    if page.locator("a[href='tel:999']").count() == 0:
        found.append(f"{where}: no tel:999 link")
    if page.evaluate("document.documentElement.scrollWidth") > PHONE["width"]:
        found.append(f"{where}: wider than the phone")
    return found


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
def test_public_pages_show_no_draft_note_or_level_code_and_dial_999(request, library, fixture):  # noqa: F811
    page = request.getfixturevalue(fixture)
    page.set_viewport_size(PHONE)
    problems = []
    for path in PAGES:
        assert page.goto(path).status == 200, path
        problems += problems_on(page, path)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("fixture", ["page", "page_without_js"])
@pytest.mark.parametrize(
    "answers, level",
    [(all_no(incontinence="yes"), "emergency"), (all_no(duration_weeks=1), "self_care")],
    ids=["emergency", "self-care"],
)
def test_a_checklist_result_reads_cleanly_on_a_phone(request, fixture, answers, level):
    page = request.getfixturevalue(fixture)
    page.set_viewport_size(PHONE)
    page.goto("/checklist/")
    answer(page, answers)
    submit(page)

    assert result_level(page) == level
    problems = problems_on(page, f"result {level}")
    assert not problems, "\n".join(problems)
