"""Issue 8 and contract v2: risk answers and "not sure", combination cases, positive option
labels, care cards by region, and sources a person can check."""

import re

import pytest

from guidance import source_notes, triage
from guidance.checklist_questions import (
    CANCER_TEAM_RULES,
    DESIGN_CHOICES,
    EMERGENCY_CODES,
    GROUPS,
    LEVEL_INFO,
    PERSONAL_SAFETY_NET,
    QUESTIONS,
    QUESTIONS_BY_CODE,
    REGIONS,
    SAFETY_NET,
    care_card,
)
from guidance.triage import (
    EMERGENCY,
    LEVELS,
    RISK_MODIFIER_CODES,
    SAME_DAY,
    WITHIN_DAYS,
    assess,
    assess_with_not_sure,
    combination_cases,
)

CONTRACT_MODIFIERS = {
    "age",
    "cancer_history",
    "osteoporosis",
    "long_term_steroids",
    "immunosuppressed",
    "iv_drug_use",
    "leg_weakness",
    "leg_numbness",
}
CASES = list(combination_cases())


def rank(level: str) -> int:
    return LEVELS.index(level)


def test_risk_modifiers_are_the_contract_list_plus_vascular_risk_and_marked_on_questions():
    assert set(RISK_MODIFIER_CODES) == CONTRACT_MODIFIERS | {"vascular_risk"}
    assert {q.code for q in QUESTIONS if q.modifier} == set(RISK_MODIFIER_CODES)


def test_the_version_2_codes_have_questions_asked_where_a_blank_cannot_hide_them():
    for code in ("walking_difficulty", "sudden_onset", "vascular_risk"):
        assert code in triage.BOOLEAN_CODES
    assert QUESTIONS_BY_CODE["walking_difficulty"].emergency
    assert QUESTIONS_BY_CODE["sudden_onset"].emergency
    assert QUESTIONS_BY_CODE["vascular_risk"].modifier


def test_combination_cases_cover_the_rules_that_combine_a_risk_answer_with_another_sign():
    assert {case.rule for case in CASES} == {
        "fracture_with_nerve_signs",
        "fracture_fragility",
        "fracture_older_minor_trauma",
        "mscc_cancer_with_nerve_signs",
        "mscc_cancer_with_spinal_pain",
        "infection_with_nerve_signs",
        "aaa_abdominal_pain_risk",
        "aaa_sudden_onset_risk",
    }
    assert {"cancer_history": True, "leg_weakness": True} in [case.answers for case in CASES]
    assert {"abdominal_pain": True, "vascular_risk": True} in [case.answers for case in CASES]


@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.rule}-{'-'.join(case.answers)}")
def test_each_combination_case_is_minimal_and_fires_its_rule(case):
    result = assess(case.answers)
    assert case.rule in [reason.rule.id for reason in result.reasons]
    assert rank(result.level) <= rank(case.level) and case.level in (EMERGENCY, SAME_DAY)
    assert case.modifiers and set(case.modifiers) <= set(RISK_MODIFIER_CODES)
    for code in case.answers:
        smaller = {k: v for k, v in case.answers.items() if k != code}
        fired = [reason.rule.id for reason in assess(smaller).reasons]
        assert case.rule not in fired, (code, "is not needed")


@pytest.mark.parametrize("modifier", RISK_MODIFIER_CODES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: f"{case.rule}-{'-'.join(case.answers)}")
def test_a_not_sure_risk_answer_never_under_triages_a_combination(case, modifier):
    """Contract v2: "not sure" counts as yes inside every combination rule."""
    answers = {code: value for code, value in case.answers.items() if code != modifier}
    result = assess_with_not_sure(answers, not_sure=[modifier])
    assert rank(result.level) <= rank(case.level)


def test_a_blank_risk_answer_can_hide_a_combination_which_is_why_the_page_asks_it():
    assert assess({"leg_weakness": True}).level == SAME_DAY
    assert assess_with_not_sure({"leg_weakness": True}, ["cancer_history"]).level == EMERGENCY
    assert assess({"minor_trauma": True}).level != SAME_DAY
    assert assess_with_not_sure({"minor_trauma": True}, ["age"]).level == SAME_DAY


def test_a_not_sure_age_takes_the_most_urgent_age():
    assert assess_with_not_sure({"abdominal_pain": True}, ["age"]).level == EMERGENCY
    assert assess_with_not_sure({"sudden_onset": True}, ["age"]).level == EMERGENCY
    assert assess_with_not_sure({}, ["age"]).level == WITHIN_DAYS  # pain starting before 20


