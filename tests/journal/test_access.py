"""Every journal URL: another person gets 404 for Alice's things, anonymous people sign in."""

import pytest
from django.urls import URLPattern, reverse
from django.utils import timezone

from journal.models import Entry, PsfsActivity
from journal.urls import urlpatterns
from tests.journal.factories import make_entry, make_workout

SECRET = "alice-private-note"


@pytest.fixture
def alices_things(alice):
    today = timezone.localdate()
    entry = make_entry(alice, today, 6, regions=["neck"], triggers=["secret-trigger"], notes=SECRET)
    workout = make_workout(alice, today, 2, 4, exercises=[("Secret squat", 80)], notes=SECRET)
    activity = PsfsActivity.objects.create(user=alice, name=SECRET)
    return {"entry": entry, "workout": workout, "activity": activity}


# Reached without signing in by design: the token in the address is the key (tested in
# test_calendar_feed.py and test_reminders.py); a made-up token is a 404.
PUBLIC = {"calendar_feed", "reminders_unsubscribe"}


def _url(pattern: URLPattern, things) -> str:
    kwargs = {}
    if "pk" in pattern.pattern.converters:
        route = str(pattern.pattern)
        thing = {"workouts/": "workout", "psfs/": "activity"}.get(route.split("/")[0] + "/")
        kwargs["pk"] = things[thing or "entry"].pk
    if "key" in pattern.pattern.converters:
        kwargs["key"] = f"red-flag-{things['entry'].pk}"
    if "token" in pattern.pattern.converters:
        kwargs["token"] = "made-up-token"
    return reverse(f"journal:{pattern.name}", kwargs=kwargs)


def test_every_pattern_is_walked():
    names = {pattern.name for pattern in urlpatterns}
    assert {
        "index",
        "entry",
        "entry_edit",
        "entry_delete",
        "workout",
        "workout_edit",
        "workout_delete",
        "workout_next_morning",
        "trends",
        "triggers",
        "summary",
        "export_json",
        "export_entries_csv",
        "export_workouts_csv",
    } <= names


def test_anonymous_people_are_sent_to_sign_in(client, alices_things):
    for pattern in urlpatterns:
        url = _url(pattern, alices_things)
        for method in (client.get, client.post):
            response = method(url)
            if response.status_code == 405:  # POST-only views refuse GET before anything else
                continue
            if pattern.name in PUBLIC:
                assert response.status_code == 404, url
                continue
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/signin/?next="), url


def test_another_person_gets_404_for_alices_things_and_never_sees_them(client, bob, alices_things):
    client.force_login(bob)
    for pattern in urlpatterns:
        url = _url(pattern, alices_things)
        owned = "pk" in pattern.pattern.converters
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            # The exports are streamed: read to the end, as a browser would.
            raw = b"".join(response.streaming_content) if response.streaming else response.content
            body = raw.decode(errors="replace")
            assert SECRET not in body and "secret-trigger" not in body, (method, url)
            assert "Secret squat" not in body, (method, url)
            if owned and response.status_code != 405:
                assert response.status_code == 404, (method, url, response.status_code)
            else:
                assert response.status_code in (200, 302, 404, 405), (method, url)
    # Nothing of Alice's changed.
    entry, workout = alices_things["entry"], alices_things["workout"]
    entry.refresh_from_db()
    workout.refresh_from_db()
    assert entry.notes == SECRET and workout.pain_next_morning is None
    assert PsfsActivity.objects.get(name=SECRET).retired_at is None
    assert entry.user.journal_entries.count() == 1


def test_bob_cannot_dismiss_prompts_for_alice(client, alice, bob, alices_things):
    client.force_login(bob)
    client.post(f"/journal/prompts/red-flag-{alices_things['entry'].pk}/dismiss/")
    assert not alice.journal_dismissals.exists()


def test_unknown_ids_and_bad_keys_are_404_not_500(alice_client):
    assert alice_client.get("/journal/entries/999999/").status_code == 404
    assert alice_client.get("/journal/workouts/999999/edit/").status_code == 404
    assert alice_client.post("/journal/prompts/BAD KEY!/dismiss/").status_code == 404
    assert (
        alice_client.get("/journal/trends/", {"start": "x", "end": "2026-99-01"}).status_code == 200
    )


@pytest.mark.parametrize(
    "params",
    [
        {"start": "0001-01-01"},
        {"end": "9999-12-31"},
        {"start": "0001-01-01", "end": "9999-12-31"},
        {"start": "2026-02-30"},
    ],
)
@pytest.mark.parametrize(
    "path", ["/journal/", "/journal/trends/", "/journal/triggers/", "/journal/summary/"]
)
def test_extreme_dates_get_a_message_not_an_error(db, client, path, params):
    from tests.conftest import make_user

    person = make_user(time_zone="Pacific/Kiritimati")  # UTC+14: the furthest ahead
    client.force_login(person)
    response = client.get(path, params)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Choose a date between 1950 and 2100." in html or "Enter a valid date." in html


@pytest.mark.parametrize("when", ["0001-01-01T00:00", "9999-12-31T23:59"])
def test_extreme_entry_times_get_a_message_not_an_error(db, client, when):
    from tests.conftest import make_user

    person = make_user(time_zone="Pacific/Kiritimati")
    client.force_login(person)
    response = client.post("/journal/entries/new/", {"occurred_at": when, "pain": "3"})
    assert response.status_code == 200
    assert b"errorlist" in response.content


def test_an_htmx_request_after_the_session_ends_sends_the_whole_page_to_sign_in(client, db):
    headers = {"HX-Request": "true", "HX-Current-URL": "http://testserver/journal/?page=2"}
    response = client.post("/journal/quick/", {"pain": "4"}, headers=headers)
    assert response.status_code == 200 and response.content == b""
    assert response["HX-Redirect"] == "/accounts/signin/?next=/journal/%3Fpage%3D2"
    # Without htmx's current URL, the journal is the page to come back to, never the
    # POST-only fragment address.
    response = client.post("/journal/quick/", {"pain": "4"}, headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == "/accounts/signin/?next=/journal/"
    assert not Entry.objects.exists()
