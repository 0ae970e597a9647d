"""Item 2 over HTTP: the answers that can turn another sign into an emergency or same-day case
are asked of everyone; a blank one is asked for (never a lower result), and "not sure" counts as
yes inside every combination, said on the result."""

import re

import pytest

from guidance import triage
from guidance.checklist_questions import QUESTIONS, QUESTIONS_BY_CODE
from tests.guidance.checklist_answers import all_no

pytestmark = pytest.mark.django_db

CASES = [
    pytest.param(case, modifier, id=f"{case.rule}-{'+'.join(sorted(case.answers))}-{modifier}")
    for case in triage.combination_cases()
    for modifier in case.modifiers
]


def form_data(answers: dict) -> dict:
    words = {True: "yes", False: "no"}
    return all_no(**{code: words.get(value, value) for code, value in answers.items()})


def level_of(text: str) -> str | None:
    found = re.findall(r'data-triage-level="([a-z_]+)"', text)
    assert len(found) <= 1, found
    return found[0] if found else None


def at_least(level: str, wanted: str) -> bool:
    return triage.LEVELS.index(level) <= triage.LEVELS.index(wanted)


def test_there_are_combination_cases_to_walk():
    assert len(CASES) >= 30


@pytest.mark.parametrize("case, modifier", CASES)
def test_a_blank_risk_answer_is_asked_for_and_never_gives_a_lower_result(client, case, modifier):
    data = form_data(case.answers)
    del data[modifier]

    text = client.post("/checklist/", data).text

    level = level_of(text)
    if level is None:  # the form came back: it asks for exactly that answer
        assert f'id="error-{modifier}"' in text
        assert "Please answer every question marked “answer needed”" in text
    else:  # an emergency was shown first, counting the blank as the more urgent answer
        assert level == triage.EMERGENCY
        assert at_least(level, case.level)


@pytest.mark.parametrize("case, modifier", CASES)
def test_not_sure_counts_as_yes_and_the_result_says_so(client, case, modifier):
    data = form_data(case.answers)
    if modifier == "age":
        del data["age"]
        data["age_not_sure"] = "on"
    else:
        data[modifier] = "unsure"

    text = client.post("/checklist/", data).text

    level = level_of(text)
    assert level is not None, "a complete form gives a result"
    assert at_least(level, case.level), (level, case.level)
    note = text[text.index('id="not-sure-counted"') :].split("</p>")[0]
    assert QUESTIONS_BY_CODE[modifier].label in note
    assert "counted it as yes" in note or "counted them as yes" in note


def test_every_risk_answer_is_needed_and_offers_not_sure(client):
    text = client.get("/checklist/").text
    needed = text[text.index('id="group-needed"') : text.index('id="group-about"')]

    for question in QUESTIONS:
        if question.modifier and not question.number:
            assert f'id="id_{question.code}_unsure"' in needed
            assert f'id="id_{question.code}_yes" value="yes" required>' in needed
    assert 'id="id_age_not_sure"' in needed
    assert "<details" not in needed  # never folded away


def test_answering_no_to_every_risk_answer_gives_a_result_without_a_not_sure_note(client):
    text = client.post("/checklist/", all_no()).text

    assert level_of(text) == triage.SELF_CARE
    assert 'id="not-sure-counted"' not in text


def test_a_blank_age_without_not_sure_is_asked_for(client):
    data = all_no()
    del data["age"]

    text = client.post("/checklist/", data).text

    assert level_of(text) is None
    assert "Please enter your age, or tick “Not sure”." in text


@pytest.mark.parametrize("pain", ["severe_pain", "worsening"])
def test_an_older_persons_severe_or_worsening_new_pain_reaches_at_least_within_days(client, pain):
    text = client.post("/checklist/", all_no(age=78, duration_weeks=0, **{pain: "yes"})).text

    assert at_least(level_of(text), triage.WITHIN_DAYS)


def test_the_positive_option_labels_are_the_radio_labels(client):
    text = client.get("/checklist/").text
    question = QUESTIONS_BY_CODE["not_improving"]

    for value, label in question.options:
        assert re.search(
            rf'id="id_not_improving_{value}" value="{value}"[^>]*>\s*{re.escape(label)}\s*</label>',
            text,
        )
    assert "Has the pain not started" not in text

    result = client.post("/checklist/", all_no(not_improving="yes")).text
    assert "<td>It has not started to get better yet</td>" in result
