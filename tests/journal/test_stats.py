"""Trend, trigger and monitoring rules against numbers worked out by hand."""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from journal.stats import (
    Day,
    EntryFacts,
    LoadEffect,
    associations,
    episode_start,
    help_prompts,
    load_threshold,
    meaningful_fall,
    red_flag_reasons,
    severe_run,
    severity,
    summary_numbers,
    weekly_averages,
)

TODAY = date(2026, 11, 25)  # a Wednesday


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def flat(first: int, last: int, pain: int) -> list[Day]:
    """One entry a day from `first` days ago to `last` days ago, all at `pain`."""
    return [Day(days_ago(n), pain, 1, pain) for n in range(first, last - 1, -1)]


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        (6, 4, True),  # 2 points and 33%
        (5, 3, True),  # 2 points and 40%
        (10, 7, True),  # 3 points and exactly 30%
        (5, 3.5, False),  # exactly 30% but only 1.5 points
        (2, 1.4, False),  # 30% but 0.6 points
        (3, 2, False),  # 33% but 1 point
        (9, 7, False),  # 2 points but 22%
        (8, 5.7, False),  # 2.3 points but 29%
        (8, 5.6, True),  # 2.4 points and 30%
        (3, 3, False),
        (3, 5, False),  # worse is not improvement
        (0, 0, False),
    ],
)
def test_meaningful_fall_needs_two_points_and_thirty_percent(before, after, expected):
    assert meaningful_fall(before, after) is expected


@pytest.mark.parametrize(
    ("pain", "word"),
    [
        (0, "none"),
        (1, "mild"),
        (3, "mild"),
        (4, "moderate"),
        (6, "moderate"),
        (7, "severe"),
        (10, "severe"),
    ],
)
def test_severity_words_follow_the_nhs_anchors(pain, word):
    assert severity(pain) == word


def test_weekly_averages_weigh_every_entry_the_same():
    # Mon 16 Nov: entries 2 and 4 (sum 6); Sun 22 Nov: entry 9. Week mean (2+4+9)/3 = 5.
    # Mon 23 Nov: entry 3. Next week mean 3.
    days = [
        Day(date(2026, 11, 16), 6, 2, 4),
        Day(date(2026, 11, 22), 9, 1, 9),
        Day(date(2026, 11, 23), 3, 1, 3),
    ]
    weeks = weekly_averages(days)
    assert [(w.start, w.count, w.days, w.average) for w in weeks] == [
        (date(2026, 11, 16), 3, 2, 5.0),
        (date(2026, 11, 23), 1, 1, 3.0),
    ]


def test_summary_numbers():
    days = [Day(date(2026, 11, 16), 6, 2, 4), Day(date(2026, 11, 22), 9, 1, 9)]
    assert summary_numbers(days) == {"count": 3, "average": 5.0, "worst": 9, "days": 2}
    assert summary_numbers([])["average"] is None


def test_associations_compare_with_and_without_and_hold_back_thin_data():
    # Six entries, pain 6, 7, 8 (tagged "sitting") and 2, 3, 4: total 30.
    # sitting: 3 with (mean 7), 3 without (mean 3) -> +4, enough data.
    # walking: on the 2 and 3 entries only -> 2 with: not enough.
    # stretching: on 2, 3, 4 and 6 -> 4 with (mean 3.75), 2 without: not enough.
    # heat: on 2, 3, 4 -> mean 3 against 7 without -> -4.
    rows = [
        ("trigger", "sitting", 3, 21),
        ("activity", "walking", 2, 5),
        ("reliever", "stretching", 4, 15),
        ("reliever", "heat", 3, 9),
    ]
    found = associations(rows, total_count=6, total_sum=30)
    by_value = {a.value: a for a in found}
    assert by_value["sitting"].mean_with == 7
    assert by_value["sitting"].mean_without == 3
    assert by_value["sitting"].difference == 4
    assert by_value["sitting"].direction == "higher"
    assert by_value["heat"].difference == -4
    assert by_value["heat"].direction == "lower"
    assert not by_value["heat"].small and not by_value["sitting"].small
    assert by_value["walking"].enough_data is False
    assert by_value["walking"].direction == "not enough data"
    assert by_value["stretching"].n_without == 2
    assert by_value["stretching"].mean_with == 3.75
    assert by_value["stretching"].enough_data is False
    # Findings first (largest difference either way), then thin data by count.
    assert [a.value for a in found] == ["heat", "sitting", "stretching", "walking"]