def test_not_sure_with_unknown_code_or_duration_is_an_error_naming_it():
    with pytest.raises(ValueError, match="cancer_histroy"):
        assess_with_not_sure({}, ["cancer_histroy"])
    with pytest.raises(ValueError, match="duration_weeks"):
        assess_with_not_sure({}, ["duration_weeks"])


@pytest.mark.parametrize("modifier", [code for code in RISK_MODIFIER_CODES if code != "age"])
def test_not_sure_is_the_same_as_yes_for_a_yes_no_risk_answer(modifier):
    for extra in ({}, {"sciatica": True}, {"minor_trauma": True, "age": 40}):
        assert assess_with_not_sure(extra, [modifier]) == assess({**extra, modifier: True})


def test_not_improving_is_asked_with_two_positive_statements():
    question = QUESTIONS_BY_CODE["not_improving"]
    assert "not" not in question.text
    assert dict(question.options) == {
        "no": "It has started to get better",
        "yes": "It has not started to get better yet",
    }
    for other in QUESTIONS:
        assert {value for value, _ in other.options} == {"yes", "no"}
    assert QUESTIONS_BY_CODE["fever"].options == (("yes", "Yes"), ("no", "No"))


@pytest.mark.parametrize(
    "code",
    [
        "saddle_numbness",
        "bladder_change",
        "incontinence",
        "sexual_change",
        "both_legs",
        "walking_difficulty",
    ],
)
def test_emergency_nerve_questions_ask_about_what_is_new_and_say_what_to_do_if_long_standing(
    code,
):
    question = QUESTIONS_BY_CODE[code]
    wording = f"{question.text} {question.help}".lower()
    assert "new" in wording or "since this back pain began" in wording
    assert "routine appointment" in question.help
    assert "not sure" in question.help and "answer yes" in question.help


def test_the_emergency_section_says_new_or_worse_and_in_doubt_yes():
    intro = next(group.intro for group in GROUPS if group.slug == "emergency")
    assert "new, or worse, since this back pain began" in intro
    assert "if you are not sure, answer yes" in intro


@pytest.mark.parametrize("region", REGIONS.values(), ids=lambda region: region.code)
@pytest.mark.parametrize("level", LEVELS)
def test_every_level_is_a_care_card_for_every_region(region, level):
    card = LEVEL_INFO[level].card(region)
    texts = [card.heading, card.sr_prefix, *card.bullets, card.service.name]
    assert card.heading and card.sr_prefix.endswith(":")
    assert 1 <= len(card.bullets) <= 5
    assert not any("{" in text or "}" in text for text in texts)
    assert card.service.tel == "" or card.service.tel.isdigit()
    if level == EMERGENCY:
        assert card.heading == f"Call {region.emergency} or go to {region.emergency_place} now"
        assert card.sr_prefix == "Emergency advice:"
        assert card.service.tel == region.emergency
    if level == SAME_DAY:
        assert card.service == region.urgent_service
        assert card.sr_prefix == "Urgent advice:"


def test_the_uk_urgent_card_links_nhs_111_online_and_tel_111():
    card = LEVEL_INFO[SAME_DAY].card(REGIONS["uk"])
    assert card.service.tel == "111"
    assert card.service.url == "https://111.nhs.uk/"
    assert "NHS 111" in card.heading


def test_other_regions_name_their_numbers_and_sources():
    assert (REGIONS["eu"].emergency, REGIONS["us"].emergency) == ("112", "911")
    assert "116117" in REGIONS["eu"].urgent_service.name
    for region in REGIONS.values():
        assert region.sources and region.emergency.isdigit()


def test_cancer_with_nerve_symptoms_sends_to_the_cancer_team_then_999():
    result = assess({"cancer_history": True, "sciatica": True})
    assert result.level == EMERGENCY
    reason = result.reasons[0]
    assert reason.rule.id in CANCER_TEAM_RULES
    assert "cancer team's 24-hour line now" in reason.text and "999" in reason.text
    card = care_card(result, REGIONS["uk"])
    assert card.heading == "Call your cancer team's 24-hour line now"
    assert card.fallback is not None and card.fallback.tel == "999"
    assert any("999" in bullet for bullet in card.bullets)
    personal = next(text for codes, text, _ in PERSONAL_SAFETY_NET if codes == ("cancer_history",))
    assert "cancer team's 24-hour line" in personal


