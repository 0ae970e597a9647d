"""Safety invariants of the triage rules over many random answer sets (Hypothesis): more yes
answers, a "not sure" risk answer or a longer duration never lower the level."""

from hypothesis import given, settings
from hypothesis import strategies as st

from guidance import triage
from guidance.triage import LEVELS, RISK_MODIFIER_CODES, assess, assess_with_not_sure

BOOLEANS = sorted(triage.BOOLEAN_CODES)
ages = st.integers(min_value=1, max_value=120)
weeks = st.integers(min_value=0, max_value=5200)
answer_sets = st.fixed_dictionaries(
    {},
    optional={
        **{code: st.booleans() for code in BOOLEANS},
        "age": ages,
        "duration_weeks": weeks,
    },
)


def rank(result) -> int:
    return LEVELS.index(result.level)


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, code=st.sampled_from(BOOLEANS))
def test_answering_yes_never_lowers_the_level(answers, code):
    assert rank(assess({**answers, code: True})) <= rank(assess(answers))


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, code=st.sampled_from(BOOLEANS))
def test_a_no_is_never_more_urgent_than_a_blank(answers, code):
    blank = {k: v for k, v in answers.items() if k != code}
    assert rank(assess({**blank, code: False})) == rank(assess(blank))


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, more=weeks)
def test_a_longer_duration_never_lowers_the_level(answers, more):
    longer = {**answers, "duration_weeks": answers.get("duration_weeks", 0) + more}
    longer["duration_weeks"] = min(longer["duration_weeks"], 5200)
    assert rank(assess(longer)) <= rank(assess({**answers, "duration_weeks": 0}))


@settings(max_examples=200, deadline=None)
@given(answers=answer_sets, code=st.sampled_from(RISK_MODIFIER_CODES))
def test_not_sure_is_never_less_urgent_than_any_real_answer(answers, code):
    """Contract v2: "not sure" counts as yes; for age, as the most urgent age."""
    without = {k: v for k, v in answers.items() if k != code}
    not_sure = rank(assess_with_not_sure(without, [code]))
    if code == "age":
        assert all(not_sure <= rank(assess({**without, "age": age})) for age in range(1, 121))
    else:
        assert not_sure <= rank(assess({**without, code: True}))
        assert not_sure <= rank(assess({**without, code: False}))
