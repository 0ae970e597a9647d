"""Reminder choices, the feed token and PSFS ratings are in "download all my data" and go with
the account."""

import json
from datetime import time

from django.utils import timezone

from backpain.models import User
from journal.models import PsfsActivity, PsfsRating, PsfsScore, ReminderSent, ReminderSettings
from tests.conftest import PASSWORD


def fill(user):
    current = ReminderSettings.objects.create(
        user=user,
        session_days=[1, 4],
        session_time=time(7, 0),
        email_weekly=True,
        feed_token_hash="ab" * 32 if user.email.startswith("alice") else "cd" * 32,
        feed_created_at=timezone.now(),
    )
    ReminderSent.objects.create(user=user, key="weekly:2026-03-02")
    activity = PsfsActivity.objects.create(user=user, name=f"{user.display_name}'s deadlift")
    rating = PsfsRating.objects.create(user=user, rated_at=timezone.now())
    PsfsScore.objects.create(rating=rating, activity=activity, score=6)
    return current


def test_the_export_holds_reminder_choices_the_feed_and_psfs_ratings(alice_client, alice, bob):
    fill(alice)
    fill(bob)

    document = json.loads(alice_client.get("/accounts/export/").content)

    reminders = document["reminders"]
    assert reminders["session_days"] == [1, 4]
    assert reminders["session_time"] == "07:00"
    assert reminders["email_weekly"] is True and reminders["email_sessions"] is False
    assert reminders["feed_token_hash"] == "ab" * 32
    assert [a["name"] for a in document["psfs"]["activities"]] == ["Alice's deadlift"]
    (rating,) = document["psfs"]["ratings"]
    assert rating["scores"] == [{"activity": "Alice's deadlift", "score": 6}]
    assert "Bob" not in json.dumps(document)


def test_an_account_without_reminders_exports_none(alice_client):
    document = json.loads(alice_client.get("/accounts/export/").content)
    assert document["reminders"] is None
    assert document["psfs"] == {"activities": [], "ratings": []}


def test_deleting_the_account_deletes_reminders_feed_and_psfs(alice_client, alice, bob):
    fill(alice)
    fill(bob)

    response = alice_client.post("/accounts/delete/", {"password": PASSWORD})

    assert response.status_code == 302
    assert not User.objects.filter(email="alice@example.com").exists()
    for model in (ReminderSettings, ReminderSent, PsfsActivity, PsfsRating):
        assert list(model.objects.values_list("user__email", flat=True)) == ["bob@example.com"]
    assert PsfsScore.objects.get().activity.name == "Bob's deadlift"
    # Alice's feed address is gone with her: only Bob's hash is left.
    assert list(ReminderSettings.objects.values_list("feed_token_hash", flat=True)) == ["cd" * 32]