def test_minimum_data_rule_is_three_with_and_three_without():
    exactly = associations([("trigger", "x", 3, 15)], total_count=6, total_sum=21)[0]
    assert exactly.enough_data and exactly.difference == 3
    # Mean 4 with, (27 - 12) / 3 = 5 without: a finding, but under the 2-point change.
    slight = associations([("trigger", "y", 3, 12)], total_count=6, total_sum=27)[0]
    assert slight.difference == -1 and slight.small and slight.direction == "lower"
    short = associations([("trigger", "x", 3, 15)], total_count=5, total_sum=18)[0]
    assert not short.enough_data  # only 2 without
    everywhere = associations([("trigger", "x", 4, 20)], total_count=4, total_sum=20)[0]
    assert everywhere.mean_without is None and everywhere.difference is None
    assert everywhere.direction == "not enough data"


def test_load_threshold_finds_where_pain_rose():
    loads = [
        LoadEffect(Decimal("80"), 3, 0.33),
        LoadEffect(Decimal("90"), 1, 3.0),  # a single workout proves nothing: ignored
        LoadEffect(Decimal("100"), 2, 2.5),
        LoadEffect(Decimal("120"), 2, 4.0),
    ]
    assert load_threshold(loads) == (Decimal("100"), Decimal("80"))


def test_load_threshold_none_when_pain_never_rose_by_two():
    loads = [LoadEffect(Decimal("80"), 3, 1.0), LoadEffect(Decimal("100"), 3, 1.9)]
    assert load_threshold(loads) == (None, None)


def test_load_threshold_at_the_lightest_load():
    loads = [LoadEffect(Decimal("40"), 2, 2.0)]
    assert load_threshold(loads) == (Decimal("40"), None)


def test_not_improving_after_two_weeks_when_the_weekly_average_barely_fell():
    # Pain 6 every day three weeks ago, 5 this week: a 1-point (17%) fall.
    days = flat(20, 7, 6) + flat(6, 0, 5)
    prompts = help_prompts(days, TODAY)
    assert [p.kind for p in prompts] == ["not_improving"]
    assert "5.0/10" in prompts[0].detail and "6.0/10" in prompts[0].detail
    assert prompts[0].key == "not-improving-2026-w48"


def test_a_two_point_fall_counts_as_improvement():
    days = flat(20, 7, 6) + flat(6, 0, 4)
    assert help_prompts(days, TODAY) == []


def test_a_thirty_percent_fall_alone_is_not_improvement():
    days = flat(20, 7, 5) + [Day(days_ago(n), 7, 2, 4) for n in range(6, -1, -1)]  # 3.5 a day
    prompts = help_prompts(days, TODAY)
    assert [p.kind for p in prompts] == ["not_improving"]
    # 2 points from 5 is 40%, more than 30%: the target is 3.0.
    detail = prompts[0].detail
    assert "at least 2 points and at least 30% (from 5.0, down to 3.0 or lower)" in detail


def test_a_two_point_fall_from_a_high_score_is_not_improvement():
    # 8 -> 6 is 2 points but 25%; 30% of 8 is 2.4, so the target is 5.6.
    prompts = help_prompts(flat(20, 7, 8) + flat(6, 0, 6), TODAY)
    assert [p.kind for p in prompts] == ["not_improving"]
    assert "down to 5.6 or lower" in prompts[0].detail
    assert help_prompts(flat(20, 7, 8) + flat(6, 0, 5), TODAY) == []


def test_no_not_improving_prompt_for_mild_pain_that_no_fall_could_improve():
    # From an average of 1.5 no fall reaches 2 points; the 12-week prompt covers it.
    days = [Day(days_ago(n), 3, 2, 2) for n in range(20, 6, -1)] + flat(6, 0, 1)
    assert help_prompts(days, TODAY) == []
    assert [p.kind for p in help_prompts(flat(20, 7, 2) + flat(6, 0, 1), TODAY)] == [
        "not_improving"
    ]


