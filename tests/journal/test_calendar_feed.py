"""The private calendar feed: parsed with `icalendar`, only what the person chose, revocable,
and a 404 for any address that is not a live one."""

import hashlib
import re
from datetime import time, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from icalendar import Calendar

from journal.models import PsfsActivity, ReminderSettings
from tests.conftest import make_user
from tests.journal.factories import make_workout

FEED = re.compile(r"http://testserver(/journal/calendar/[A-Za-z0-9_-]{43}\.ics)")


def turn_on(client) -> str:
    response = client.post("/journal/reminders/feed/", follow=True)
    assert response.status_code == 200
    return FEED.search(response.text)[1]


def events(client, path) -> list:
    response = client.get(path)
    assert response.status_code == 200
    return Calendar.from_ical(response.content).walk("VEVENT")


def test_the_feed_holds_planned_sessions_and_next_morning_checks_with_plain_titles(
    alice_client, alice
):
    ReminderSettings.objects.create(
        user=alice, session_days=[0, 3], session_time=time(18, 30), feed_psfs=False
    )
    yesterday = timezone.localdate() - timedelta(days=1)
    workout = make_workout(alice, yesterday, 3, 4)
    path = turn_on(alice_client)

    response = alice_client.get(path)

    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert response["Cache-Control"] == "private, no-store"
    found = Calendar.from_ical(response.content).walk("VEVENT")
    by_title = {str(event["SUMMARY"]): event for event in found}
    assert set(by_title) == {"Back exercises", "Morning check-in"}
    session = by_title["Back exercises"]
    assert session["RRULE"]["BYDAY"] == ["MO", "TH"]
    assert session.start.time() == time(18, 30)
    assert str(session.start.tzinfo) == "Europe/London"
    assert str(session["URL"]) == "http://testserver/journal/workouts/new/"
    morning = by_title["Morning check-in"]
    assert morning.start.date() == yesterday + timedelta(days=1)
    assert morning.start.time() == time(8, 0)
    assert str(morning["URL"]) == f"http://testserver/journal/workouts/{workout.pk}/"
    assert "pain" not in response.text.lower()


def test_the_feed_holds_only_what_was_chosen_and_details_only_when_asked(alice_client, alice):
    ReminderSettings.objects.create(
        user=alice, session_days=[], feed_next_morning=False, feed_psfs=True, show_details=True
    )
    make_workout(alice, timezone.localdate() - timedelta(days=1), 3, 4)
    PsfsActivity.objects.create(user=alice, name="lift my child")
    path = turn_on(alice_client)

    (only,) = events(alice_client, path)

    assert str(only["SUMMARY"]) == "Back pain: rate your activities (PSFS)"
    assert str(only["URL"]) == "http://testserver/journal/psfs/rate/"
    assert "lift my child" not in alice_client.get(path).text


def test_resetting_the_address_makes_the_old_one_404_at_once(alice_client, alice):
    old = turn_on(alice_client)
    new = turn_on(alice_client)

    assert new != old
    assert alice_client.get(old).status_code == 404
    assert alice_client.get(new).status_code == 200

    alice_client.post("/journal/reminders/feed/off/")
    assert alice_client.get(new).status_code == 404


def test_the_token_is_stored_hashed_and_shown_only_once(alice_client, alice):
    path = turn_on(alice_client)
    token = path.split("/")[-1].removesuffix(".ics")

    stored = ReminderSettings.objects.get(user=alice).feed_token_hash
    assert len(stored) == 64 and token not in stored
    assert token not in alice_client.get("/journal/reminders/").text


@pytest.mark.django_db
def test_guessed_addresses_answer_404_and_the_query_compares_hashes_not_tokens(client):
    person = make_user()
    person_client = client
    person_client.force_login(person)
    path = turn_on(person_client)
    client.logout()
    token = path.split("/")[-1].removesuffix(".ics")
    near_miss = token[:-1] + ("A" if token[-1] != "A" else "B")

    for guess in (near_miss, "A" * 43, str(person.pk), "x" * 300):
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"/journal/calendar/{guess}.ics")
        assert response.status_code == 404, guess
        # One indexed lookup of the guess's SHA-256, the same for every guess: the database
        # compares hashes, so the time taken says nothing about how close a guess came.
        (query,) = queries.captured_queries
        assert hashlib.sha256(guess.encode()).hexdigest() in query["sql"]
        if len(guess) > 10:
            assert guess not in query["sql"]
    for odd in ("/journal/calendar/.ics", "/journal/calendar/a/b.ics", "/journal/calendar/"):
        assert client.get(odd).status_code == 404
    assert client.get(path).status_code == 200


def test_the_feed_runs_a_constant_number_of_queries(alice_client, alice):
    ReminderSettings.objects.create(user=alice, session_days=[0, 2, 4])
    PsfsActivity.objects.create(user=alice, name="run 5 km")
    path = turn_on(alice_client)
    with CaptureQueriesContext(connection) as few:
        alice_client.get(path)
    today = timezone.localdate()
    for n in range(14):
        make_workout(alice, today - timedelta(days=n), 2, 3)
    with CaptureQueriesContext(connection) as many:
        found = events(alice_client, path)
    assert len(many.captured_queries) == len(few.captured_queries)
    assert sum(str(e["SUMMARY"]) == "Morning check-in" for e in found) == 14


def test_the_reminder_page_and_feed_actions_are_the_owners_alone(client, alice, bob):
    client.force_login(alice)
    alice_path = turn_on(client)
    client.force_login(bob)
    bob_path = turn_on(client)
    client.post("/journal/reminders/feed/off/")  # Bob's own feed only

    assert client.get(bob_path).status_code == 404
    assert client.get(alice_path).status_code == 200
    assert client.get("/journal/reminders/feed/").status_code == 405


def test_calendar_apps_may_ask_with_head(alice_client):
    path = turn_on(alice_client)
    response = alice_client.head(path)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"


def test_a_deactivated_account_has_no_feed(alice_client, alice):
    path = turn_on(alice_client)
    alice.is_active = False
    alice.save()
    assert alice_client.get(path).status_code == 404
