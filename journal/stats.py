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

from guidance.checklist_questions import QUESTIONS_BY_CODE
from guidance.triage import ANSWER_CODES, EMERGENCY, assess

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

# Red flags --------------------------------------------------------------------------------

# The full entry form asks about new symptoms with the checklist's own questions: the same
# answer codes, and the wording imported from `guidance.checklist_questions`, so the two never
# drift apart. Emergency-group questions come first. The selection follows the diary re-check
# items (new bladder, bowel or saddle symptoms, leg weakness, fever, weight loss) and the
# checklist's emergency group; context answers (age, cancer history, ...) stay on the checklist.
NEW_SYMPTOM_CODES = (
    "saddle_numbness",
    "bladder_change",
    "incontinence",
    "sexual_change",
    "both_legs",
    "walking_difficulty",
    "chest_pain",
    "sudden_onset",
    "abdominal_pain",
    "faint_or_collapse",
    "feel_very_unwell",
    "leg_weakness",
    "fever",
    "weight_loss",
    "night_pain",
    "thoracic_pain",
    "back_lump",
)


def symptom_question(code: str):
    return QUESTIONS_BY_CODE[code]


def is_emergency_sign(code: str) -> bool:
    """An emergency-group question of the checklist.

    Tummy pain, sudden severe pain and new difficulty walking are emergencies on the checklist
    only with age, vascular risk or cancer; the journal does not know those, and contract v2
    counts an unknown risk answer as "not sure", which counts as yes. So every emergency-group
    sign ticked in the journal means: call 999 now.
    """
    return QUESTIONS_BY_CODE[code].emergency


