"""Who gets what, at every URL the project serves, by every method, with and without htmx.

The table below is the access policy. Every URL pattern from the resolver must have a row, so a
new URL fails `test_every_url_has_a_row` until someone decides who may see it. The Django admin
is left out: its pages are staff-only by Django's own checks and tests/backpain/test_admin_privacy
covers who sees health data there.

- Anonymous people are sent to sign in; an htmx request to a journal or routine view gets an
  `HX-Redirect` to the sign-in page, so htmx reloads the whole window instead of swapping the
  sign-in form into a fragment. (Account and checklist-history pages make no htmx requests.)
- Another signed-in person gets 404 for the owner's things and never sees them.
- The owner gets a page (200) or a redirect (302).
- Methods a view does not take are refused with 405.
- Every response to a signed-in person is `Cache-Control: no-store`; every response carries a
  `Permissions-Policy`.

Each request runs in a savepoint that is rolled back, with the cookies put back afterwards, so
a delete or a sign-out does not change what the next request finds.
"""

import copy
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from guidance.models import CheckResult, Exercise, RoutineItem
from journal.export import entry_to_dict
from journal.models import Entry, PsfsActivity, Workout
from tests.journal.factories import make_entry, make_workout
from tests.urlwalk import named_patterns

SECRET = "alice-only-secret-note"
ALL = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
POST = frozenset({"POST"})
GET_POST = frozenset({"GET", "POST"})
TEMPLATE = frozenset({"GET", "HEAD", "OPTIONS"})  # Django's TemplateView
FORM = frozenset({"GET", "HEAD", "POST", "PUT", "OPTIONS"})  # Django's FormView
PAGE = frozenset({"GET", "HEAD", "POST"})  # a function view with a form
SAFE = frozenset({"GET", "HEAD"})


@dataclass(frozen=True)
class Row:
    #: "public": anyone; "signed-in": any signed-in person, about themselves; "owned": one
    #: person's thing, named in the URL; "token": anyone holding a secret token in the URL (a
    #: made-up token is 404 for everyone).
    access: str
    methods: frozenset = ALL
    #: Anonymous htmx requests get an HX-Redirect to sign in (journal and routine views).
    htmx_aware: bool = False
    #: Signed-in people are sent on from it, whatever the method (sign-in, sign-up).
    redirects_signed_in: bool = False


PUBLIC = Row("public")
JOURNAL = Row("signed-in", htmx_aware=True)
JOURNAL_POST = Row("signed-in", POST, htmx_aware=True)
JOURNAL_OWNED = Row("owned", htmx_aware=True)
JOURNAL_OWNED_POST = Row("owned", POST, htmx_aware=True)

TABLE = {
    "home": PUBLIC,
    "about": Row("public", TEMPLATE),
    "clinical_review": Row("public", SAFE),
    "signup": Row("public", redirects_signed_in=True),
    # With a token that is not valid, the "link no longer works" page.
    "signup_confirm": Row("public", PAGE),
    "email_change": Row("signed-in", PAGE),
    "two_factor": Row("signed-in"),
    "two_factor_setup": Row("signed-in"),
    "two_factor_verify": Row("signed-in"),
    "two_factor_backup_codes": Row("signed-in", POST),
    "two_factor_disable": Row("signed-in"),
    "email_change_confirm": Row("public", PAGE),
    "login": Row("public", FORM, redirects_signed_in=True),
    "logout": Row("public", POST),
    "settings": Row("signed-in"),
    "export": Row("signed-in"),
    "delete_account": Row("signed-in"),
    "password_change": Row("signed-in", FORM),
    "password_change_done": Row("signed-in", TEMPLATE),
    "password_reset": Row("public", PAGE),
    "password_reset_done": Row("public", TEMPLATE),
    # With a token that is not valid, every method gets the "link is not valid" page.
    "password_reset_confirm": PUBLIC,
    "password_reset_complete": Row("public", TEMPLATE),
    "exercises:list": PUBLIC,
    "exercises:path": PUBLIC,
    "exercises:why_lifting_hurts": PUBLIC,
    "exercises:routine": JOURNAL,
    "exercises:routine_add": JOURNAL_POST,
    "exercises:routine_remove": JOURNAL_OWNED_POST,
    "exercises:routine_move": JOURNAL_OWNED_POST,
    "exercises:routine_notes": JOURNAL_OWNED_POST,
    "exercises:detail": PUBLIC,
    "checklist:checklist": Row("public", GET_POST),
    "checklist:about": PUBLIC,
    "checklist:save": Row("signed-in", POST),
    "checklist:history": Row("signed-in"),
    "checklist:history_detail": Row("owned"),
    "checklist:history_delete": Row("owned", POST),
    "journal:index": JOURNAL,
    "journal:quick_log": JOURNAL_POST,
    "journal:entry_new": JOURNAL,
    "journal:entry_restore": JOURNAL_OWNED_POST,  # the undo token is the owner's
    "journal:entry": JOURNAL_OWNED,
    "journal:entry_edit": JOURNAL_OWNED,
    "journal:entry_delete": JOURNAL_OWNED,
    "journal:dismiss_prompt": JOURNAL_POST,
    "journal:workouts": JOURNAL,
    "journal:workout_new": JOURNAL,
    "journal:workout": JOURNAL_OWNED,
    "journal:workout_edit": JOURNAL_OWNED,
    "journal:workout_delete": JOURNAL_OWNED,
    "journal:workout_next_morning": JOURNAL_OWNED_POST,
    "journal:trends": JOURNAL,
    "journal:triggers": JOURNAL,
    "journal:summary": JOURNAL,
    "journal:export": JOURNAL,
    "journal:export_json": JOURNAL,
    "journal:export_entries_csv": JOURNAL,
    "journal:export_workouts_csv": JOURNAL,
    "journal:reminders": JOURNAL,
    "journal:feed_reset": JOURNAL_POST,
    "journal:feed_off": JOURNAL_POST,
    "journal:calendar_feed": Row("token", SAFE),
    "journal:reminders_unsubscribe": Row("token"),
    "journal:psfs": JOURNAL,
    "journal:psfs_rate": JOURNAL,
    "journal:psfs_activity_add": JOURNAL_POST,
    "journal:psfs_activity_retire": JOURNAL_OWNED_POST,
}


