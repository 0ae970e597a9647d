"""The journal's red-flag net: ticked new symptoms first, the notes scan as a second net."""

import csv
import html
import re
from datetime import timedelta

import pytest
from django.utils import timezone

from guidance.checklist_questions import LEVEL_INFO, LONG_STANDING, QUESTIONS_BY_CODE
from guidance.models import CheckResult
from guidance.triage import ANSWER_CODES
from journal.export import entries_csv, load_user_data, user_data
from journal.models import Entry
from journal.stats import (
    NEW_SYMPTOM_CODES,
    EntryFacts,
    help_prompts,
    is_emergency_sign,
    note_signs,
    red_flags,
)
from tests.journal.factories import make_entry
from tests.journal.test_entries import full_form, snapshot

NUMB = "numbness or loss of feeling"
SADDLE = "changes around the genitals, groin or bottom (the saddle area)"
BLADDER = "bladder or bowel changes"
BOTH_LEGS = "symptoms in both legs"
WALKING = "weakness or trouble walking"
SEXUAL = "sexual problems"
FEVER = "fever or chills"
WEIGHT = "weight loss without trying"
CHEST = "chest pain"
TUMMY = "tummy pain"
FAINT = "fainting or collapse"
UNWELL = "feeling very unwell, confused or drowsy"
SUDDEN = "sudden, severe pain unlike before"
FALL = "a fall or accident"

# Everyday wording, as people write it. The first seven are the ones issue 8 found missed.
MENTIONS = [
    ("tingling when I wipe", {SADDLE}),
    ("Couldn't pass water this morning", {BLADDER}),
    ("wet the bed last night", {BLADDER}),
    ("lost 5 kg without trying", {WEIGHT}),
    ("tummy pain and felt faint", {TUMMY, FAINT}),
    ("a bit confused today", {UNWELL}),
    ("unsteady on my feet", {WALKING}),
    ("numb bum after sitting", {NUMB, SADDLE}),
    ("feels odd when wiping after the loo", {SADDLE}),
    ("pins and needles around my bottom", {SADDLE}),
    ("can’t feel the toilet paper", {NUMB, SADDLE}),
    ("no feeling when I wipe", {NUMB, SADDLE}),
    ("tingly between my legs", {SADDLE}),
    ("struggling to pee", {BLADDER}),
    ("not able to pee", {BLADDER}),
    ("didn't make it to the loo in time", {BLADDER}),
    ("leaked a bit of wee", {BLADDER}),
    ("no control over my bladder", {BLADDER}),
    ("don't know when my bladder is full", {BLADDER}),
    ("dribbling after peeing", {BLADDER}),
    ("pooed myself", {BLADDER}),
    ("had to wear pads", {BLADDER}),
    ("sciatica in both legs now", {BOTH_LEGS}),
    ("legs gave way on the stairs", {WALKING}),
    ("keep losing my balance", {WALKING}),
    ("foot slapping when I walk", {WALKING}),
    ("wobbly legs, struggling to walk", {WALKING}),
    ("left foot feels weak", {WALKING}),
    ("trouble getting an erection", {SEXUAL}),
    ("shivering and a temperature of 38.5", {FEVER}),
    ("feverish and achy", {FEVER}),
    ("night sweats", {FEVER}),
    ("dropped 2 stone without trying", {WEIGHT}),
    ("my clothes are loose, losing weight", {WEIGHT}),
    ("tight chest and back pain", {CHEST}),
    ("pain in my chest", {CHEST}),
    ("stomach ache with the back pain", {TUMMY}),
    ("pulsing feeling in my belly", {TUMMY}),
    ("passed out in the kitchen", {FAINT}),
    ("pale and clammy", {FAINT}),
    ("very drowsy", {UNWELL}),
    ("husband says I'm not making sense", {UNWELL}),
    ("sudden severe pain, worst ever", {SUDDEN}),
    ("tearing pain through to my back", {SUDDEN}),
    ("fell off a ladder", {FALL}),
    ("car crash yesterday", {FALL}),
    # A negation reaches only its own clause.
    ("No numbness but I wet the bed", {BLADDER}),
    ("no fever, wet myself", {BLADDER}),
    ("not confused but very drowsy", {UNWELL}),
    ("never had this before: numb groin", {NUMB, SADDLE}),
    ("no pain relief and wet the bed", {BLADDER}),
]
NO_MENTION = [
    "no numbness",
    "not confused",
    "No numbness or tingling when I wipe",
    "no fever or chills",
    "haven't had any leaking",
    "without any weakness",
    "never any bladder problems",
    "denies saddle numbness",
    "not unsteady",
    "no chest pain",
    "no tummy pain",
    "have not fainted",
    "not numb anymore",
    "no weakness, no numbness, no bladder issues",
    "lost 3 kg on my diet",
    "lost weight on purpose",
    "Walked at speed, a tweak; iPads, poor night, fell asleep on a bar stool",
    "weeding and weed killer in the garden",
    "speed walking, poor posture",
    "lower back ache after gardening",
    "stiff in the morning, better after a walk",
    "tingling down one leg after sitting",
    "sharp pain when I bend",
    "slept badly, pain 6",
    "feeling fine, no new symptoms",
    "lost my keys and my temper",
    "balance board workout",
]


