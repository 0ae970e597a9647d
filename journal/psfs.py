"""The Patient-Specific Functional Scale as plain arithmetic (clinical reference, section 6.4).

The person names up to five activities their back makes hard and scores each from 0 (unable to
do it) to 10 (able to do it as well as before the problem); the score is the average (Stratford
et al., Physiotherapy Canada 1995). A change of 2 points or more in the average is counted as
meaningful (about 2 points in chronic low back pain: Maughan & Lewis, Manual Therapy 2010).

Activities can be retired and added, so two sittings may not score the same activities: change
is worked out like for like, on the activities scored both times.
"""

from dataclasses import dataclass
from datetime import date, timedelta

MEANINGFUL_CHANGE = 2.0
RECHECK_DAYS = 14
SOURCE = (
    "Stratford et al., Physiotherapy Canada 1995 (the scale); Maughan & Lewis, Manual Therapy "
    "2010 (about 2 points is a meaningful change in low back pain); clinical reference, 6.4"
)


def average(scores: dict[int, int]) -> float | None:
    return sum(scores.values()) / len(scores) if scores else None


@dataclass(frozen=True)
class Change:
    points: float  # positive: can do more than before
    activities: int  # how many activities were scored both times

    @property
    def meaningful(self) -> bool:
        # A small tolerance: averages of whole numbers can land a hair under 2 in floating point.
        return abs(self.points) >= MEANINGFUL_CHANGE - 1e-9

    @property
    def verdict(self) -> str:
        if not self.meaningful:
            return "not a meaningful change"
        return "a meaningful improvement" if self.points > 0 else "a meaningful worsening"


def change(before: dict[int, int], after: dict[int, int]) -> Change | None:
    """Change in the average over the activities scored in both sittings (activity id -> score)."""
    common = before.keys() & after.keys()
    if not common:
        return None
    points = sum(after[a] - before[a] for a in common) / len(common)
    return Change(points, len(common))


def next_due(last_rated: date | None) -> date | None:
    """The day the scale is asked again: two weeks after the last sitting (None: never rated)."""
    return None if last_rated is None else last_rated + timedelta(days=RECHECK_DAYS)


def is_due(last_rated: date | None, today: date, has_activities: bool) -> bool:
    if not has_activities:
        return False
    due = next_due(last_rated)
    return due is None or today >= due
