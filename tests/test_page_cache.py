"""Whole-page caching of the pages that are the same for every signed-out visitor.

A cached page must still be each visitor's own where it matters: a fresh CSRF token that their
POST passes with, the nonce their CSP header names, their region on the checklist, and nothing
cached at all for a signed-in person. And a content edit shows at once.
"""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from guidance.models import Exercise
from tests.conftest import PASSWORD, make_user

CACHED_PAGES = [
    "/",
    "/about/",
    "/exercises/",
    "/exercises/path/",
    "/exercises/why-lifting-hurts/",
    "/exercises/bird-dog/",
    "/checklist/",
    "/checklist/about/",
    "/accounts/signin/",
    "/accounts/signup/",
    "/accounts/password/reset/",
]
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HX_TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')
NONCE = re.compile(r'nonce="([^"]+)"')

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_a_second_signed_out_visit_is_served_from_the_cache(path, django_assert_num_queries):
    first = Client().get(path)
    assert first.status_code == 200
    assert first.templates  # rendered

    with django_assert_num_queries(0):
        second = Client().get(path)

    assert second.status_code == 200
    assert second.templates == []  # not rendered: from the cache


def _same_but_tokens(a: str, b: str) -> bool:
    def plain(text: str) -> str:
        return NONCE.sub("", HX_TOKEN.sub("", TOKEN.sub("", text)))

    return plain(a) == plain(b)


@pytest.mark.parametrize("path", CACHED_PAGES)
def test_the_cached_page_is_the_page(path):
    first = Client().get(path)
    second = Client().get(path)

    assert _same_but_tokens(first.text, second.text)
    assert first["Content-Type"] == second["Content-Type"]
    assert first.get("Cache-Control") == second.get("Cache-Control")


def test_two_visitors_get_their_own_csrf_tokens_and_both_can_sign_in():
    make_user(email="ann@example.com")
    make_user(email="ben@example.com")
    ann, ben = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)

    ann_page = ann.get("/accounts/signin/")
    ben_page = ben.get("/accounts/signin/")  # from the cache
    ann_token = TOKEN.search(ann_page.text)[1]
    ben_token = TOKEN.search(ben_page.text)[1]

    assert ann_token != ben_token
    assert ann.cookies["csrftoken"].value != ben.cookies["csrftoken"].value
    assert HX_TOKEN.search(ben_page.text)[1] == ben_token
    for client, email, token in [
        (ann, "ann@example.com", ann_token),
        (ben, "ben@example.com", ben_token),
    ]:
        response = client.post(
            "/accounts/signin/",
            {"username": email, "password": PASSWORD, "csrfmiddlewaretoken": token},
        )
        assert response.status_code == 302, response.status_code
        assert client.get("/journal/").status_code == 200


def test_each_cached_response_has_its_own_nonce_that_its_csp_header_allows():
    pages = [Client().get("/exercises/") for _ in range(2)]

    nonces = [NONCE.search(page.text)[1] for page in pages]
    assert nonces[0] != nonces[1]
    for page, nonce in zip(pages, nonces, strict=True):
        assert set(NONCE.findall(page.text)) == {nonce}
        assert f"'nonce-{nonce}'" in page["Content-Security-Policy"]


def test_an_exercise_edit_shows_at_once(django_capture_on_commit_callbacks):
    assert "Bird-dog" in Client().get("/exercises/?q=bird").text
    assert "Bird-dog" in Client().get("/exercises/bird-dog/").text

    with django_capture_on_commit_callbacks(execute=True):
        exercise = Exercise.objects.get(slug="bird-dog")
        exercise.name = "Bird-dog, renamed"
        exercise.save()

    assert "Bird-dog, renamed" in Client().get("/exercises/?q=bird").text
    assert "Bird-dog, renamed" in Client().get("/exercises/bird-dog/").text


def test_a_signed_in_person_never_gets_the_cached_page(alice_client):
    Client().get("/exercises/")  # cached for signed-out visitors
    Client().get("/exercises/bird-dog/")

    listing = alice_client.get("/exercises/")
    detail = alice_client.get("/exercises/bird-dog/")

    assert 'action="/exercises/routine/add/"' in listing.text
    assert 'action="/exercises/routine/add/"' in detail.text
    assert "no-store" in listing["Cache-Control"]
    assert "Alice" in listing.text
    # And nothing of Alice's page is cached for the next signed-out visitor.
    assert "Alice" not in Client().get("/exercises/").text


def test_the_htmx_fragment_and_the_whole_page_are_cached_apart():
    page = Client().get("/exercises/")
    fragment = Client().get("/exercises/", headers={"HX-Request": "true"})
    again = Client().get("/exercises/")

    assert "<html" in page.text and "<html" in again.text
    assert "<html" not in fragment.text
    assert "HX-Request" in fragment["Vary"]


def test_filters_in_the_query_string_are_part_of_the_key():
    everything = Client().get("/exercises/")
    filtered = Client().get("/exercises/", {"q": "bird"})

    assert 'href="/exercises/cat-camel/"' in everything.text
    assert 'href="/exercises/cat-camel/"' not in filtered.text
    assert 'href="/exercises/bird-dog/"' in filtered.text


def test_the_checklist_is_cached_per_region():
    uk, us = Client(), Client()
    uk.cookies["checklist_region"] = "uk"
    us.cookies["checklist_region"] = "us"

    assert '<option value="uk" selected>' in uk.get("/checklist/").text
    assert '<option value="us" selected>' in us.get("/checklist/").text
    assert '<option value="us" selected>' in Client().get(
        "/checklist/", headers={"Accept-Language": "en-US"}
    ).text


def test_a_page_with_a_message_is_neither_cached_nor_served_from_the_cache(alice_client):
    Client().get("/")  # cached
    alice_client.post("/accounts/signout/")  # "signed out" message for the home page

    assert "You are signed out." in alice_client.get("/").text
    assert "You are signed out." not in alice_client.get("/").text
    assert "You are signed out." not in Client().get("/").text


def test_off_when_the_setting_is_zero(settings):
    settings.PAGE_CACHE_SECONDS = 0
    Client().get("/exercises/")

    with CaptureQueriesContext(connection) as queries:
        Client().get("/exercises/")

    assert len(queries.captured_queries) > 0
