"""Pure functions for trends, trigger associations and pain monitoring.

They take plain data (the database has already grouped and summed what it can) and return plain
data, so each rule is tested with hand-worked numbers and no request.

Clinical thresholds, from /work/shared/clinical-reference.md:
- Meaningful change on the 0-10 NRS: a fall of at least 2 points AND at least 30% (Farrar et al.,
  Pain 2001; Ostelo et al., Spine 2008). The issue said "2 points or 30%", but section 4.2
  recommends requiring both: 30% of a low score (3 -> 2) is under the 2-point change people
  notice, and 2 points off a high score (9 -> 7) is under 30%. Requiring both makes the
  "not improving" prompt err towards suggesting a review. Weekly averages are compared.
- "Your pain should start to ease within 2 weeks" (NHS exercise page; NHS inform: "If your
  symptoms don't improve after 2 weeks...", section 1.8).
- Pain lasting 12 weeks or more is called chronic: the NIH/NINDS "Low Back Pain Fact Sheet"
  quoted in the source article ("Chronic back pain is defined as pain that continues for 12 weeks
  or longer"). clinical-reference.md has no definition of chronic; the action it supports is a
  review: "simple back pain and have not resumed their normal activities in 3 months" -> refer
  (older NICE/CSAG timings via GPnotebook, section 1.7) and NHS "See a GP if the pain does not
  improve within a few weeks" (section 1.8).
- Severity words: the NHS mild / moderate / severe anchors (section 1.8); the app maps them to
  1-3, 4-6 and 7-10 on the NRS, a design choice, not a sourced cut-off.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

MEANINGFUL_POINTS = 2
MEANINGFUL_FRACTION = 0.30
MIN_ENTRIES = 3  # with and without a tag, before a difference is shown as a finding
NOT_IMPROVING_DAYS = 14
CHRONIC_DAYS = 84  # 12 weeks
EPISODE_GAP_DAYS = 14  # a longer break without pain starts a new episode
SEVERE_FROM = 7
SEVERE_RUN_DAYS = 3
LOAD_RISE_POINTS = 2
LOAD_MIN_WORKOUTS = 2


def severity(pain: float | None) -> str:
    if pain is None:
        return ""
    if pain <= 0:
        return "none"
    if pain < 4:
        return "mild"
    if pain < SEVERE_FROM:
        return "moderate"
    return "severe"


def meaningful_fall(before: float, after: float) -> bool:
    """A fall of at least 2 points and at least 30% of the starting value (section 4.2)."""
    fall = before - after
    # A small tolerance so that 5 -> 3.5 (30% exactly, in floating point) counts.
    return fall >= MEANINGFUL_POINTS and fall >= MEANINGFUL_FRACTION * before - 1e-9


# Trends ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Day:
    day: date
    total: int  # sum of pain scores logged that day
    count: int  # number of entries
    worst: int

    @property
    def average(self) -> float:
        return self.total / self.count


@dataclass(frozen=True)
class Week:
    start: date  # Monday
    total: int
    count: int
    days: int  # days with at least one entry

    @property
    def average(self) -> float:
        return self.total / self.count


def weekly_averages(days: Iterable[Day]) -> list[Week]:
    """Group daily sums into Monday-to-Sunday weeks; each entry weighs the same."""
    weeks: dict[date, list[int]] = {}
    for day in days:
        monday = day.day - timedelta(days=day.day.weekday())
        bucket = weeks.setdefault(monday, [0, 0, 0])
        bucket[0] += day.total
        bucket[1] += day.count
        bucket[2] += 1
    return [Week(start, *weeks[start]) for start in sorted(weeks)]


def summary_numbers(days: Sequence[Day]) -> dict:
    count = sum(day.count for day in days)
    if not count:
        return {"count": 0, "average": None, "worst": None, "days": 0}
    return {
        "count": count,
        "average": sum(day.total for day in days) / count,
        "worst": max(day.worst for day in days),
        "days": len(days),
    }


# Triggers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Association:
    kind: str
    value: str
    n_with: int
    mean_with: float
    n_without: int
    mean_without: float | None

    @property
    def enough_data(self) -> bool:
        return self.n_with >= MIN_ENTRIES and self.n_without >= MIN_ENTRIES

    @property
    def difference(self) -> float | None:
        if self.mean_without is None:
            return None
        return self.mean_with - self.mean_without

    @property
    def small(self) -> bool:
        """Under the 2-point change people notice (Farrar 2001): may well be chance."""
        return self.difference is not None and abs(self.difference) < MEANINGFUL_POINTS

    @property
    def direction(self) -> str:
        difference = self.difference
        if not self.enough_data or difference is None:
            return "not enough data"
        if difference > 0:
            return "higher"
        if difference < 0:
            return "lower"
        return "no difference"


def associations(
    rows: Iterable[tuple[str, str, int, int]], total_count: int, total_sum: int
) -> list[Association]:
    """Mean pain of entries with each tag against the entries without it.

    `rows` are (kind, value, entries with the tag, sum of their pain), grouped in the database;
    `total_count` and `total_sum` cover all the person's entries in the same period. Tags with
    enough data come first, the largest difference (either way) first; the rest follow by count.
    """
    result = []
    for kind, value, n_with, sum_with in rows:
        n_without = total_count - n_with
        mean_without = (total_sum - sum_with) / n_without if n_without else None
        result.append(Association(kind, value, n_with, sum_with / n_with, n_without, mean_without))
    return sorted(
        result,
        key=lambda a: (
            not a.enough_data,
            -abs(a.difference or 0) if a.enough_data else -a.n_with,
            a.kind,
            a.value,
        ),
    )


@dataclass
class ExerciseEffect:
    name: str
    workouts: int
    mean_change_after: float | None
    workouts_next_morning: int
    mean_change_next_morning: float | None
    loads: list[LoadEffect] = field(default_factory=list)

    @property
    def enough_data(self) -> bool:
        return self.workouts >= MIN_ENTRIES

    @property
    def pain_rose_at(self) -> Decimal | None:
        return load_threshold(self.loads)[0]

    @property
    def comfortable_up_to(self) -> Decimal | None:
        return load_threshold(self.loads)[1]


@dataclass
class LoadEffect:
    load_kg: Decimal
    workouts: int
    mean_change: float  # pain after minus pain before


def load_threshold(loads: Iterable[LoadEffect]) -> tuple[Decimal | None, Decimal | None]:
    """(lowest load where pain rose, heaviest lighter load where it did not).

    Pain "rose" at a load when the mean change from before to after is at least 2 points over at
    least 2 workouts at that load. Loads with fewer workouts are ignored both ways.
    """
    rose_at = None
    comfortable = None
    for load in sorted(loads, key=lambda item: item.load_kg):
        if load.workouts < LOAD_MIN_WORKOUTS:
            continue
        if load.mean_change >= LOAD_RISE_POINTS:
            rose_at = load.load_kg
            break
        comfortable = load.load_kg
    return rose_at, (comfortable if rose_at is not None else None)


# Monitoring --------------------------------------------------------------------------------

# What in an entry's notes or tags can signal a red flag, grouped by what it means. The groups
# follow the NHS back pain page's "Call 999 or go to A&E if..." list and the Royal Free NHS cauda
# equina card (clinical reference, section 1.1), the GIRFT/BASS cauda equina wording (bladder or
# bowel disturbance, saddle sensory change, both legs, section 1.1), fracture after an accident
# (1.2), weight loss (1.3), fever (1.4), chest pain (1.1 NHS list, 1.6) and weakness such as foot
# drop (1.7). Short words must stand alone: "pee" is not in "speed", "poo" is not in "poor".
RED_FLAG_SIGNS = (
    (
        "numbness or loss of feeling",
        (
            r"\bnumb",
            r"\bcan'?t feel",
            r"\bcannot feel",
            r"\b(?:no|lost|loss of) (?:feeling|sensation)",
        ),
    ),
    (
        "changes around the genitals, groin or bottom (the saddle area)",
        (
            r"\bsaddle",
            r"\bgenital",
            r"\bgroin",
            r"\bperine",
            r"\binner thigh",
            r"\bback passage",
            r"\btoilet paper",
        ),
    ),
    (
        "bladder or bowel changes",
        (
            r"\bbladder",
            r"\bbowel",
            r"\bincontinen",
            r"\burin",
            r"\bpee(?:s|d|ing)?\b",
            r"\bwee(?:s|d|ing)?\b",
            r"\bpads\b",
            r"\bleaking",
            r"\bwet myself",
            r"\bpoo(?:s|ed|ing)?\b",
            r"\bsoiled",
        ),
    ),
    ("symptoms in both legs", (r"\bboth (?:legs|feet|thighs|calves)",)),
    (
        "weakness or trouble walking",
        (
            r"\bweak",
            r"\bfoot drop",
            r"\bdrop foot",
            r"\bfoot slap",
            r"\btripping",
            r"\bstumbl",
            r"\bgave way",
            r"\bgiv(?:es|ing) way",
            r"\b(?:can'?t|cannot|trouble|difficulty) walk",
        ),
    ),
    ("sexual problems", (r"\berection", r"\bejaculat")),
    ("fever or chills", (r"\bfever", r"\bhigh temperature", r"\bchills\b", r"\brigou?rs\b")),
    ("weight loss without trying", (r"\bweight loss", r"\blos(?:t|ing) weight")),
    ("chest pain", (r"\bchest pain",)),
    (
        "a fall or accident",
        (r"\bcar (?:accident|crash)", r"\bfell (?:off|down|over|from)\b", r"\bhad a fall\b"),
    ),
)
_RED_FLAG_RES = [(label, re.compile("|".join(patterns))) for label, patterns in RED_FLAG_SIGNS]
LEFT_LEG = frozenset({"thigh_left", "below_knee_left", "foot_left"})
RIGHT_LEG = frozenset({"thigh_right", "below_knee_right", "foot_right"})


@dataclass(frozen=True)
class EntryFacts:
    entry_id: int
    day: date
    regions: frozenset[str]
    text: str  # notes, activities and triggers, joined
    qualities: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Prompt:
    key: str
    kind: str  # red_flag | severe | not_improving | chronic
    title: str
    detail: str
    source: str
    urgent: bool = False
    link: tuple[str, str] | None = None  # (name, address) of the main source


def red_flag_reasons(facts: EntryFacts) -> list[str]:
    reasons = []
    if facts.regions & LEFT_LEG and facts.regions & RIGHT_LEG:
        reasons.append("pain in both legs")
    # NHS: "numbness or tingling around your genitals or buttocks" (section 1.1). One buttock
    # tingling is common with sciatica; both is the saddle pattern.
    if "tingling" in facts.qualities and {"buttock_left", "buttock_right"} <= facts.regions:
        reasons.append("tingling in both buttocks")
    text = facts.text.lower().replace("’", "'")
    signs = [label for label, pattern in _RED_FLAG_RES if pattern.search(text)]
    if signs:
        listed = ", ".join(signs[:-1]) + (", and " if len(signs) > 2 else " and ")
        reasons.append("your notes mention " + (listed if len(signs) > 1 else "") + signs[-1])
    return reasons


def _mean(days: Iterable[Day]) -> float | None:
    days = list(days)
    count = sum(day.count for day in days)
    return sum(day.total for day in days) / count if count else None


def episode_start(days: Sequence[Day]) -> date | None:
    """First day of the current run of days with pain, allowing gaps of up to 2 weeks."""
    painful = sorted(day.day for day in days if day.total > 0)
    if not painful:
        return None
    start = painful[-1]
    for earlier in reversed(painful[:-1]):
        if (start - earlier).days > EPISODE_GAP_DAYS:
            break
        start = earlier
    return start


def severe_run(days: Sequence[Day], today: date) -> tuple[date, date, int] | None:
    """(start, end, length) of the latest run of >= 3 consecutive days averaging severe pain,
    if it ended this week."""
    severe_days = sorted(day.day for day in days if day.average >= SEVERE_FROM)
    best = None
    run_start = run_end = None
    for day in severe_days:
        if run_end is not None and (day - run_end).days == 1:
            run_end = day
        else:
            run_start = run_end = day
        length = (run_end - run_start).days + 1
        if length >= SEVERE_RUN_DAYS:
            best = (run_start, run_end, length)
    if best and (today - best[1]).days <= 6:
        return best
    return None


# Addresses as given in the clinical reference (sections 1.1, 1.8 and 4.2).
NHS_BACK_PAIN = ("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")
ROYAL_FREE_CES = (
    "Royal Free London NHS: cauda equina syndrome",
    "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/"
    "cauda-equina-syndrome",
)
FARRAR_2001 = ("Farrar et al., Pain 2001 (PubMed)", "https://pubmed.ncbi.nlm.nih.gov/11690728/")
CHECKLIST_SOURCE = (
    "NHS back pain, “Call 999 or go to A&E if…”, and the Royal Free NHS cauda equina card "
    "(clinical reference, section 1.1); fracture, cancer, infection and nerve red flags "
    "(sections 1.2–1.7); diary re-check advice (section 4.1)."
)


def help_prompts(
    days: Sequence[Day],
    today: date,
    recent: Iterable[EntryFacts] = (),
    window_start: date | None = None,
) -> list[Prompt]:
    """What the journal should raise, most urgent first.

    `days` are daily sums from `window_start` (at least 16 weeks back) to today; `recent` are
    entries of the last 14 days with their regions and free text. Each prompt's key names one
    occurrence, so a dismissal holds until something new happens.
    """
    prompts: list[Prompt] = []
    for facts in sorted(recent, key=lambda f: (f.day, f.entry_id), reverse=True):
        if (today - facts.day).days > NOT_IMPROVING_DAYS:
            continue
        reasons = red_flag_reasons(facts)
        if reasons:
            prompts.append(
                Prompt(
                    key=f"red-flag-{facts.entry_id}",
                    kind="red_flag",
                    title=f"Your entry on {facts.day:%-d %B} may need a red-flag check",
                    detail="; ".join(reasons).capitalize()
                    + ". Some of these can be signs of a serious problem that needs a doctor "
                    "quickly.",
                    source=CHECKLIST_SOURCE,
                    link=ROYAL_FREE_CES,
                    urgent=True,
                )
            )

    run = severe_run(days, today)
    if run:
        first, end, length = run
        prompts.append(
            Prompt(
                # Keyed by the run's first day: dismissing it holds while the run goes on.
                key=f"severe-{first.isoformat()}",
                kind="severe",
                title=f"Severe pain {length} days running",
                detail=(
                    f"Your daily average was {SEVERE_FROM} or more out of 10 for {length} days in "
                    f"a row, up to {end:%-d %B}. The NHS advises seeing a GP if pain is very "
                    "severe or stops you doing day-to-day activities."
                ),
                source="NHS back pain, “See a GP if…” (clinical reference, section 1.8).",
                link=NHS_BACK_PAIN,
            )
        )

    start = episode_start(days)
    latest_painful = max((day.day for day in days if day.total > 0), default=None)
    if start and latest_painful and (today - latest_painful).days <= 7:
        if (today - start).days >= CHRONIC_DAYS:
            weeks = (today - start).days // 7
            prompts.append(
                Prompt(
                    # An episode older than the window has no visible start: one key for it.
                    key="chronic-ongoing"
                    if window_start and start <= window_start
                    else f"chronic-{start.isoformat()}",
                    kind="chronic",
                    title=f"You have logged pain for {weeks} weeks",
                    detail=(
                        "Back pain that lasts 12 weeks or more is called chronic (persistent). "
                        "It is worth reviewing with a GP or physiotherapist, and the clinician "
                        "summary can help that conversation."
                    ),
                    source=(
                        "12 weeks: NIH/NINDS Low Back Pain Fact Sheet, quoted in the source "
                        "article. Review: “not resumed their normal activities in 3 months”, "
                        "older NICE/CSAG referral criteria via GPnotebook (clinical reference, "
                        "section 1.7); NHS back pain, “See a GP if…” (section 1.8)."
                    ),
                    link=NHS_BACK_PAIN,
                )
            )
        elif (today - start).days >= NOT_IMPROVING_DAYS:
            this_week = _mean(d for d in days if 0 <= (today - d.day).days <= 6)
            two_weeks_ago = _mean(d for d in days if 14 <= (today - d.day).days <= 20)
            # Below an average of 2 no fall can be both 2 points and 30%: mild pain that
            # persists is left to the 12-week prompt.
            if (
                this_week is not None
                and two_weeks_ago is not None
                and this_week >= 1
                and two_weeks_ago >= MEANINGFUL_POINTS
                and not meaningful_fall(two_weeks_ago, this_week)
            ):
                needed = max(MEANINGFUL_POINTS, MEANINGFUL_FRACTION * two_weeks_ago)
                target = math.floor((two_weeks_ago - needed) * 10) / 10
                iso = today.isocalendar()
                prompts.append(
                    Prompt(
                        key=f"not-improving-{iso.year}-w{iso.week}",
                        kind="not_improving",
                        title="Your pain has not eased over 2 weeks",
                        detail=(
                            f"Your average this week is {this_week:.1f}/10; two weeks earlier it "
                            f"was {two_weeks_ago:.1f}/10. A real improvement is a fall of at "
                            f"least 2 points and at least 30% (from {two_weeks_ago:.1f}, down "
                            f"to {target:.1f} or lower). The NHS says pain should start to ease "
                            "within 2 weeks; if it has not, see a GP or physiotherapist."
                        ),
                        source=(
                            "Farrar et al., Pain 2001 and Ostelo et al., Spine 2008 (section "
                            "4.2); NHS exercise page and NHS inform (section 1.8)."
                        ),
                        link=FARRAR_2001,
                    )
                )
    return prompts
