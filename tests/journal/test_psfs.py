"""The Patient-Specific Functional Scale: arithmetic, pages, history across retired activities,
and its place on the trends page, the clinician summary and the journal."""

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal import psfs
from journal.models import PsfsActivity, PsfsRating, PsfsScore

# Pure ---------------------------------------------------------------------------------------


def test_the_score_is_the_average_and_change_is_like_for_like():
    assert psfs.average({1: 3, 2: 4, 3: 8}) == 5
    assert psfs.average({}) is None
    # Activity 3 was retired and 4 added: only 1 and 2 were scored both times.
    found = psfs.change({1: 2, 2: 4, 3: 9}, {1: 5, 2: 5, 4: 0})
    assert (found.points, found.activities) == (2.0, 2)
    assert psfs.change({1: 2}, {2: 5}) is None


@pytest.mark.parametrize(
    ("before", "after", "verdict"),
    [
        ({1: 3, 2: 3, 3: 3}, {1: 5, 2: 5, 3: 5}, "a meaningful improvement"),
        ({1: 3, 2: 3, 3: 4}, {1: 5, 2: 5, 3: 5}, "not a meaningful change"),  # +1.67
        ({1: 6, 2: 6, 3: 6}, {1: 4, 2: 4, 3: 4}, "a meaningful worsening"),
        ({1: 2, 2: 3, 3: 4}, {1: 4, 2: 5, 3: 6}, "a meaningful improvement"),
    ],
)
def test_a_change_of_two_points_or_more_is_meaningful(before, after, verdict):
    assert psfs.change(before, after).verdict == verdict


def test_the_scale_is_due_two_weeks_after_the_last_rating_when_activities_are_named():
    rated = date(2026, 3, 1)
    assert psfs.next_due(rated) == date(2026, 3, 15)
    assert not psfs.is_due(rated, date(2026, 3, 14), True)
    assert psfs.is_due(rated, date(2026, 3, 15), True)
    assert psfs.is_due(None, date(2026, 3, 1), True)
    assert not psfs.is_due(None, date(2026, 3, 1), False)


# Pages ---------------------------------------------------------------------------------------


def add(client, name: str):
    return client.post("/journal/psfs/activities/", {"name": name})


def rate(client, user, scores: list[int]):
    active = PsfsActivity.objects.filter(user=user, retired_at__isnull=True)
    data = {f"activity-{a.pk}": str(s) for a, s in zip(active, scores, strict=True)}
    return client.post("/journal/psfs/rate/", data)


def backdate_ratings(user, days: int):
    for rating in PsfsRating.objects.filter(user=user):
        rating.rated_at -= timedelta(days=days)
        rating.save()


def test_naming_rating_and_a_second_rating_shows_a_meaningful_change(alice_client, alice):
    for name in ("deadlift 60 kg", "sit through a film", "lift my child"):
        assert add(alice_client, name).status_code == 302
    assert rate(alice_client, alice, [2, 3, 4]).status_code == 302
    backdate_ratings(alice, 14)

    assert "Time to rate your activities" in alice_client.get("/journal/").text
    response = rate(alice_client, alice, [5, 5, 6])
    assert response.status_code == 302

    page = alice_client.get("/journal/psfs/")
    assert "Latest average: <strong>5.3 out of 10</strong>" in page.text
    assert "+2.3 points, <strong>a meaningful improvement</strong>" in page.text
    assert "Stratford et al., Physiotherapy Canada 1995" in page.text
    assert "Maughan &amp; Lewis, Manual Therapy 2010" in page.text
    assert "Time to rate your activities" not in alice_client.get("/journal/").text


def test_trends_and_the_clinician_summary_show_the_scale(alice_client, alice):
    for name in ("deadlift 60 kg", "sit through a film"):
        add(alice_client, name)
    rate(alice_client, alice, [4, 4])
    backdate_ratings(alice, 14)
    rate(alice_client, alice, [5, 4])

    trends = alice_client.get("/journal/trends/").text
    assert "What I can do (Patient-Specific Functional Scale)" in trends
    assert "+0.5 points, <strong>not a meaningful change</strong>" in trends
    summary = alice_client.get("/journal/summary/").text
    assert "Patient-Specific Functional Scale" in summary
    assert "deadlift 60 kg: 4 → 5" in summary
    assert "sit through a film: 4 → 4" in summary