def test_another_emergency_beside_cancer_keeps_the_999_card():
    result = assess({"cancer_history": True, "sciatica": True, "chest_pain": True})
    card = care_card(result, REGIONS["uk"])
    assert card.heading == "Call 999 or go to A&E now" and card.fallback is None
    assert care_card(assess({"fever": True}), REGIONS["uk"]).level == SAME_DAY


DRAFT = re.compile(
    r"verify|secondary cop|archived|\bcopy\)|vercel|clinical reference|section \d|\[|"
    r"safety-net|self_care|same_day|within_days|noted: does not raise",
    re.IGNORECASE,
)


def _shown_texts():
    """Every text of the triage data that a person can see."""
    for source in triage.SOURCES:
        yield from source.as_dict().values()
    for rule in triage.RULES:
        yield rule.condition
        yield rule.reason
        for source in rule.sources:
            yield from source.as_dict().values()
    for question in QUESTIONS:
        yield question.text
        yield question.help
        yield from (label for _, label in question.options)
    for group in GROUPS:
        yield group.title
        yield group.intro
        yield group.preview
    for info in LEVEL_INFO.values():
        yield from (info.title, info.action, info.detail, info.chip)
        for region in REGIONS.values():
            card = info.card(region)
            yield from (card.heading, card.sr_prefix, *card.bullets, card.service.name)
    for _, text in SAFETY_NET:
        yield text
    for _, text, _ in PERSONAL_SAFETY_NET:
        yield text
    for headline, text in DESIGN_CHOICES:
        yield headline
        yield text


def test_no_draft_note_level_code_or_jargon_in_anything_shown():
    for text in _shown_texts():
        assert not DRAFT.search(text), text


def test_sources_name_publisher_title_and_year_with_an_https_link():
    for source in triage.SOURCES:
        assert re.fullmatch(r"[^:]+: .+\(.*\b(19|20)\d\d\b.*\)", source.guideline), source
        assert source.url.startswith("https://"), source.url
    for rule in triage.RULES:
        assert set(rule.sources) <= set(triage.SOURCES), rule.id


def test_what_is_still_to_verify_is_listed_for_the_hazard_log_and_never_shown():
    listed = triage.sources_to_verify()
    assert (triage.NHS_999, source_notes.NOTES["NHS_999"]) in listed
    assert (triage.ACP_2011, source_notes.NOTES["ACP_2011"]) in listed
    assert triage.NICE_NG59 not in [source for source, _ in listed]
    assert all(note for _, note in listed)
    assert "to_verify" not in triage.NHS_999.as_dict()
    # The notes are not part of any source a page can show.
    assert not any(note in repr(source) for source, note in listed)


def test_cg75_is_cited_only_by_rules_that_need_a_cancer_history():
    """CG75 / NG234 are about people with cancer (issue 8, item 9)."""
    for rule in triage.RULES:
        if triage.NICE_CG75 in rule.sources:
            assert all(ex.get("cancer_history") for ex in rule.when.examples()), rule.id


def test_self_care_reasons_are_labelled_in_plain_words():
    assert LEVEL_INFO["self_care"].chip == "Good to know"
    assert all(info.chip for info in LEVEL_INFO.values())


def test_the_explanation_page_data_states_the_new_choices():
    text = " ".join(f"{headline} {text}" for headline, text in DESIGN_CHOICES)
    for fact in ("NICE NG156", "uses 66 for everyone", "cancer team's 24-hour line", "GIRFT"):
        assert fact in text
    assert "4 to 6 weeks" not in text and "at any age" not in text


def test_tummy_pain_at_27_is_a_same_day_check_not_999():
    result = assess({"abdominal_pain": True, "age": 27})
    assert result.level == SAME_DAY
    assert "same-day check" in result.reasons[0].text


@pytest.mark.parametrize("code", EMERGENCY_CODES)
def test_every_emergency_question_is_an_emergency_when_the_risk_answers_are_not_sure(code):
    """So a page that counts the unanswered risk answers as "not sure" shows the emergency
    advice for any emergency-section yes (issue 8, item 0)."""
    not_sure = [c for c in RISK_MODIFIER_CODES if c != "age"]
    assert assess_with_not_sure({code: True}, [*not_sure, "age"]).level == EMERGENCY