def test_the_table_has_at_least_sixty_phrasings_both_ways():
    assert len(MENTIONS) + len(NO_MENTION) >= 60
    assert len(MENTIONS) >= 30 and len(NO_MENTION) >= 20


@pytest.mark.parametrize(("note", "signs"), MENTIONS)
def test_notes_that_mention_a_red_flag(note, signs):
    assert set(note_signs(note)) == signs


@pytest.mark.parametrize("note", NO_MENTION)
def test_notes_that_deny_it_or_say_something_else(note):
    assert note_signs(note) == []


# Ticked symptoms ----------------------------------------------------------------------------


def test_new_symptoms_are_checklist_questions_emergency_group_first():
    assert set(NEW_SYMPTOM_CODES) <= set(QUESTIONS_BY_CODE)
    assert {"walking_difficulty", "sudden_onset", "saddle_numbness", "weight_loss"} <= set(
        NEW_SYMPTOM_CODES
    )
    flags = [is_emergency_sign(code) for code in NEW_SYMPTOM_CODES]
    assert flags == sorted(flags, reverse=True)
    assert is_emergency_sign("incontinence") and not is_emergency_sign("fever")


def facts(symptoms=(), regions=(), text="", entry_id=1, day=None) -> EntryFacts:
    day = day or timezone.localdate()
    return EntryFacts(entry_id, day, frozenset(regions), text, symptoms=frozenset(symptoms))


def test_a_ticked_emergency_sign_means_call_999_now():
    flags = red_flags(facts({"bladder_change", "fever"}))
    assert flags.emergency == (
        "you ticked new problems peeing and high temperature, shivering or chills",
    )
    assert flags.check == ()


def test_other_ticked_signs_send_to_the_checklist():
    flags = red_flags(facts({"weight_loss"}, text="no numbness"))
    assert flags.emergency == ()
    assert flags.check == ("you ticked losing weight without trying",)


def test_a_combination_that_is_an_emergency_on_the_checklist_is_one_here():
    # Fever with new leg weakness: a spinal infection with nerve signs (the checklist's rule).
    assert red_flags(facts({"fever", "leg_weakness"})).emergency
    assert not red_flags(facts({"fever"})).emergency


def test_emergency_prompts_come_first_even_from_an_older_entry():
    today = timezone.localdate()
    recent = [
        facts(text="wet the bed", entry_id=2, day=today),
        facts({"chest_pain"}, entry_id=1, day=today - timedelta(days=3)),
    ]
    prompts = help_prompts([], today, recent)
    assert [(p.key, p.emergency, p.urgent) for p in prompts] == [
        ("red-flag-1", True, True),
        ("red-flag-2", False, True),
    ]