# The notes are a second net: people write what they feel in their own words. The groups follow
# the NHS back pain page ("Call 999 or go to A&E if..." and "Call 111 or ask for an urgent GP
# appointment if..."), the Royal Free NHS cauda equina card (altered feeling when wiping, leaking,
# not knowing when the bladder is full), GIRFT/BASS (bladder or bowel disturbance, saddle change,
# both legs), NICE CG75 / CKS (difficulty walking, gait), NICE NG156 (tummy pain, collapse), fever,
# weight loss and fracture after an accident. Short words must stand alone: "pee" is not in
# "speed", "poo" is not in "poor", "wee" is not in "weed".
_NUMB_WORD = (
    r"(?:numb\w*|tingl\w*|pins and needles|strange|odd|funny|weird|different|"
    r"(?:can'?t|cannot|couldn'?t) feel\w*|(?:no|lost|altered|reduced) (?:feeling|sensation))"
)
_TOILET = r"(?:toilet|loo)"
_WEIGHT_UNIT = r"(?:kg|kgs|kilos?|kilograms?|lbs?|pounds?|stones?|st)\b"
RED_FLAG_SIGNS = (
    (
        "numbness or loss of feeling",
        (
            r"\bnumb",
            r"\b(?:can'?t|cannot|can not|couldn'?t|could not) feel",
            r"\b(?:no|lost|loss of|lack of|reduced|altered) (?:feeling|sensation)",
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
            r"\b(?:anus|anal|rectum|rectal|privates|crotch)\b",
            r"\bbetween (?:my|the) legs\b",
            r"\btoilet (?:paper|tissue)",
            _NUMB_WORD + r"[^.;!?,]{0,30}?\bwip(?:e|ed|es|ing)\b",
            _NUMB_WORD + r"[^.;!?,]{0,20}?\b(?:bottom|bum|backside)\b",
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
            r"\bwee(?:s|ing)?\b",
            r"\bpiss",
            r"\bpass(?:ing|ed)? water",
            r"\bwater ?works",
            r"\bwet (?:the|my) (?:bed|pants|trousers|knickers)",
            r"\bwet(?:ting)? myself",
            r"\bbed ?-?wetting|\bwetting the bed",
            r"\bdribbl",
            r"\bcatheter",
            r"\bretention\b",
            r"\bpads\b",
            r"\bleaking",
            r"\bpoo(?:s|ed|ing|ped)?\b",
            r"\bsoil(?:ed|ing)\b",
            r"\bf(?:a|ae)?ec(?:al|es)\b",
            r"\b(?:can'?t|cannot|couldn'?t|could not|unable to|trouble|difficulty|problems?|"
            r"struggl\w*) (?:to )?(?:going to |go to |getting to |get to |use |using )?the "
            + _TOILET,
            r"\b(?:didn'?t|did not|couldn'?t|could not|can'?t|cannot) (?:make|get) it to the "
            + _TOILET,
        ),
    ),
    (
        "symptoms in both legs",
        (r"\bboth (?:legs|feet|thighs|calves|knees)", r"\bbilateral", r"\bdown each leg"),
    ),
    (
        "weakness or trouble walking",
        (
            r"\bweak",
            r"\bfoot drop",
            r"\bdrop foot",
            r"\bfoot slap",
            r"\btripping",
            r"\bstumbl",
            r"\bunsteady",
            r"\bwobbl",
            r"\b(?:lost|losing|lose|poor|off|problems? with|trouble with) (?:my )?balance",
            r"\bshuffl",
            r"\b(?:gave|give|gives|giving) way",
            r"\blegs? (?:went|go|goes|going) from under",
            r"\b(?:can'?t|cannot|couldn'?t|could not|unable to|hard to|struggl\w* to|"
            r"trouble|difficulty|problems?) (?:to )?walk",
            r"\b(?:keep|kept|keeps) falling",
        ),
    ),
    ("sexual problems", (r"\berection", r"\bejaculat", r"\bimpoten")),
    (
        "fever or chills",
        (
            r"\bfever",
            r"\bhigh temperature",
            r"\bchills\b",
            r"\brigou?rs\b",
            r"\bshiver",
            r"\bnight sweats",
            r"\b(?:3[89]|4[01])(?:[.,]\d)? ?(?:°|degrees|c\b)",
        ),
    ),
    (
        "weight loss without trying",
        (
            r"\bweight loss",
            r"\blos(?:t|ing|e) (?:a lot of |lots of |some |more )?weight",
            r"\blos(?:t|ing) (?:about |around |nearly |almost |over )?\d+(?:[.,]\d+)? ?"
            + _WEIGHT_UNIT,
            r"\b(?:dropped|down) (?:about |around |nearly |almost |over )?\d+(?:[.,]\d+)? ?"
            + _WEIGHT_UNIT,
            r"\bweight (?:has |is )?(?:dropped|dropping|gone down|going down|falling off)",
            r"\bclothes (?:are |feel )?(?:loose|baggy|hanging off)",
        ),
    ),
    (
        "chest pain",
        (
            r"\bchest (?:pain|tightness|pressure)",
            r"\bpain in (?:my|the) chest",
            r"\btight(?:ness)? (?:in|across) (?:my|the) chest",
            r"\btight chest",
            r"\bchest (?:feels|felt|is|was) tight",
        ),
    ),
    (
        "tummy pain",
        (
            r"\b(?:tummy|stomach|abdomen|abdominal|belly) (?:pain|ache|cramps?|hurts?)",
            r"\b(?:tummy|stomach|belly) ?ache",
            r"\bpain in (?:my|the) (?:tummy|stomach|abdomen|belly)",
            r"\bpuls(?:e|ing|ating)\b[^.;!?,]{0,20}?\b(?:tummy|stomach|abdomen|belly)",
        ),
    ),
    (
        "fainting or collapse",
        (r"\bfaint", r"\bpass(?:ed|ing)? out\b", r"\bcollaps", r"\bblack(?:ed)? out", r"\bclammy"),
    ),
    (
        "feeling very unwell, confused or drowsy",
        (
            r"\bconfus",
            r"\bdrowsy",
            r"\bdisorient",
            r"\bdelirious",
            r"\bmuddled",
            r"\bnot making sense",
            r"\b(?:very|really|so|extremely) (?:unwell|ill|poorly)",
        ),
    ),
    (
        "sudden, severe pain unlike before",
        (
            r"\bsudden(?:ly)?\b[^.;!?,]{0,20}?\b(?:severe|terrible|excruciating|agoni[sz]ing|"
            r"tearing|ripping|worst)",
            r"\b(?:tearing|ripping) pain",
            r"\bworst (?:back )?pain (?:of my life|ever|i'?ve ever)",
        ),
    ),
    (
        "a fall or accident",
        (
            r"\b(?:car|road|traffic|motorbike|bike) (?:accident|crash|collision)",
            r"\bhit by a (?:car|van|bus|lorry)",
            r"\bfell (?:off|down|over|from)\b",
            r"\bhad a fall\b",
            r"\bslipped and fell\b",
        ),
    ),
)
_RED_FLAG_RES = [(label, re.compile("|".join(patterns))) for label, patterns in RED_FLAG_SIGNS]
# A sign reported only because a diet worked is not weight loss "without trying".
_DELIBERATE_WEIGHT_LOSS = re.compile(
    r"\b(?:on (?:a|my|the) diet|dieting|on purpose|slimming|weight watchers|trying to lose)"
)

