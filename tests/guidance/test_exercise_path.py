import pytest
from django.urls import reverse

from guidance.exercises_path import REASONS, STAGES, stages_with_exercises
from guidance.models import Exercise

pytestmark = pytest.mark.django_db


def test_the_path_page_shows_each_stage_what_it_is_for_and_when_to_move_on(client):
    response = client.get(reverse("exercises:path"))
    assert response.status_code == 200
    html = response.content.decode()
    for stage in STAGES:
        assert f"Stage {stage.number}: {stage.title}" in html
        assert stage.purpose in html
        for point in stage.ready:
            assert point in html
    assert "settled by the next morning" in html


def test_the_path_page_lists_every_exercise_under_its_stage(client):
    html = client.get(reverse("exercises:path")).content.decode()
    for exercise in Exercise.objects.all():
        assert f'href="{exercise.get_absolute_url()}"' in html
    sections = html.split('class="path-stage"')[1:]
    assert len(sections) == 3
    assert "/exercises/barbell-deadlift/" in sections[2]
    assert "/exercises/barbell-deadlift/" not in sections[0]


def test_the_path_page_runs_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("exercises:path"))


def test_stages_with_exercises_groups_plain_objects():
    class Item:
        def __init__(self, stage):
            self.stage = stage

    grouped = stages_with_exercises([Item(1), Item(3), Item(1)])
    assert [len(stage.exercises) for stage in grouped] == [2, 0, 1]


def test_why_lifting_hurts_gives_three_reasons_each_linked_to_exercises(client):
    response = client.get(reverse("exercises:why_lifting_hurts"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "No foundation for movement" in html
    assert "Poor technique" in html
    assert "Too much weight" in html
    assert "See a GP if the pain does not improve within a few weeks" in html
    assert "usually a strain" not in html  # a diagnosis no source here makes
    for reason in REASONS:
        section = html.split(f'id="{reason.key}"')[1].split("</section>")[0]
        for slug in reason.exercise_slugs:
            assert f'href="/exercises/{slug}/"' in section


def test_why_lifting_hurts_runs_one_query(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        client.get(reverse("exercises:why_lifting_hurts"))
