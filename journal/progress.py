"""One verdict on progress, so the journal, Trends and the clinician summary never disagree.

The rule follows the NHS two-week advice ("your pain should start to ease within 2 weeks"; NHS
inform: "If your symptoms don't improve after 2 weeks...", clinical-reference.md section 1.8):
the average of the 7 days up to the reference day is compared with the average of the 7 days
two weeks earlier (days 14 to 20 before it). Each entry weighs the same. A real improvement is a
fall of at least 2 points and at least 30% (Farrar et al., Pain 2001; Ostelo et al., Spine 2008;
section 4.2; both are required, see journal/stats.py). With no entry in either week there is
nothing honest to say, so the verdict is "not enough data".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from .stats import Day, meaningful_fall

IMPROVING = "improving"
NOT_IMPROVING = "not_improving"
NOT_ENOUGH_DATA = "not_enough_data"

WEEK_DAYS = 7
GAP_DAYS = 14  # the earlier week starts this many days before the reference day's week ends


@dataclass(frozen=True)
class Progress:
    verdict: str
    as_of: date
    before: float | None  # average of the earlier week
    after: float | None  # average of the latest week

    @property
    def before_start(self) -> date:
        return self.as_of - timedelta(days=GAP_DAYS + WEEK_DAYS - 1)

    @property
    def before_end(self) -> date:
        return self.as_of - timedelta(days=GAP_DAYS)

    @property
    def after_start(self) -> date:
        return self.as_of - timedelta(days=WEEK_DAYS - 1)

    @property
    def sentence(self) -> str:
        if self.verdict == NOT_ENOUGH_DATA:
            return (
                "Not enough entries yet to say whether your pain is easing: the journal compares "
                "your last 7 days with the 7 days two weeks before, and needs at least one entry "
                "in each."
            )
        before, after = f"{self.before:.1f}", f"{self.after:.1f}"
        if self.verdict == IMPROVING:
            return f"Your weekly average fell from {before} to {after}: a real improvement."
        if self.after > self.before:
            change = f"rose from {before} to {after}"
        elif self.after < self.before:
            change = f"fell from {before} to {after}"
        else:
            change = f"stayed at {after}"
        return (
            f"Your weekly average {change}: not yet the fall of at least 2 points and 30% "
            "that counts as a real improvement."
        )


def _mean(days: Iterable[Day]) -> float | None:
    days = list(days)
    count = sum(day.count for day in days)
    return sum(day.total for day in days) / count if count else None


def progress(days: Iterable[Day], as_of: date) -> Progress:
    """The verdict on daily sums `days` (any span covering the 3 weeks up to `as_of`)."""
    days = list(days)
    after = _mean(d for d in days if 0 <= (as_of - d.day).days < WEEK_DAYS)
    before = _mean(d for d in days if GAP_DAYS <= (as_of - d.day).days < GAP_DAYS + WEEK_DAYS)
    if before is None or after is None:
        verdict = NOT_ENOUGH_DATA
    elif meaningful_fall(before, after):
        verdict = IMPROVING
    else:
        verdict = NOT_IMPROVING
    return Progress(verdict, as_of, before, after)