# Negation: "no numbness", "not confused", "without fever", "haven't had any leaking". The cue
# must sit in the same clause, at most three words before the sign; a comma, "and", "but" or a
# full stop ends its reach, so "no pain relief, wet the bed" still counts. Phrases such as "not
# able to pee", "no control of my bladder" or "no feeling when I wipe" describe the sign itself
# and are never read as negations. Missing a red flag is the worse mistake, so anything less
# clear-cut counts as a mention.
_CLAUSE_END = re.compile(
    r"[.;:!?,\n()]|\b(?:and|but|however|although|though|except|apart from|yet|now|then|"
    r"since|because|until)\b"
)
_NEGATION_CUE = re.compile(
    r"\b(?:no|not|without|never|nor|denies|deny|nil|free of|none of|"
    r"(?:haven'?t|hasn'?t|hadn'?t|didn'?t|don'?t|doesn'?t|have not|has not|did not|do not|"
    r"does not) (?:had|have|got|notice|noticed|any))\b"
)
# What follows a cue when the phrase reports the sign rather than denying it.
_NOT_A_NEGATION = re.compile(
    r"\s+(?:(?:been|really|quite|even|always|any|the|my|have|had|got)\s+)*(?:able|control|"
    r"feeling|sensation|feel|urge|warning|idea|sure|only|longer|stop|make|hold|pass|start|"
    r"empty|tell|know|go|get|getting|normal|right|much|trying|dieting)\b"
)
NEGATION_REACH = 3  # words between the cue and the sign


def _negated(text: str, start: int) -> bool:
    clause_start = 0
    for end in _CLAUSE_END.finditer(text, 0, start):
        clause_start = end.end()
    clause = text[clause_start:start]
    for cue in _NEGATION_CUE.finditer(clause):
        if _NOT_A_NEGATION.match(clause, cue.end()):
            continue
        if len(clause[cue.end() :].split()) <= NEGATION_REACH:
            return True
    return False


def _sentence(text: str, position: int) -> str:
    start = max(text.rfind(mark, 0, position) for mark in ".;!?\n") + 1
    ends = [i for i in (text.find(mark, position) for mark in ".;!?\n") if i != -1]
    return text[start : min(ends, default=len(text))]


def note_signs(text: str) -> list[str]:
    """The red-flag groups that free text mentions, negated mentions left out."""
    text = text.lower().replace("’", "'").replace("‘", "'")
    signs = []
    for label, pattern in _RED_FLAG_RES:
        for match in pattern.finditer(text):
            if _negated(text, match.start()):
                continue
            if label == "weight loss without trying":
                deliberate = _DELIBERATE_WEIGHT_LOSS.search(_sentence(text, match.start()))
                if deliberate and not _negated(text, match.start() + deliberate.start()):
                    continue
            signs.append(label)
            break
    return signs


LEFT_LEG = frozenset({"thigh_left", "below_knee_left", "foot_left"})
RIGHT_LEG = frozenset({"thigh_right", "below_knee_right", "foot_right"})
# NHS back pain: "Call 111 or ask for an urgent GP appointment if ... the pain is coming from the
# top of your back (between your shoulders), rather than your lower back". Both regions are the
# thoracic spine, so both prompt; the neck is not on that list and does not.
HIGH_BACK = frozenset({"upper_back", "mid_back"})


@dataclass(frozen=True)
class EntryFacts:
    entry_id: int
    day: date
    regions: frozenset[str]
    text: str  # notes, activities and triggers, joined
    qualities: frozenset[str] = frozenset()
    symptoms: frozenset[str] = frozenset()  # ticked new-symptom codes


@dataclass(frozen=True)
class RedFlags:
    """What an entry raises: `emergency` means call 999 now; `check` means the checklist."""

    emergency: tuple[str, ...] = ()
    check: tuple[str, ...] = ()

    @property
    def reasons(self) -> list[str]:
        return [*self.emergency, *self.check]

    def __bool__(self) -> bool:
        return bool(self.emergency or self.check)


@dataclass(frozen=True)
class Prompt:
    key: str
    kind: str  # red_flag | upper_back | severe | not_improving | chronic
    title: str
    detail: str
    source: str
    urgent: bool = False
    link: tuple[str, str] | None = None  # (name, address) of the main source
    emergency: bool = False  # lead with "call 999 now", not with the checklist


def _listed(items: Sequence[str]) -> str:
    if len(items) < 3:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def _ticked(codes: Iterable[str]) -> str:
    return "you ticked " + _listed([ANSWER_CODES[code] for code in codes])


