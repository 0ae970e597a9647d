"""Journal writes that read first, when another request's write lands in between.

`lands_while_waiting_for_the_lock` runs the other request's change just before this request's
locking read: what happens when this request waited for the lock. Both share the test's one
connection, so a 404 here also rolls back that change; what matters is what this request wrote.
"""

from datetime import date

import pytest
from django.db import DatabaseError
from django.db.models import QuerySet
from django.urls import reverse

from journal.models import Entry, EntryTag
from tests.journal.factories import make_entry

from .test_entries import full_form, snapshot

HX = {"HX-Request": "true"}

pytestmark = pytest.mark.django_db


def lands_while_waiting_for_the_lock(monkeypatch, other_request) -> list:
    real, ran = QuerySet.select_for_update, []

    def select_for_update(queryset, *args, **kwargs):
        if queryset.model is Entry and not ran:
            ran.append(True)
            other_request()
        return real(queryset, *args, **kwargs)

    monkeypatch.setattr(QuerySet, "select_for_update", select_for_update)
    return ran


@pytest.mark.parametrize("headers", [{}, HX])
def test_an_edit_that_waited_for_a_delete_is_404_and_writes_nothing(
    alice_client, alice, monkeypatch, headers
):
    entry = make_entry(alice, date(2026, 11, 20), pain=3, notes="before")
    before = snapshot(alice)
    deleted = lands_while_waiting_for_the_lock(
        monkeypatch, lambda: Entry.objects.filter(pk=entry.pk).delete()
    )
    edit = reverse("journal:entry_edit", args=[entry.pk])
    response = alice_client.post(edit, full_form(notes="after"), headers=headers)
    assert deleted and response.status_code == 404
    assert snapshot(alice) == before


def test_a_second_delete_that_waited_for_the_first_is_404_with_no_second_undo(
    alice_client, alice, monkeypatch
):
    entry = make_entry(alice, date(2026, 11, 20), pain=3)
    deleted = lands_while_waiting_for_the_lock(
        monkeypatch, lambda: Entry.objects.filter(pk=entry.pk).delete()
    )
    response = alice_client.post(reverse("journal:entry_delete", args=[entry.pk]), headers=HX)
    assert deleted and response.status_code == 404
    assert 'name="token"' not in response.content.decode()


def test_a_quick_log_whose_tag_cannot_be_written_leaves_no_half_entry(
    alice_client, alice, monkeypatch
):
    def tag_write_fails(*args, **kwargs):
        raise DatabaseError("disk I/O error")

    monkeypatch.setattr(EntryTag.objects, "create", tag_write_fails)
    with pytest.raises(DatabaseError):
        alice_client.post(reverse("journal:quick_log"), {"pain": "4", "region": "neck"})
    assert not Entry.objects.for_user(alice).exists()
