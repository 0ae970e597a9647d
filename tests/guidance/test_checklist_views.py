import re

import pytest

from guidance import triage
from guidance.checklist_questions import EMERGENCY_CODES, QUESTIONS
from tests.guidance.checklist_answers import all_no

pytestmark = pytest.mark.django_db


def level_of(response) -> str:
    found = re.findall(r'data-triage-level="([a-z_]+)"', response.text)
    assert len(found) == 1, found
    return found[0]


def test_checklist_asks_emergency_signs_first_each_with_help_text(client):
    response = client.get("/checklist/")

    assert response.status_code == 200
    text = response.text
    positions = [text.index(f'name="{question.code}"') for question in QUESTIONS]
    emergency = [pos for q, pos in zip(QUESTIONS, positions, strict=True) if q.emergency]
    others = [pos for q, pos in zip(QUESTIONS, positions, strict=True) if not q.emergency]
    assert max(emergency) < min(others)
    assert text.count("What this means:") >= len(QUESTIONS)
    for code in EMERGENCY_CODES:
        assert f'id="id_{code}_yes" value="yes" required>' in text
        assert f'id="id_{code}_unsure"' not in text  # an explicit yes or no only
    assert 'id="id_fever_unsure"' in text


def _folded_sections(text: str) -> dict[str, str]:
    """The HTML inside each <details> section, by the slug of the section it belongs to."""
    return dict(
        re.findall(
            r'<h2 id="group-([a-z]+)">[^<]*</h2>\s*'
            r'<details class="group-details"[^>]*>(.*?)</details>',
            text,
            re.S,
        )
    )


def test_emergency_signs_are_never_folded_and_the_other_sections_start_folded(client):
    text = client.get("/checklist/").text

    folded = _folded_sections(text)
    assert set(folded) == {"nerves", "bone", "cancer", "infection", "inflammatory"}
    assert "<details" not in text.split('id="group-about"')[0]
    for code in EMERGENCY_CODES:
        assert not any(f'name="{code}"' in html for html in folded.values())
    # A closed section still names what it asks about, so a person can tell if it applies.
    assert re.search(
        r'<details class="group-details">\s*<summary>[^<]*<span[^>]*>Questions ab', text
    )
    assert "high temperature" in text.split('id="group-infection"')[1].split("<fieldset")[0]
    assert '<details class="group-details" open>' not in text


def test_a_folded_section_opens_when_it_was_answered_or_has_an_error(client):
    text = client.post("/checklist/", {"fever": "yes", "age": "500"}).text

    assert re.search(
        r'id="group-infection">[^<]*</h2>\s*<details class="group-details" open>', text
    )
    assert re.search(r'id="group-bone">[^<]*</h2>\s*<details class="group-details">', text)
    assert 'id="id_fever_yes" value="yes" checked' in text


def test_htmx_emergency_answer_also_sends_the_bar_that_stays_on_screen(client):
    htmx = {"HX-Request": "true"}
    yes = client.post(
        "/checklist/", {"_partial": "emergency", "saddle_numbness": "yes"}, headers=htmx
    ).text
    no = client.post("/checklist/", {"_partial": "emergency", **all_no()}, headers=htmx).text

    bar = re.search(
        r'<div id="emergency-bar" class="emergency-bar" hx-swap-oob="true">(.*?)</div>', yes
    )
    assert bar and 'href="#emergency-title"' in bar.group(1) and "call 999 now" in bar.group(1)
    assert 'id="emergency-title"' in yes
    assert '<div id="emergency-bar" class="emergency-bar" hx-swap-oob="true"></div>' in no


def test_follow_up_question_is_in_noscript_until_its_parent_is_yes(client):
    text = client.get("/checklist/").text

    assert '<div id="followup-leg_weakness" class="follow-up"></div>' in text
    noscript = text[text.index("<noscript>") : text.index("</noscript>")]
    assert 'name="weakness_progressing"' in noscript


