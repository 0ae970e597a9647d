import pytest

from guidance.export import user_data
from guidance.models import Exercise, RoutineItem

pytestmark = pytest.mark.django_db


def test_the_export_has_my_routine_in_order_and_nobody_elses(alice, bob):
    for position, slug in enumerate(["curl-up", "bird-dog"]):
        RoutineItem.objects.create(
            user=alice, exercise=Exercise.objects.get(slug=slug), position=position, notes=slug
        )
    RoutineItem.objects.create(user=bob, exercise=Exercise.objects.get(slug="side-bridge"))
    data = user_data(alice)["routine"]
    assert [row["exercise"] for row in data] == ["curl-up", "bird-dog"]
    assert data[0] == {
        "position": 1,
        "exercise": "curl-up",
        "exercise_name": "McGill curl-up",
        "notes": "curl-up",
        "added_at": data[0]["added_at"],
    }
    assert user_data(bob)["routine"][0]["exercise"] == "side-bridge"
