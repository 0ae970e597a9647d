from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from guidance import checklist_questions, triage
from guidance.models import Exercise

pytestmark = pytest.mark.django_db


def _markdown() -> str:
    out = StringIO()
    call_command("clinical_review", stdout=out)
    return out.getvalue()


def test_the_command_prints_every_question_rule_and_exercise_with_its_dose_and_cautions():
    text = _markdown()
    for question in checklist_questions.QUESTIONS:
        assert question.text in text
    for rule in triage.RULES:
        assert f"`{rule.id}`" in text
        assert rule.reason in text
        for source in rule.sources:
            assert source.url in text
    exercises = list(Exercise.objects.all())
    assert len(exercises) >= 40
    for exercise in exercises:
        assert f"### {exercise.name} " in text
        assert f"{exercise.dosage_summary}. {exercise.dose_basis}" in text
        for caution in exercise.caution_list:
            assert caution in text


def test_the_command_names_each_level_by_its_title_never_its_code():
    text = _markdown()
    for info in checklist_questions.LEVEL_INFO.values():
        assert f"### {info.title}" in text
    for code in triage.LEVELS:
        assert f": {code} (" not in text


def test_the_review_page_shows_the_same_content_with_working_source_links(client):
    response = client.get(reverse("clinical_review"))
    assert response.status_code == 200
    text = response.content.decode()
    for rule in triage.RULES:
        assert f'id="rule-{rule.id}"' in text
        for source in rule.sources:
            assert f'href="{source.url}"' in text
    for exercise in Exercise.objects.all():
        assert reverse("exercises:detail", args=[exercise.slug]) in text


def test_the_review_page_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        client.get(reverse("clinical_review"))