@pytest.mark.parametrize(
    "answers, level",
    [
        ({"incontinence": "yes"}, "emergency"),
        ({"chest_pain": "yes", "age": 47}, "emergency"),
        ({"cancer_history": "yes", "night_pain": "yes", "age": 62}, "same_day"),
        ({"fever": "yes", "immunosuppressed": "yes", "age": 50}, "same_day"),
        ({"leg_weakness": "yes", "weakness_progressing": "yes"}, "same_day"),
        ({"osteoporosis": "yes"}, "within_days"),
        ({"duration_weeks": 10, "not_improving": "yes", "age": 41}, "routine"),
        (
            {
                "age": 40,
                "duration_weeks": 20,
                "morning_stiffness": "yes",
                "eases_with_movement": "yes",
                "wakes_late_night": "yes",
            },
            "routine",
        ),
        ({"age": 30, "duration_weeks": 1}, "self_care"),
    ],
)
def test_post_shows_the_contract_level(client, answers, level):
    data = all_no()
    data.update({key: str(value) for key, value in answers.items()})

    response = client.post("/checklist/", data)

    assert response.status_code == 200
    assert level_of(response) == level


def test_result_page_shows_level_action_reasons_sources_safety_net_and_summary(client):
    response = client.post(
        "/checklist/", all_no(age=62, cancer_history="yes", night_pain="yes", fever="unsure")
    )
    text = response.text

    assert (
        '<h1 class="care-heading" id="care-heading"><span class="visually-hidden">Urgent advice: '
        "</span>Ask your GP surgery for an appointment today, or get help from NHS "
        '<a class="tel" href="tel:111">111</a></h1>'
    ) in text
    assert 'href="tel:111">Call 111</a>' in text
    assert 'href="https://111.nhs.uk/"' in text
    assert "within 24 hours" in text
    assert (
        'href="https://www.nice.org.uk/guidance/cg75/chapter/Key-priorities-for-implementation"'
        in text
    )
    assert "Come back or get help if things change" in text
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/32438853"' in text  # IFOMPT safety-netting
    assert "Summary to show a doctor" in text
    assert "Do you have cancer now, or have you had cancer in the past?</td><td>Yes" in text
    assert "Do you have chest pain?</td><td>No" in text
    assert (
        "Warning signs answered yes:</strong> has or has had cancer; pain worse at night, "
        "not eased by changing position." in text
    )
    assert "You were not sure about: high temperature, shivering or chills" in text
    assert "counted it as yes" not in text  # fever is not an answer that changes another
    assert response["Cache-Control"] == "no-store"
    assert "data-emergency-panel" not in text


EMERGENCY_HEADING = (
    '<h1 class="care-heading" id="care-heading"><span class="visually-hidden">Emergency advice: '
    '</span>Call <a class="tel" href="tel:999">999</a> or go to A&amp;E now</h1>'
)
CALL_999 = '<a class="button button-call" href="tel:999">Call 999</a>'


def test_emergency_result_is_an_emergency_care_card_with_a_call_button(client):
    response = client.post("/checklist/", all_no(saddle_numbness="yes", duration_weeks=3))

    assert level_of(response) == "emergency"
    main = response.text[response.text.index("<main") :]
    assert main.index(EMERGENCY_HEADING) < main.index(CALL_999) < main.index("<h2")


