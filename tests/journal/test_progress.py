"""One progress verdict: the rule by hand-worked weeks, and the three pages agreeing on it."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone

from journal.progress import IMPROVING, NOT_ENOUGH_DATA, NOT_IMPROVING, progress
from journal.stats import Day
from tests.journal.factories import make_entry

TODAY = date(2026, 11, 25)


def week(first_day_ago: int, pains: list[int]) -> list[Day]:
    """One entry a day at each pain, starting `first_day_ago` days before TODAY."""
    return [
        Day(TODAY - timedelta(days=first_day_ago - i), pain, 1, pain)
        for i, pain in enumerate(pains)
    ]


@pytest.mark.parametrize(
    ("days", "verdict", "before", "after"),
    [
        # 7.0 two weeks back, 3.2 this week (16 / 5): 3.8 points and 54%.
        (week(20, [7] * 7) + week(4, [3, 3, 4, 3, 3]), IMPROVING, 7.0, 3.2),
        (week(20, [6] * 7) + week(6, [4] * 7), IMPROVING, 6.0, 4.0),  # 2 points, 33%
        (week(20, [8] * 7) + week(6, [6] * 7), NOT_IMPROVING, 8.0, 6.0),  # 2 points, 25%
        (week(20, [3] * 7) + week(6, [2] * 7), NOT_IMPROVING, 3.0, 2.0),  # 33%, 1 point
        (week(20, [4] * 7) + week(6, [7] * 7), NOT_IMPROVING, 4.0, 7.0),  # worse
        (week(20, [5]) + week(0, [5]), NOT_IMPROVING, 5.0, 5.0),  # one entry each is enough
        # The earlier week is days 14 to 20 back: day 21 and day 13 are outside it.
        (week(21, [9]) + week(13, [9]) + week(0, [2]), NOT_ENOUGH_DATA, None, 2.0),
        (week(20, [9] * 7), NOT_ENOUGH_DATA, 9.0, None),  # nothing in the last 7 days
        ([], NOT_ENOUGH_DATA, None, None),
    ],
)
def test_progress_verdict(days, verdict, before, after):
    found = progress(days, TODAY)
    assert (found.verdict, found.before, found.after) == (verdict, before, after)


def test_good_news_is_said_as_plainly_as_bad():
    good = progress(week(20, [7] * 7) + week(4, [3, 3, 4, 3, 3]), TODAY)
    assert good.sentence == "Your weekly average fell from 7.0 to 3.2: a real improvement."
    bad = progress(week(20, [4] * 7) + week(6, [7] * 7), TODAY)
    assert bad.sentence.startswith("Your weekly average rose from 4.0 to 7.0: not yet")
    assert "Not enough entries yet" in progress([], TODAY).sentence


def _verdicts(html: str) -> set[str]:
    return set(re.findall(r'data-progress-verdict="([a-z_]+)"', html))


@pytest.mark.parametrize(
    ("earlier", "latest", "verdict"),
    [(8, 7, NOT_IMPROVING), (7, 3, IMPROVING), (None, 5, NOT_ENOUGH_DATA)],
)
def test_journal_trends_and_summary_agree(alice_client, alice, earlier, latest, verdict):
    # Daily pain for three weeks up to today; with an 18-day-old start the journal also
    # raises its "not eased over 2 weeks" prompt when the verdict is not_improving.
    today = timezone.localdate()
    for n in range(18, -1, -1):
        if n >= 14 and earlier is not None:
            make_entry(alice, today - timedelta(days=n), earlier, hour=0)
        elif n <= 6:
            make_entry(alice, today - timedelta(days=n), latest, hour=0)
    pages = {
        path: _verdicts(alice_client.get(path).content.decode())
        for path in ("/journal/", "/journal/trends/", "/journal/summary/")
    }
    assert pages == {path: {verdict} for path in pages}
