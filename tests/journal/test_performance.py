"""Five years of daily entries and workouts: the journal pages run the same number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal.models import Entry, Workout
from tests.conftest import make_user
from tests.journal.history import build_history, build_small

PAGES = [
    ("/journal/", {}),
    ("/journal/", {"page": "3", "_htmx": True}),
    ("/journal/", {"region": "neck", "tag": "sitting"}),
    ("/journal/workouts/", {}),
    ("/journal/trends/", {}),
    ("/journal/trends/", {"start": "2021-01-01"}),
    ("/journal/triggers/", {}),
    ("/journal/summary/", {}),
    ("/journal/export/journal.json", {}),
    ("/journal/export/entries.csv", {}),
    ("/journal/export/workouts.csv", {}),
]


def _get(client, path, params) -> int:
    """The page, read to its end (an export's queries run while it streams): its status."""
    params = dict(params)
    headers = {"HX-Request": "true"} if params.pop("_htmx", False) else {}
    response = client.get(path, params, headers=headers)
    if response.streaming:
        assert b"".join(response.streaming_content)
    return response.status_code


def _count(client, path, params) -> int:
    with CaptureQueriesContext(connection) as context:
        assert _get(client, path, params) == 200, path
    return len(context.captured_queries)


@pytest.mark.django_db
def test_query_counts_do_not_grow_with_five_years_of_data(client, django_assert_num_queries):
    person = make_user(email="heavy@example.com", time_zone="Europe/London")
    client.force_login(person)
    build_small(person, end=timezone.localdate())
    small = {(path, str(params)): _count(client, path, params) for path, params in PAGES}

    build_history(person, end=timezone.localdate())
    for n in range(100):
        build_history(make_user(email=f"other{n}@example.com"), days=20)
    assert 4_800 <= Entry.objects.filter(user=person).count() <= 5_100
    assert Workout.objects.filter(user=person).count() >= 700
    assert Entry.objects.count() >= 4_800 + 100 * 50

    for path, params in PAGES:
        expected = small[(path, str(params))]
        assert expected <= 12, (path, expected)
        with django_assert_num_queries(expected):
            assert _get(client, path, params) == 200
