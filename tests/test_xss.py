"""A script in any free-text field is shown as text, never run, on every page that shows it.

Each field gets its own payload, numbered, which tries to close an attribute in either quote
and open an element. A page that shows it must show it escaped; the raw element never appears
in any HTML response. Query parameters and re-rendered forms are checked the same way.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from guidance.models import CheckResult, Exercise, RoutineItem
from journal.models import PsfsActivity, Workout
from tests.journal.factories import make_entry, make_workout
from tests.test_access_matrix import URLS, url_for

RAW = "<svg onload=alert("  # what must never reach a page unescaped
ESCAPED = "&lt;svg onload=alert("


def payload(field: str) -> str:
    return f"'\"><svg onload=alert('{field}')>"


FIELDS = [
    "display_name",
    "entry.notes",
    "entry.medication",
    "entry.medication_dose",
    "entry.activity",
    "entry.trigger",
    "entry.reliever",
    "workout.notes",
    "workout.exercise",
    "routine.notes",
    "psfs.activity",
]


@pytest.fixture
def hostile_alice(alice):
    alice.display_name = payload("display_name")
    alice.save()
    today = timezone.localdate()
    # Enough days with and without the tags for the triggers and summary pages to rank them.
    for days_ago in range(8):
        tagged = days_ago % 2 == 0
        make_entry(
            alice,
            today - timedelta(days=days_ago),
            7 if tagged else 2,
            regions=["neck"],
            activities=[payload("entry.activity")] if tagged else [],
            triggers=[payload("entry.trigger")] if tagged else [],
            relievers=[payload("entry.reliever")] if tagged else [],
            medication=payload("entry.medication"),
            medication_dose=payload("entry.medication_dose"),
            notes=payload("entry.notes"),
        )
    for days_ago in (1, 2):
        make_workout(
            alice,
            today - timedelta(days=days_ago),
            2,
            6,
            exercises=[(payload("workout.exercise"), 40)],
            notes=payload("workout.notes"),
        )
    CheckResult.objects.create(user=alice, level="routine", answers={"age": 40}, reasons=[])
    RoutineItem.objects.create(
        user=alice, exercise=Exercise.objects.get(slug="bird-dog"), notes=payload("routine.notes")
    )
    PsfsActivity.objects.create(user=alice, name=payload("psfs.activity"))
    return alice


def _things(alice) -> dict:
    return {
        "entry": alice.journal_entries.first(),
        "workout": Workout.objects.for_user(alice).first(),
        "result": CheckResult.objects.for_user(alice).first(),
        "item": RoutineItem.objects.for_user(alice).first(),
        "activity": PsfsActivity.objects.filter(user=alice).first(),
    }


def _check(response, where) -> str:
    if not response["Content-Type"].startswith("text/html"):
        # Downloads (JSON, CSV) hold the text as data; they are never rendered as a page.
        assert response["X-Content-Type-Options"] == "nosniff", where
        return ""
    html = response.content.decode()
    assert RAW not in html, (where, html[max(0, html.find(RAW) - 200) : html.find(RAW) + 100])
    return html


def test_stored_text_is_escaped_on_every_page(client, hostile_alice):
    client.force_login(hostile_alice)
    things = _things(hostile_alice)
    seen = ""
    for name in URLS:
        url = url_for(name, things)
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url, headers=headers)
            seen += _check(response, (name, headers))
    # The test means something only if every field was shown somewhere, escaped.
    for field in FIELDS:
        shown = f"&lt;svg onload=alert(&#x27;{field}&#x27;)&gt;"
        assert shown in seen, f"{field} is not shown on any page"


def test_the_journal_pages_a_fragment_at_a_time_escape_too(client, hostile_alice):
    client.force_login(hostile_alice)
    for _ in range(25):  # a second page of the journal
        make_entry(hostile_alice, timezone.localdate(), 3, notes="filler")
    response = client.get("/journal/", {"page": "2"}, headers={"HX-Request": "true"})
    assert ESCAPED in _check(response, "page 2")


class _Placeholder:
    pk = 1


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_query_parameters_are_escaped_where_reflected(client, alice, signed_in):
    if signed_in:
        client.force_login(alice)
    names = ("q", "tag", "region", "start", "end", "page", "sort", "next", "category", "stage")
    params = {name: payload(name) for name in names}
    things = dict.fromkeys(("entry", "workout", "result", "item", "activity"), _Placeholder())
    seen = ""
    for name in URLS:
        for headers in ({}, {"HX-Request": "true"}):
            response = client.get(url_for(name, things), params, headers=headers)
            seen += _check(response, (name, headers))
    assert ESCAPED in seen  # the search box, at least, shows what was searched for


def test_sign_in_and_sign_up_forms_escape_what_was_typed(client, db):
    text = payload("email")
    for url in ("/accounts/signin/", "/accounts/signup/", "/accounts/password/reset/"):
        response = client.post(url, {"username": text, "email": text, "password": text})
        assert ESCAPED in _check(response, url), url


def test_forms_sent_back_with_errors_escape_what_was_typed(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3)
    text = payload("typed")
    entry_form = {
        "occurred_at": "not a time",
        "pain": "3",
        "notes": text,
        "medication": text,
        "medication_dose": text,
        "activities": text,
        "triggers": text,
        "relievers": text,
    }
    workout_form = {
        "started_at": "nope",
        "pain_before": "3",
        "notes": text,
        "ex-TOTAL_FORMS": "1",
        "ex-INITIAL_FORMS": "0",
        "ex-0-name": text,
        "ex-0-sets": "x",
    }
    item = RoutineItem.objects.create(user=alice, exercise=Exercise.objects.get(slug="bird-dog"))
    posts = [
        ("/journal/entries/new/", entry_form),
        (f"/journal/entries/{entry.pk}/edit/", entry_form),
        ("/journal/workouts/new/", workout_form),
        ("/journal/quick/", {"pain": text, "region": text}),
        (f"/exercises/routine/{item.pk}/notes/", {"notes": text + "x" * 400}),
        ("/accounts/settings/", {"display_name": text + "x" * 100, "time_zone": text}),
    ]
    for url, data in posts:
        for headers in ({}, {"HX-Request": "true"}):
            response = alice_client.post(url, data, headers=headers, follow=True)
            _check(response, (url, headers))
    html = alice_client.post("/journal/entries/new/", entry_form).content.decode()
    assert ESCAPED in html  # what was typed is shown back, as text