def test_no_not_improving_prompt_before_two_weeks_of_pain():
    days = flat(12, 0, 6)
    assert help_prompts(days, TODAY) == []


def test_no_prompt_when_pain_is_gone():
    days = flat(20, 7, 3) + flat(6, 0, 0)
    assert help_prompts(days, TODAY) == []


def test_chronic_after_twelve_weeks_with_gaps_of_up_to_two_weeks():
    # A painful day every 10 days from 90 days ago to today: gaps of 9 days are one episode.
    days = [Day(days_ago(n), 4, 1, 4) for n in range(90, -1, -10)]
    assert episode_start(days) == days_ago(90)
    prompts = help_prompts(days, TODAY)
    assert [p.kind for p in prompts] == ["chronic"]
    assert prompts[0].title == "You have logged pain for 12 weeks"
    assert "NINDS" in prompts[0].source and "NICE/CSAG" in prompts[0].source
    assert "section" not in prompts[0].source
    assert prompts[0].link == ("NHS: Back pain", "https://www.nhs.uk/conditions/back-pain/")
    assert prompts[0].key == f"chronic-{days_ago(90).isoformat()}"


def test_prompt_keys_stay_the_same_while_the_situation_goes_on():
    # A severe run that goes on keeps its key (its first day), so a dismissal holds.
    run = flat(10, 4, 3) + flat(3, 1, 8)
    longer = flat(10, 4, 3) + flat(3, 0, 8)
    assert [p.key for p in help_prompts(run, TODAY)] == ["severe-2026-11-22"]
    assert [p.key for p in help_prompts(longer, TODAY)] == ["severe-2026-11-22"]
    # An episode that began before the 16-week window has one key, whatever day it is.
    window = days_ago(112)
    today_keys = [p.key for p in help_prompts(flat(112, 0, 5), TODAY, window_start=window)]
    tomorrow = TODAY + timedelta(days=1)
    shifted = [Day(d.day + timedelta(days=1), d.total, d.count, d.worst) for d in flat(112, 0, 5)]
    tomorrow_keys = [
        p.key for p in help_prompts(shifted, tomorrow, window_start=window + timedelta(days=1))
    ]
    assert today_keys == tomorrow_keys == ["chronic-ongoing"]


def test_a_break_of_more_than_two_weeks_starts_a_new_episode():
    days = [Day(days_ago(100), 5, 1, 5)] + flat(80, 0, 5)  # 20-day gap after day -100
    assert episode_start(days) == days_ago(80)
    kinds = [p.kind for p in help_prompts(days, TODAY)]
    assert "chronic" not in kinds  # 80 days < 84


def test_chronic_boundary_is_84_days():
    assert [p.kind for p in help_prompts(flat(84, 0, 5), TODAY)] == ["chronic"]
    assert "chronic" not in [p.kind for p in help_prompts(flat(83, 0, 5), TODAY)]


def test_severe_pain_three_days_running():
    days = flat(10, 4, 3) + [Day(days_ago(n), 15, 2, 8) for n in (3, 2, 1)]  # 7.5 a day
    assert severe_run(days, TODAY) == (days_ago(3), days_ago(1), 3)
    prompts = help_prompts(days, TODAY)
    assert [p.kind for p in prompts] == ["severe"]
    assert prompts[0].title == "Severe pain 3 days running"


def test_two_severe_days_or_an_old_run_do_not_prompt():
    two = flat(10, 3, 3) + flat(2, 1, 8)
    assert severe_run(two, TODAY) is None
    broken = [Day(days_ago(n), 8, 1, 8) for n in (5, 4, 2, 1)]  # gap on day -3
    assert severe_run(broken, TODAY) is None
    old = flat(12, 10, 9)  # ended 10 days ago
    assert severe_run(old, TODAY) is None


def test_a_single_spike_does_not_make_a_severe_day():
    # Worst 9 but the daily average is (9 + 2 + 2) / 3 = 4.3.
    days = [Day(days_ago(n), 13, 3, 9) for n in (3, 2, 1)]
    assert severe_run(days, TODAY) is None