URLS = named_patterns()


def test_every_url_has_a_row():
    assert set(URLS) - set(TABLE) == set(), "add the new URL to TABLE with its access policy"
    assert set(TABLE) - set(URLS) == set(), "remove rows for URLs that are gone"


@pytest.fixture
def alices_things(alice):
    today = timezone.localdate()
    entry = make_entry(alice, today, 6, regions=["neck"], notes=SECRET)
    workout = make_workout(alice, today, 2, 4, exercises=[(SECRET, 50)], notes=SECRET)
    result = CheckResult.objects.create(
        user=alice, level="routine", answers={"age": 40}, reasons=[]
    )
    item = RoutineItem.objects.create(
        user=alice, exercise=Exercise.objects.get(slug="bird-dog"), notes=SECRET
    )
    activity = PsfsActivity.objects.create(user=alice, name=SECRET)
    return {
        "entry": entry,
        "workout": workout,
        "result": result,
        "item": item,
        "activity": activity,
    }


def url_for(name: str, things: dict) -> str:
    """The URL `name` with sample values; `things` are the owner's rows named in URLs."""
    converters = URLS[name].pattern.converters
    kwargs = {}
    for key in converters:
        if key == "pk":
            kwargs[key] = _owned_pk(name, things)
        elif key == "item_id":
            kwargs[key] = things["item"].pk
        elif key == "key":
            kwargs[key] = f"red-flag-{things['entry'].pk}"
        elif key == "slug":
            kwargs[key] = "bird-dog"
        elif key == "uidb64":
            kwargs[key] = "AA"
        elif key == "token":
            kwargs[key] = "not-a-token"
        else:
            raise AssertionError(f"{name}: no sample value for <{key}>")
    return reverse(name, kwargs=kwargs)


def _owned_pk(name: str, things: dict) -> int:
    if name.startswith("checklist:"):
        return things["result"].pk
    if name.startswith("journal:workout"):
        return things["workout"].pk
    if name.startswith("journal:psfs"):
        return things["activity"].pk
    return things["entry"].pk


def _post_data(name: str, things: dict) -> str:
    """What a real form posts, where an empty POST would only be refused as incomplete."""
    if name == "exercises:routine_add":
        return urlencode({"exercise": "bird-dog"})
    if name == "journal:entry_restore":
        entry = things["entry"]
        token = signing.dumps(
            {**entry_to_dict(entry), "pk": entry.pk}, salt=f"journal-undo-{entry.user_id}"
        )
        return urlencode({"token": token})
    return ""