# Upper and mid back ------------------------------------------------------------------------


def test_upper_or_mid_back_prompts_once_per_episode_not_as_an_emergency():
    today = timezone.localdate()
    recent = [
        facts(regions={"mid_back"}, entry_id=2, day=today),
        facts(regions={"upper_back"}, entry_id=1, day=today - timedelta(days=2)),
    ]
    [prompt] = help_prompts([], today, recent)
    assert (prompt.kind, prompt.urgent, prompt.emergency) == ("upper_back", False, False)
    assert prompt.key == f"upper-back-{(today - timedelta(days=2)).isoformat()}"
    assert "top of your back, between the shoulders" in prompt.detail
    assert prompt.source == "NHS: Back pain (when to ask for an urgent GP appointment)."
    assert help_prompts([], today, [facts(regions={"neck", "lower_back_centre"})]) == []


def test_upper_back_prompt_offers_111_as_a_phone_link(alice_client, alice):
    make_entry(alice, timezone.localdate(), 4, regions=["upper_back"])
    page = alice_client.get("/journal/").content.decode()
    assert "Pain in your upper or mid back" in page and 'href="tel:111"' in page


# The form and the pages ---------------------------------------------------------------------


def test_full_form_asks_every_new_symptom_in_the_checklists_own_words(alice_client):
    page = html.unescape(alice_client.get("/journal/entries/new/").content.decode())
    for code in NEW_SYMPTOM_CODES:
        field = "emergency_signs" if is_emergency_sign(code) else "other_signs"
        assert f'name="{field}" value="{code}"' in page
        assert QUESTIONS_BY_CODE[code].text in page
    # The checklist's yes/no note on long-standing symptoms is said once, in checkbox terms.
    assert (
        LONG_STANDING not in page and "if you are not sure whether it has changed, tick it" in page
    )
    assert 'href="tel:999"' in page and 'href="tel:112"' in page and 'href="tel:911"' in page


def test_ticking_an_emergency_sign_stores_it_and_leads_the_journal_with_999(alice_client, alice):
    data = full_form(emergency_signs=["incontinence"], other_signs=["fever"], notes="")
    response = alice_client.post("/journal/entries/new/", data, follow=True)
    entry = Entry.objects.get(user=alice)
    assert entry.new_symptoms == ["incontinence", "fever"]
    page = response.content.decode()
    assert page.index("prompt-emergency") < page.index("Quick log")
    card = page.split('class="card prompt')[1]
    assert (
        '<h2><span class="visually-hidden">Emergency advice: </span>Call '
        '<a href="tel:999">999</a> or go to A&amp;E now</h2>' in card
    )
    assert ANSWER_CODES["incontinence"] in card and 'href="/checklist/"' in card


def test_ticking_another_sign_points_to_the_checklist(alice_client, alice):
    data = full_form(other_signs=["weight_loss"], notes="")
    page = alice_client.post("/journal/entries/new/", data, follow=True).content.decode()
    assert "may need a red-flag check" in page and "You ticked losing weight" in page
    assert "prompt-emergency" not in page and 'href="/checklist/"' in page


def test_nothing_ticked_and_quiet_notes_raise_nothing(alice_client, alice):
    page = alice_client.post("/journal/entries/new/", full_form(), follow=True).content.decode()
    assert Entry.objects.get(user=alice).new_symptoms == []
    assert "may need a red-flag check" not in page and "prompt-red_flag" not in page


def test_an_unknown_symptom_code_is_refused_and_nothing_is_stored(alice_client, alice):
    before = snapshot(alice)
    response = alice_client.post("/journal/entries/new/", full_form(other_signs=["age"]))
    assert response.status_code == 200
    assert "“age” is not one of the signs listed." in response.content.decode()
    assert snapshot(alice) == before