def test_red_flags_from_regions_and_notes():
    both = EntryFacts(1, TODAY, frozenset({"below_knee_left", "below_knee_right"}), "")
    assert red_flag_reasons(both) == ["pain in both legs"]
    thigh_and_foot = EntryFacts(1, TODAY, frozenset({"thigh_left", "foot_right"}), "")
    assert red_flag_reasons(thigh_and_foot) == ["pain in both legs"]
    one = EntryFacts(2, TODAY, frozenset({"below_knee_left", "foot_left", "buttock_right"}), "")
    assert red_flag_reasons(one) == []
    notes = EntryFacts(3, TODAY, frozenset(), "Numbness around my bottom, and my bladder feels odd")
    assert red_flag_reasons(notes) == [
        "your notes mention numbness or loss of feeling, changes around the genitals, groin or "
        "bottom (the saddle area), and bladder or bowel changes"
    ]
    tingling = EntryFacts(
        4, TODAY, frozenset({"thigh_left"}), "tingling down the leg after sitting"
    )
    assert red_flag_reasons(tingling) == []
    innocent = EntryFacts(
        5,
        TODAY,
        frozenset(),
        "Walked at speed, a tweak; iPads, poor night, fell asleep on a bar stool",
    )
    assert red_flag_reasons(innocent) == []
    short = EntryFacts(6, TODAY, frozenset(), "Can’t feel my foot properly and it hurts to pee")
    assert red_flag_reasons(short) == [
        "your notes mention numbness or loss of feeling and bladder or bowel changes"
    ]


def test_three_signs_are_listed_in_plain_english():
    facts = EntryFacts(1, TODAY, frozenset(), "numb, weak and a fever")
    assert red_flag_reasons(facts) == [
        "your notes mention numbness or loss of feeling, weakness or trouble walking, "
        "and fever or chills"
    ]


def test_tingling_in_both_buttocks_is_a_red_flag_but_one_side_is_not():
    both = frozenset({"buttock_left", "buttock_right"})
    tingling = frozenset({"tingling"})
    assert red_flag_reasons(EntryFacts(1, TODAY, both, "", tingling)) == [
        "tingling in both buttocks"
    ]
    assert red_flag_reasons(EntryFacts(1, TODAY, frozenset({"buttock_left"}), "", tingling)) == []
    assert red_flag_reasons(EntryFacts(1, TODAY, both, "", frozenset({"ache"}))) == []


@pytest.mark.parametrize(
    ("note", "sign"),
    [
        ("pins and needles in my groin", "the saddle area"),
        ("odd feeling when using toilet paper", "the saddle area"),
        ("peeing is difficult", "bladder or bowel changes"),
        ("leaking a bit, had to wear pads", "bladder or bowel changes"),
        ("couldn't stop pooing", "bladder or bowel changes"),
        ("aching in both legs", "both legs"),
        ("left foot slapping, tripping on stairs", "weakness"),
        ("knee gave way", "weakness"),
        ("trouble walking today", "weakness"),
        ("fever and chills", "fever"),
        ("lost weight without trying", "weight loss"),
        ("chest pain with the back pain", "chest pain"),
        ("fell off a ladder", "a fall or accident"),
        ("problems with erections", "sexual problems"),
    ],
)
def test_red_flag_notes_cover_the_reference_lists(note, sign):
    [reason] = red_flag_reasons(EntryFacts(1, TODAY, frozenset(), note))
    assert sign in reason


def test_red_flag_prompts_come_first_and_only_for_the_last_two_weeks():
    recent = [
        EntryFacts(7, days_ago(1), frozenset({"foot_left", "foot_right"}), ""),
        EntryFacts(8, days_ago(20), frozenset(), "numb"),
    ]
    days = flat(2, 0, 8)
    prompts = help_prompts(days, TODAY, recent)
    assert [(p.kind, p.key, p.urgent) for p in prompts] == [
        ("red_flag", "red-flag-7", True),
        ("severe", "severe-2026-11-23", False),
    ]
    assert "pain in both legs" in prompts[0].detail.lower()
    assert "serious problem that needs a doctor quickly" in prompts[0].detail
