"""Whatever arrives, at whatever URL, the answer is a page or a clear refusal, never a 500.

The test client re-raises any exception a view lets escape, so a crash fails the test.
"""

import pytest
from django.utils import timezone

from guidance.models import CheckResult, Exercise, RoutineItem
from tests.journal.factories import make_entry, make_workout
from tests.urlwalk import all_paths

HOSTILE = {
    "q": "x" * 5000,
    "page": "-1",
    "search": "\x00",
    "category": "not-a-category",
    "stage": "99",
    "equipment": ["none", "nonsense"],
    "difficulty": "hard'; DROP TABLE",
    "area": "\u202e",
    "flare": "maybe",
    "sort": "-password",
    "start": "2026-02-31",
    "end": "99999-01-01",
    "days": "1e9",
    "region": "spleen",
    "tag": "\x00",
    "pain": "11",
    "pain_before": "-3",
    "occurred_at": "yesterday",
    "started_at": "0000-00-00T25:61",
    "age": "500",
    "duration_weeks": "-1",
    "saddle_numbness": "perhaps",
    "next": "https://evil.example/",
    "notes": "n" * 110_000,
    "load": "-5",
    "position": "9" * 30,
    "direction": "sideways",
    "format": "exe",
    "unknown_field": "1",
    "display_name": "\x00",
    "medication": "ibu\x00profen",
    "email": "\x00@example.com",
}
INT_SAMPLES = ["0", "1", "9" * 25]


@pytest.fixture
def alice_with_data(alice):
    today = timezone.localdate()
    make_entry(alice, today, 6, regions=["neck"], triggers=["lifting"])
    make_workout(alice, today, before=2, after=5, exercises=[("Deadlift", 100)])
    CheckResult.objects.create(user=alice, level="routine", answers={"age": 40}, reasons=[])
    RoutineItem.objects.create(user=alice, exercise=Exercise.objects.get(slug="bird-dog"))
    return alice


def every_path() -> list[str]:
    paths = set()
    for number in INT_SAMPLES:
        paths.update(all_paths(samples={"int": number}))
    return sorted(paths)


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "signed-in"])
def test_hostile_input_never_causes_a_server_error(client, alice_with_data, signed_in):
    if signed_in:
        client.force_login(alice_with_data)
    paths = every_path()
    assert len(paths) > 40

    for path in paths:
        for headers in ({}, {"HX-Request": "true"}):
            for response in (
                client.get(path, HOSTILE, headers=headers),
                client.post(path, HOSTILE, headers=headers),
            ):
                assert response.status_code < 500, (path, headers, response.status_code)