def red_flags(facts: EntryFacts) -> RedFlags:
    emergency, check = [], []
    ticked = [code for code in NEW_SYMPTOM_CODES if code in facts.symptoms]
    if ticked:
        # A single emergency-group sign is enough; the checklist's own rules decide too, so a
        # combination that is an emergency there (fever with new leg weakness) is one here.
        urgent_now = any(map(is_emergency_sign, ticked)) or (
            assess(dict.fromkeys(ticked, True)).level == EMERGENCY
        )
        (emergency if urgent_now else check).append(_ticked(ticked))
    if facts.regions & LEFT_LEG and facts.regions & RIGHT_LEG:
        check.append("pain in both legs")
    # NHS: "numbness or tingling around your genitals or buttocks". One buttock tingling is
    # common with sciatica; both is the saddle pattern.
    if "tingling" in facts.qualities and {"buttock_left", "buttock_right"} <= facts.regions:
        check.append("tingling in both buttocks")
    signs = note_signs(facts.text)
    if signs:
        check.append("your notes mention " + _listed(signs))
    return RedFlags(tuple(emergency), tuple(check))


def red_flag_reasons(facts: EntryFacts) -> list[str]:
    return red_flags(facts).reasons


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


# Addresses as given in the clinical reference (sections 1.1, 1.3, 1.8 and 4.2).
NHS_BACK_PAIN = ("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")
ROYAL_FREE_CES = (
    "Royal Free London NHS: cauda equina syndrome",
    "https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/"
    "cauda-equina-syndrome",
)
FARRAR_2001 = ("Farrar et al., Pain 2001 (PubMed)", "https://pubmed.ncbi.nlm.nih.gov/11690728/")
CHECKLIST_SOURCE = (
    "NHS: Back pain (when to go to A&E, and when to ask for an urgent GP appointment); Royal "
    "Free London NHS: cauda equina syndrome card; GIRFT National Suspected Cauda Equina "
    "Syndrome Pathway (2023)."
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
    recent = sorted(recent, key=lambda f: (f.day, f.entry_id), reverse=True)
    recent = [facts for facts in recent if (today - facts.day).days <= NOT_IMPROVING_DAYS]
    for facts in recent:
        flags = red_flags(facts)
        if flags:
            prompts.append(
                Prompt(
                    key=f"red-flag-{facts.entry_id}",
                    kind="red_flag",
                    title=f"Your entry on {facts.day:%-d %B} may need a red-flag check",
                    detail="; ".join(flags.reasons).capitalize()
                    + ". Some of these can be signs of a serious problem that needs a doctor "
                    "quickly.",
                    source=CHECKLIST_SOURCE,
                    link=ROYAL_FREE_CES,
                    urgent=True,
                    emergency=bool(flags.emergency),
                )
            )
    # Emergency advice first, whatever the date of the entry.
    prompts.sort(key=lambda prompt: not prompt.emergency)

    start = episode_start(days)
    high_back = [facts for facts in recent if facts.regions & HIGH_BACK]
    if high_back:
        first = min(facts.day for facts in high_back)
        episode = start if start and start <= first else first
        prompts.append(
            Prompt(
                # Once per episode of pain: pain that has always been there is no news.
                key="upper-back-ongoing"
                if window_start and episode <= window_start
                else f"upper-back-{episode.isoformat()}",
                kind="upper_back",
                title="Pain in your upper or mid back",
                detail=(
                    "The NHS advises getting urgent advice the same day when back pain comes "
                    "from the top of your back, between the shoulders, rather than the lower "
                    "back. The checklist asks about it together with the other signs that "
                    "decide how soon you should be seen."
                ),
                source="NHS: Back pain (when to ask for an urgent GP appointment).",
                link=NHS_BACK_PAIN,
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
                source="NHS: Back pain, “See a GP if…”.",
                link=NHS_BACK_PAIN,
            )
        )

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
                        "article. Review: NHS: Back pain, “See a GP if the pain does not "
                        "improve within a few weeks”; older NICE/CSAG referral criteria "
                        "(historical): “not resumed their normal activities in 3 months”."
                    ),
                    link=NHS_BACK_PAIN,
                )
            )
        elif (today - start).days >= NOT_IMPROVING_DAYS:
            # The same verdict as Trends and the clinician summary (journal/progress.py).
            from .progress import NOT_IMPROVING, progress

            found = progress(days, today)
            this_week, two_weeks_ago = found.after, found.before
            # Below an average of 2 no fall can be both 2 points and 30%: mild pain that
            # persists is left to the 12-week prompt.
            if (
                found.verdict == NOT_IMPROVING
                and this_week >= 1
                and two_weeks_ago >= MEANINGFUL_POINTS
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
                            "Farrar et al., Pain 2001; Ostelo et al., Spine 2008; NHS: Lower "
                            "back pain exercises and NHS inform (pain should start to ease "
                            "within 2 weeks)."
                        ),
                        link=FARRAR_2001,
                    )
                )
    return prompts
