"""Five years of daily entries and workouts: the journal pages run the same number of queries."""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from journal import queries
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


@pytest.mark.django_db
@pytest.mark.parametrize("zone", ["Europe/London", "America/New_York", "Australia/Lord_Howe"])
def test_daily_sums_fall_on_the_persons_own_days_across_clock_changes(zone):
    """In SQL on both databases (no Python function per row on SQLite), and each entry on
    the local day it was made, either side of every daylight-saving change of two years."""
    person = make_user(email=f"tz-{zone.lower().replace('/', '-')}@example.com", time_zone=zone)
    local = zoneinfo.ZoneInfo(zone)
    start, end = date(2024, 1, 1), date(2025, 12, 31)
    moments = []
    day = start
    while day <= end:
        for clock in (time(0, 0), time(0, 30), time(1, 59), time(2, 30), time(23, 59)):
            moments.append(datetime.combine(day, clock, tzinfo=local))
        day += timedelta(days=1)
    # Instants right around each change, read in UTC.
    hours = [datetime(2024, 1, 1, tzinfo=UTC) + timedelta(hours=n) for n in range(2 * 366 * 24)]
    for before, after in pairwise(hours):
        if before.astimezone(local).utcoffset() != after.astimezone(local).utcoffset():
            moments += [after - timedelta(microseconds=1), after, after + timedelta(minutes=1)]
    Entry.objects.bulk_create(
        Entry(user=person, occurred_at=moment, pain=1 + n % 10) for n, moment in enumerate(moments)
    )
    expected: dict[date, list[int]] = {}
    for n, moment in enumerate(moments):
        expected.setdefault(moment.astimezone(local).date(), []).append(1 + n % 10)

    with timezone.override(local), CaptureQueriesContext(connection) as context:
        days = queries.daily(person, start, end)

    assert "django_datetime_cast_date" not in context.captured_queries[0]["sql"]
    got = {d.day: (d.total, d.count, d.worst) for d in days}
    want = {
        day: (sum(pains), len(pains), max(pains))
        for day, pains in expected.items()
        if start <= day <= end
    }
    assert got == want
