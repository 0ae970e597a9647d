"""An undo restores the deleted entry once, however often its token is posted."""

import pytest
from django.utils import timezone

from journal.models import Entry, EntryTag
from tests.journal.factories import make_entry

HX = {"HX-Request": "true"}


def _token(html: str) -> str:
    return html.split('name="token" value="')[1].split('"')[0]


@pytest.mark.parametrize("headers", [{}, HX], ids=["plain", "htmx"])
def test_replaying_an_undo_token_restores_one_copy(alice_client, alice, headers):
    entry = make_entry(alice, timezone.localdate(), 6, regions=["neck"], notes="stiff")
    deleted = alice_client.post(f"/journal/entries/{entry.pk}/delete/", headers=HX)
    token = _token(deleted.content.decode())

    responses = [
        alice_client.post("/journal/entries/restore/", {"token": token}, headers=headers)
        for _ in range(3)
    ]

    assert [r.status_code for r in responses] == [200 if headers else 302] * 3
    restored = Entry.objects.for_user(alice).with_tags().get()
    assert (restored.pk, restored.pain, restored.regions, restored.notes) == (
        entry.pk,
        6,
        ["neck"],
        "stiff",
    )
    assert EntryTag.objects.filter(entry__user=alice).count() == 1
    if headers:
        assert '<p id="entry-count" hx-swap-oob="true">1 entry.</p>' in responses[2].text


def test_undo_from_the_journal_page_then_replayed_keeps_one_copy(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 4)
    page = alice_client.post(f"/journal/entries/{entry.pk}/delete/", follow=True)
    token = _token(page.content.decode())
    for _ in range(3):
        alice_client.post("/journal/entries/restore/", {"token": token})
    assert Entry.objects.for_user(alice).count() == 1


def test_an_undo_does_not_touch_a_newer_entry(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 4)
    token = _token(alice_client.post(f"/journal/entries/{entry.pk}/delete/", headers=HX).text)
    newer = make_entry(alice, timezone.localdate(), 8, notes="after the delete")
    for _ in range(2):
        alice_client.post("/journal/entries/restore/", {"token": token}, headers=HX)
    assert sorted(Entry.objects.for_user(alice).values_list("pain", flat=True)) == [4, 8]
    newer.refresh_from_db()
    assert newer.notes == "after the delete"