def _walk(client, name: str, things: dict):
    """Every method, with and without htmx; each request's writes are rolled back."""
    url = url_for(name, things)
    data = _post_data(name, things)
    for method in sorted(ALL):
        for headers in ({}, {"HX-Request": "true", "HX-Current-URL": "http://testserver/"}):
            cookies = copy.deepcopy(client.cookies)
            with transaction.atomic():
                response = client.generic(
                    method, url, data, "application/x-www-form-urlencoded", headers=headers
                )
                transaction.set_rollback(True)
            client.cookies = cookies
            yield method, bool(headers), response


def _snapshot(alice) -> tuple:
    return (
        list(Entry.objects.for_user(alice).values_list("pk", "pain", "notes")),
        list(Workout.objects.for_user(alice).values_list("pk", "notes", "pain_next_morning")),
        list(CheckResult.objects.for_user(alice).values_list("pk", "level")),
        list(RoutineItem.objects.for_user(alice).values_list("pk", "position", "notes")),
        list(alice.journal_dismissals.values_list("key", flat=True)),
        list(PsfsActivity.objects.filter(user=alice).values_list("pk", "name", "retired_at")),
    )


def _body(response) -> bytes:
    # The journal's exports are streamed.
    return b"".join(response.streaming_content) if response.streaming else response.content


def _is_sign_in(location: str) -> bool:
    return location.startswith("/accounts/signin/?next=")


@pytest.mark.parametrize("name", sorted(TABLE))
def test_anonymous_people_are_sent_to_sign_in(client, alices_things, name):
    row = TABLE[name]
    for method, htmx, response in _walk(client, name, alices_things):
        where = (name, method, htmx, response.status_code)
        assert response.status_code < 500, where
        assert "Permissions-Policy" in response, where
        assert SECRET not in _body(response).decode(errors="replace"), where
        if row.access == "public":
            expected = {200, 302} if method in row.methods else {405}
            assert response.status_code in expected, where
        elif row.access == "token":
            assert response.status_code == (404 if method in row.methods else 405), where
        elif method not in row.methods and response.status_code == 405:
            continue  # require_POST refuses before the sign-in check: nothing is shown
        elif htmx and row.htmx_aware:
            assert response.status_code == 200, where
            assert _is_sign_in(response["HX-Redirect"]), where
            assert response.content == b"", where
        else:
            assert response.status_code == 302 and _is_sign_in(response["Location"]), where


@pytest.mark.parametrize("name", sorted(TABLE))
def test_another_person_gets_404_for_the_owners_things(client, alice, bob, alices_things, name):
    row = TABLE[name]
    before = _snapshot(alice)
    client.force_login(bob)
    for method, htmx, response in _walk(client, name, alices_things):
        where = (name, method, htmx, response.status_code)
        assert SECRET not in _body(response).decode(errors="replace"), where
        assert "no-store" in response.get("Cache-Control", "") or name == "logout", where
        assert "Permissions-Policy" in response, where
        if row.redirects_signed_in:
            assert response.status_code == 302, where
        elif method not in row.methods:
            assert response.status_code == 405, where
        elif row.access in ("owned", "token"):
            assert response.status_code == 404, where
        else:
            assert response.status_code in (200, 302), where
    assert _snapshot(alice) == before


@pytest.mark.parametrize("name", sorted(TABLE))
def test_the_owner_gets_their_pages_and_nothing_is_cached(client, alice, alices_things, name):
    row = TABLE[name]
    client.force_login(alice)
    for method, htmx, response in _walk(client, name, alices_things):
        where = (name, method, htmx, response.status_code)
        # Signing out answers a person who is no longer signed in, with nothing personal.
        assert "no-store" in response.get("Cache-Control", "") or name == "logout", where
        assert "Permissions-Policy" in response, where
        expected = {200, 302} if method in row.methods else {405}
        if row.redirects_signed_in:
            expected = {302}
        elif row.access == "token" and method in row.methods:
            expected = {404}  # the sample token is made up: only the real one opens it
        assert response.status_code in expected, where


def test_public_pages_stay_cacheable_for_anonymous_people(client, db):
    response = client.get("/exercises/")
    assert "no-store" not in response.get("Cache-Control", "")
    assert "camera=()" in response["Permissions-Policy"]


def test_static_files_and_not_found_pages_carry_the_permissions_policy(client, db, settings):
    # WhiteNoise serves from the source folders, as in development (the tests collect nothing).
    settings.WHITENOISE_USE_FINDERS = settings.WHITENOISE_AUTOREFRESH = True
    static = client.get("/static/favicon.svg")
    assert static.status_code == 200
    missing = client.get("/no-such-page/")
    assert missing.status_code == 404
    for response in (static, missing):
        assert "geolocation=()" in response["Permissions-Policy"]