def test_the_summary_leaves_the_scale_out_when_it_is_not_used(alice_client):
    assert "Patient-Specific Functional Scale" not in alice_client.get("/journal/summary/").text


def test_retiring_and_adding_activities_keeps_the_history(alice_client, alice):
    for name in ("run 5 km", "garden for an hour", "sleep through"):
        add(alice_client, name)
    rate(alice_client, alice, [3, 3, 3])
    retired = PsfsActivity.objects.get(name="sleep through")
    assert alice_client.post(f"/journal/psfs/activities/{retired.pk}/retire/").status_code == 302
    add(alice_client, "carry shopping")
    backdate_ratings(alice, 14)
    rate(alice_client, alice, [6, 5, 1])

    assert PsfsScore.objects.filter(activity=retired).count() == 1
    page = alice_client.get("/journal/psfs/").text
    assert "sleep through (retired)" in page
    # Like for like: run 3 -> 6 and garden 3 -> 5 = +2.5 on the 2 activities rated both times.
    assert "+2.5 points, <strong>a meaningful improvement</strong> (on the 2 activities" in page
    rate_page = alice_client.get("/journal/psfs/rate/").text
    assert "sleep through" not in rate_page and "carry shopping" in rate_page


def test_at_most_five_activities_and_bad_input_changes_nothing(alice_client, alice):
    for n in range(5):
        add(alice_client, f"activity {n}")
    refused = add(alice_client, "a sixth")
    assert refused.status_code == 200
    assert "retire one to add another" in refused.text
    assert "Name the activity" in add(alice_client, "   ").text
    assert "80 characters at most" in add(alice_client, "x" * 81).text
    assert PsfsActivity.objects.filter(user=alice).count() == 5

    first = PsfsActivity.objects.filter(user=alice).first()
    data = {f"activity-{a.pk}": "5" for a in PsfsActivity.objects.filter(user=alice)}
    data[f"activity-{first.pk}"] = "11"
    response = alice_client.post("/journal/psfs/rate/", data)
    assert response.status_code == 200
    assert "Scores go from 0 (unable) to 10 (as before)." in response.text
    assert not PsfsRating.objects.exists()


def test_rating_with_no_activities_sends_you_to_name_them(alice_client):
    response = alice_client.get("/journal/psfs/rate/")
    assert response.status_code == 302 and response["Location"] == "/journal/psfs/"


def test_another_persons_activity_is_404_and_untouched(alice_client, alice, bob):
    theirs = PsfsActivity.objects.create(user=bob, name="bob's secret")
    PsfsRating.objects.create(user=bob, rated_at=timezone.now())
    assert alice_client.post(f"/journal/psfs/activities/{theirs.pk}/retire/").status_code == 404
    theirs.refresh_from_db()
    assert theirs.retired_at is None
    assert "bob's secret" not in alice_client.get("/journal/psfs/").text
    # A score for Bob's activity sent in Alice's form is ignored: only her own fields exist.
    mine = PsfsActivity.objects.create(user=alice, name="walk the dog")
    data = {f"activity-{mine.pk}": "4", f"activity-{theirs.pk}": "3"}
    assert alice_client.post("/journal/psfs/rate/", data).status_code == 302
    assert list(PsfsScore.objects.values_list("activity__name", "score")) == [("walk the dog", 4)]


def test_psfs_pages_run_a_constant_number_of_queries(alice_client, alice):
    def counts():
        result = []
        for path in ("/journal/psfs/", "/journal/psfs/rate/", "/journal/trends/"):
            with CaptureQueriesContext(connection) as queries:
                assert alice_client.get(path).status_code == 200
            result.append(len(queries.captured_queries))
        return result

    for name in ("a", "b", "c"):
        add(alice_client, name)
    rate(alice_client, alice, [1, 2, 3])
    few = counts()
    for n in range(20):
        backdate_ratings(alice, 14)
        rate(alice_client, alice, [n % 11, 5, 5])
    PsfsActivity.objects.filter(user=alice, name="a").update(retired_at=timezone.now())
    add(alice_client, "d")
    add(alice_client, "e")
    assert PsfsRating.objects.filter(user=alice).count() == 21
    assert counts() == few