def test_htmx_emergency_answer_returns_the_panel(client):
    response = client.post(
        "/checklist/",
        {"_partial": "emergency", "bladder_change": "yes", "chest_pain": "no", "region": "us"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "data-emergency-panel" in response.text
    assert '<a class="button button-call" href="tel:911">Call 911</a>' in response.text
    assert "<html" not in response.text
    assert "difficulty peeing" in response.text.lower() or "peeing" in response.text


def test_htmx_emergency_panel_is_empty_when_all_answers_are_no(client):
    response = client.post(
        "/checklist/", {"_partial": "emergency", **all_no()}, headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert "data-emergency-panel" not in response.text


def test_htmx_follow_up_appears_only_after_a_yes(client):
    htmx = {"HX-Request": "true"}
    base = {"_partial": "followup", "parent": "leg_weakness"}

    shown = client.post("/checklist/", {**base, "leg_weakness": "yes"}, headers=htmx)
    hidden = client.post("/checklist/", {**base, "leg_weakness": "no"}, headers=htmx)
    unknown = client.post("/checklist/", {**base, "parent": "nope"}, headers=htmx)

    assert 'name="weakness_progressing"' in shown.text
    assert hidden.text.strip() == ""
    assert unknown.status_code == 404


@pytest.mark.parametrize(
    "data, message",
    [
        (all_no(age="forty"), "Enter your age as a whole number of years"),
        (all_no(age="500"), "Enter an age between 1 and 120."),
        (all_no(age="-3"), "Enter an age between 1 and 120."),
        (all_no(duration_weeks="-1"), "The number of weeks cannot be negative"),
        (all_no(duration_weeks="2.5"), "Enter the number of weeks as a whole number"),
        (all_no(fever="maybe"), "Please choose one of the answers given."),
        (all_no(region="mars"), "Select a valid choice"),
        ({**all_no(), "favourite_colour": "blue"}, "does not know the field(s) “favourite_colour”"),
        (
            {"age": "40"},
            f"Please answer yes or no to every emergency sign ({len(EMERGENCY_CODES)} still to",
        ),
        ({**all_no(), "saddle_numbness": ""}, "Please answer yes or no to this question."),
    ],
)
def test_bad_input_gives_a_clear_message_on_the_form(client, data, message):
    response = client.post("/checklist/", data)

    assert response.status_code == 200
    assert message in response.text
    assert "data-triage-level" not in response.text
    assert 'role="alert" id="form-errors"' in response.text


def test_bad_input_keeps_the_answers_already_given(client):
    response = client.post("/checklist/", {"age": "500", "chest_pain": "no", "fever": "yes"})

    assert 'id="id_chest_pain_no" value="no" checked' in response.text
    assert 'id="id_fever_yes" value="yes" checked' in response.text
    assert 'value="500"' in response.text


def test_other_methods_are_refused(client):
    assert client.put("/checklist/").status_code == 405


def test_region_is_remembered_in_a_cookie_and_preselected(client):
    response = client.post("/checklist/", all_no(region="us", fever="yes"))

    assert response.cookies["checklist_region"].value == "us"
    assert response.cookies["checklist_region"]["httponly"]
    assert 'In <strong>United States</strong>: emergency <a class="number-big" href="tel:911">' in (
        response.text
    )
    page = client.get("/checklist/")
    assert '<option value="us" selected>' in page.text


def test_result_region_form_resubmits_the_same_answers(client):
    response = client.post("/checklist/", all_no(fever="yes", age=50))
    hidden = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)">', response.text))

    assert hidden["fever"] == "yes" and hidden["age"] == "50"
    again = client.post("/checklist/", {**hidden, "region": "eu"})
    assert level_of(again) == "same_day"
    assert (
        'In <strong>European Union</strong>: emergency <a class="number-big" href="tel:112">'
        in (again.text)
    )


def test_explanation_page_lists_every_rule_with_its_sources_and_the_limits(client):
    response = client.get("/checklist/about/")

    assert response.status_code == 200
    for rule in triage.RULES:
        assert f'id="rule-{rule.id}"' in response.text
        for source in rule.sources:
            assert f'href="{source.url}"' in response.text
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/32438853"' in response.text
    assert "It is not a diagnosis." in response.text
    assert "does not replace a clinician" in response.text
    assert "loss of bowel and/or bladder control".capitalize() in response.text


def test_anonymous_result_page_offers_no_save_button(client):
    response = client.post("/checklist/", all_no())

    assert "Save to my history" not in response.text
    assert "Nothing you entered has been stored" in response.text


def test_signed_in_result_page_offers_saving(alice_client):
    response = alice_client.post("/checklist/", all_no(fever="yes"))

    assert "Save to my history" in response.text
    assert 'action="/checklist/save/"' in response.text


@pytest.mark.parametrize(
    "data",
    [
        {"incontinence": "yes"},
        {"incontinence": "yes", "age": "500", "fever": "maybe"},
        {"incontinence": "yes", "favourite_colour": "blue"},
        {"chest_pain": "yes", **dict.fromkeys(["saddle_numbness", "both_legs"], "")},
    ],
)
def test_an_emergency_yes_gives_the_emergency_result_whatever_else_is_blank_or_wrong(client, data):
    response = client.post("/checklist/", data)

    assert level_of(response) == "emergency"
    main = response.text[response.text.index("<main") :]
    assert main.index(EMERGENCY_HEADING) < main.index(CALL_999) < main.index("<h2")
    assert "Get help first: some answers are missing" in main
    assert 'role="alert" id="form-errors"' not in main


def test_tummy_pain_with_age_blank_is_an_emergency_not_a_request_for_the_age(client):
    response = client.post("/checklist/", {"abdominal_pain": "yes", "vascular_risk": "no"})

    assert level_of(response) == "emergency"
    note = response.text[response.text.index('id="emergency-first"') :].split("</div>")[0]
    assert "counted as the more urgent answer: age in years." in note
    assert "age in years (not known, so counted as the more urgent answer)" in response.text


def test_an_emergency_sign_yes_assumes_only_the_blanks_its_own_rules_need(client):
    # Leg weakness and cancer together would be an emergency, but neither was answered: a
    # tummy-pain yes does not turn them into reasons the person never gave.
    text = client.post("/checklist/", {"abdominal_pain": "yes", "age": "30"}).text

    assert level_of(client.post("/checklist/", {"abdominal_pain": "yes", "age": "30"})) == (
        "emergency"
    )
    note = text[text.index('id="emergency-first"') :].split("</div>")[0]
    assert "aneurysm, heart or circulation disease" in note
    assert "cancer" not in note and "weakness" not in note
    assert "has or has had cancer" not in text.split('id="safety"')[0]


def test_checklist_pages_need_no_database_queries_for_anonymous_people(
    client, django_assert_num_queries
):
    with django_assert_num_queries(0):
        client.get("/checklist/")
        client.post("/checklist/", all_no(cancer_history="yes", night_pain="yes"))
        client.get("/checklist/about/")


def test_signed_in_checklist_result_needs_only_the_session_queries(
    alice_client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        alice_client.post("/checklist/", all_no(cancer_history="yes", night_pain="yes"))


def test_result_says_how_many_questions_were_left_blank_and_lists_them(client):
    text = client.post("/checklist/", all_no(age=44, duration_weeks=3, fever="no")).text

    needed = [q for q in QUESTIONS if q.emergency or q.modifier]
    blank = len(QUESTIONS) - len(needed) - 2 - 1  # the follow-up is not counted
    assert f"You left {blank} questions blank." in text
    note = text[
        text.index('class="unanswered-note"') : text.index(
            "</details>", text.index("unanswered-note")
        )
    ]
    assert "Is the pain getting worse?" in note
    assert "Do you have a high temperature" not in note  # answered
    assert "Is that weakness getting worse?" not in note  # only asked after a yes


def test_change_or_add_answers_brings_the_answers_back_into_the_form(client):
    result = client.post("/checklist/", all_no(age=44, fever="yes", region="us")).text
    assert 'name="_edit"' in result

    again = client.post("/checklist/", {**all_no(age=44, fever="yes", region="us"), "_edit": "1"})

    assert again.status_code == 200
    assert "data-triage-level" not in again.text
    assert 'class="errorlist' not in again.text
    assert 'id="id_fever_yes" value="yes" checked' in again.text
    assert 'id="id_chest_pain_no" value="no" checked' in again.text
    assert 'value="44"' in again.text
    assert re.search(
        r'id="group-infection">[^<]*</h2>\s*<details class="group-details" open>', again.text
    )
    assert '<option value="us" selected>' in again.text


@pytest.mark.parametrize(
    "answers, expected, source",
    [
        ({"cancer_history": "yes"}, "Because you have had cancer", "cg75"),
        ({"immunosuppressed": "yes", "fever": "no"}, "Because a spine infection", "s12891-019"),
        ({"long_term_steroids": "yes"}, "Because your bones may be weaker", "northerntrust"),
    ],
)
def test_safety_net_names_what_would_make_this_persons_answers_an_emergency(
    client, answers, expected, source
):
    text = client.post("/checklist/", all_no(**answers)).text
    safety = text[text.index('id="safety"') : text.index('id="summary"')]

    assert f'<li class="safety-personal">{expected}' in safety
    assert source in safety  # its guideline is among the safety-netting sources

    plain = client.post("/checklist/", all_no(age=30)).text
    assert "safety-personal" not in plain


def test_emergency_result_does_not_repeat_the_title_or_ask_to_finish_the_checklist(client):
    text = client.post("/checklist/", all_no(saddle_numbness="yes")).text

    assert text.count("or go to A&amp;E now</h1>") == 1
    assert "Emergency: get help now" not in text  # no title repeating the action under it
    assert "You can finish the checklist" not in text
    assert "even if it started days or weeks ago" in text  # the reason is still there


def test_reasons_show_the_numbers_that_fired_them_and_soft_signs_say_they_raise_nothing(client):
    text = client.post("/checklist/", all_no(age=58, duration_weeks=1, sciatica="yes")).text

    assert level_of(client.post("/checklist/", all_no(age=58, duration_weeks=1))) == "self_care"
    assert "Because you answered: age in years: 58." in text
    assert "Noted: does not raise the level" not in text
    assert (
        text.count('<span class="reason-level">Good to know</span>') == 2
    )  # age over 50, sciatica


@pytest.mark.parametrize(
    ("accept_language", "number"),
    [
        ("en-US,en;q=0.9", "911"),
        ("en-GB,en;q=0.8", "999"),
        ("de-DE,de;q=0.9,en;q=0.5", "112"),
        ("fr", "112"),
        ("en-IE", "112"),
        ("en", "999"),
        ("", "999"),
        ("xx-??;;", "999"),
    ],
)
def test_first_visit_guesses_the_region_from_the_browser_language(client, accept_language, number):
    response = client.post(
        "/checklist/",
        {"_partial": "emergency", "bladder_change": "yes"},
        headers={"Accept-Language": accept_language},
    )

    assert f'<a class="button button-call" href="tel:{number}">Call {number}</a>' in response.text


def test_a_chosen_region_beats_the_browser_language(client):
    client.cookies["checklist_region"] = "uk"

    page = client.get("/checklist/", headers={"Accept-Language": "en-US"})

    assert '<option value="uk" selected>' in page.text


@pytest.mark.parametrize("code", EMERGENCY_CODES)
def test_any_emergency_sign_answered_yes_alone_gives_the_emergency_card_first(client, code):
    response = client.post("/checklist/", {code: "yes"})

    assert level_of(response) == "emergency"
    main = response.text[response.text.index("<main") :]
    assert main.index('<h1 class="care-heading"') < main.index('href="tel:999"') < main.index("<h2")


@pytest.mark.parametrize(
    "answers",
    [
        {"saddle_numbness": "yes"},
        {"cancer_history": "yes", "sciatica": "yes"},
        {"fever": "yes", "age": 50},
        {"osteoporosis": "yes"},
        {"duration_weeks": 10, "not_improving": "yes"},
        {"age": 30},
    ],
)
def test_the_result_heading_is_not_repeated_under_it_and_has_at_most_five_bullets(client, answers):
    text = client.post("/checklist/", all_no(**answers)).text

    card = re.search(
        r'<h1 class="care-heading"[^>]*>(.*?)</h1>(.*?)<ul class="care-bullets">(.*?)</ul>',
        text,
        re.S,
    )
    heading = re.sub(r"<[^>]+>", "", card.group(1).split("</span>", 1)[1])  # no hidden prefix
    under = re.sub(r"<[^>]+>", "", card.group(2) + card.group(3))
    assert heading and heading not in under
    assert 1 <= card.group(3).count("<li>") <= 5
