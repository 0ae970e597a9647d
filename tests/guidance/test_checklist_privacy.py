"""Nothing about an anonymous person's answers reaches the database or the logs."""

import logging

import pytest
from django.apps import apps

from tests.guidance.checklist_answers import all_no

pytestmark = pytest.mark.django_db


def row_counts() -> dict:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def answers(**extra) -> dict:
    return all_no(**extra)


def every_kind_of_request(client):
    htmx = {"HX-Request": "true"}
    client.get("/checklist/")
    client.post("/checklist/", answers(saddle_numbness="yes", age="58", cancer_history="yes"))
    client.post("/checklist/", answers(fever="yes", region="us"))
    client.post("/checklist/", answers(fever="yes", incontinence="yes", _edit="1"))
    client.post("/checklist/", {"age": "500", "bogus": "x"})
    client.post("/checklist/", {"abdominal_pain": "yes", "age": "500"})  # emergency, unfinished
    client.post("/checklist/", answers(cancer_history="unsure", age="", age_not_sure="on"))
    client.post("/checklist/", {"_partial": "emergency", "incontinence": "yes"}, headers=htmx)
    client.post(
        "/checklist/",
        {"_partial": "followup", "parent": "leg_weakness", "leg_weakness": "yes"},
        headers=htmx,
    )
    client.post("/checklist/save/", answers(fever="yes"))


def test_anonymous_submissions_write_zero_rows_anywhere(client):
    before = row_counts()

    every_kind_of_request(client)

    assert row_counts() == before
    assert "sessionid" not in client.cookies


def test_anonymous_save_goes_to_sign_in_and_stores_nothing(client):
    before = row_counts()

    response = client.post("/checklist/save/", answers(fever="yes"))

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/signin/")
    assert row_counts() == before


def test_nothing_about_the_answers_is_logged(client, caplog):
    caplog.set_level(logging.DEBUG)

    every_kind_of_request(client)

    logged = caplog.text + " ".join(str(record.args) for record in caplog.records)
    for word in ("saddle_numbness", "cancer_history", "incontinence", "leg_weakness", "fever"):
        assert word not in logged