def test_edit_form_shows_the_ticks_and_saving_keeps_them(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 4, new_symptoms=["both_legs", "fever"])
    page = alice_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()
    assert 'name="emergency_signs" value="both_legs" id="id_emergency_signs_4" checked' in page
    assert 'name="other_signs" value="fever" id="id_other_signs_1" checked' in page
    alice_client.post(f"/journal/entries/{entry.pk}/edit/", full_form(other_signs=["fever"]))
    entry.refresh_from_db()
    assert entry.new_symptoms == ["fever"]


def test_inline_edit_with_an_emergency_sign_says_call_999_at_once(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3)
    data = full_form(emergency_signs=["faint_or_collapse"])
    response = alice_client.post(
        f"/journal/entries/{entry.pk}/edit/", data, headers={"HX-Request": "true"}
    )
    row = response.content.decode()
    assert 'class="entry-flag entry-flag-emergency" role="alert"' in row
    assert 'Call <a href="tel:999">999</a> or go to A&amp;E now.' in row
    assert "New or worse: fainting, collapse or feeling faint" in row


def test_entry_page_lists_the_ticked_symptoms(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3, new_symptoms=["night_pain"])
    page = html.unescape(alice_client.get(f"/journal/entries/{entry.pk}/").content.decode())
    assert f"<dt>New or worse</dt><dd>{ANSWER_CODES['night_pain']}</dd>" in page


# Journal pages: plain words, real sources, phone links ---------------------------------------


def _main_text(page: str) -> str:
    main = page.split('<main id="main"', 1)[1].split("</main>", 1)[0]
    main = re.sub(r"<a href=\"tel:\d+\"[^>]*>[^<]*</a>", "", main)  # numbers that are links
    return re.sub(r"<[^>]+>", " ", main)


def test_journal_pages_show_no_codes_or_internal_references_and_link_every_number(
    alice_client, alice
):
    today = timezone.localdate()
    entry = make_entry(
        alice,
        today,
        6,
        regions=["upper_back", "below_knee_left", "below_knee_right"],
        notes="numb when I wipe",
        new_symptoms=["chest_pain", "fever"],
    )
    make_entry(alice, today - timedelta(days=1), 5, new_symptoms=["weight_loss"])
    CheckResult.objects.create(user=alice, level="self_care", answers={}, reasons=[])
    pages = [
        "/journal/",
        "/journal/entries/new/",
        f"/journal/entries/{entry.pk}/",
        f"/journal/entries/{entry.pk}/edit/",
        "/journal/trends/",
        "/journal/triggers/",
        "/journal/summary/",
        "/journal/export/",
    ]
    for path in pages:
        text = _main_text(alice_client.get(path).content.decode())
        words = html.unescape(" ".join(text.split()))
        assert not re.search(r"\b(?:999|112|911|111)\b", words), (path, words)
        found = re.findall(
            r"clinical reference|section \d|to verify|\(2019 copy\)|archived copy|vercel\.app|"
            r"safety-netting|\bself_care\b|\bsame_day\b|\bwithin_days\b",
            words,
            re.IGNORECASE,
        )
        assert found == [], path
    summary = alice_client.get("/journal/summary/").content.decode()
    assert f"{LEVEL_INFO['self_care'].title}." in summary


def test_exports_carry_the_ticked_symptoms_and_a_restore_keeps_them(alice, bob):
    make_entry(alice, timezone.localdate(), 5, new_symptoms=["bladder_change", "weight_loss"])
    data = user_data(alice)
    assert data["entries"][0]["new_symptoms"] == ["bladder_change", "weight_loss"]
    header, row = "".join(entries_csv(alice)).splitlines()[:2]
    column = header.split(",").index("new_symptoms")
    assert next(csv.reader([row]))[column] == "bladder_change; weight_loss"
    data["entries"][0]["new_symptoms"].append("not_a_code")
    load_user_data(bob, data)
    assert Entry.objects.get(user=bob).new_symptoms == ["bladder_change", "weight_loss"]
