import pytest
from django.contrib.auth.models import Permission

from guidance.models import CheckResult
from tests.conftest import make_user, sign_in_with_second_factor
from tests.guidance.checklist_answers import all_no

pytestmark = pytest.mark.django_db


def answers(**extra) -> dict:
    return all_no(**extra)


def save(client, **extra):
    return client.post("/checklist/save/", answers(**extra))


def test_saving_stores_level_answers_and_reasons(alice_client, alice):
    response = save(alice_client, age="62", cancer_history="yes", night_pain="yes", fever="unsure")

    saved = CheckResult.objects.for_user(alice).get()
    assert response.status_code == 302
    assert response["Location"] == f"/checklist/history/{saved.pk}/"
    assert saved.level == "same_day"
    assert saved.answers["cancer_history"] is True
    assert saved.answers["age"] == 62
    assert saved.answers["chest_pain"] is False
    assert "fever" not in saved.answers  # "not sure" is not reported
    rules = [reason["rule"] for reason in saved.reasons]
    assert rules[0] == "mscc_cancer_with_spinal_pain"
    assert saved.reasons[0]["sources"][0]["url"].startswith("https://")


def test_saving_recomputes_the_level_and_rejects_tampered_fields(alice_client, alice):
    response = alice_client.post("/checklist/save/", {**answers(), "level": "self_care"})

    assert response.status_code == 302
    assert response["Location"] == "/checklist/"
    assert not CheckResult.objects.exists()


def test_saving_needs_post(alice_client):
    assert alice_client.get("/checklist/save/").status_code == 405


def test_history_lists_only_my_results_newest_first(
    alice_client, alice, bob, django_assert_max_num_queries
):
    save(alice_client, fever="yes")
    save(alice_client, incontinence="yes")
    CheckResult.objects.create(user=bob, level="routine", answers={}, reasons=[])

    with django_assert_max_num_queries(3):
        response = alice_client.get("/checklist/history/")

    assert response.status_code == 200
    assert response.text.count("/checklist/history/") >= 2
    assert response.text.index("Emergency: get help now") < response.text.index(
        "See a doctor today"
    )
    assert "Book a routine appointment" not in response.text
    assert CheckResult.objects.for_user(alice).first().level == "emergency"


def test_history_query_count_does_not_grow_with_results(
    alice_client, alice, django_assert_max_num_queries
):
    for _ in range(20):
        CheckResult.objects.create(user=alice, level="routine", answers={}, reasons=[])

    with django_assert_max_num_queries(3):
        alice_client.get("/checklist/history/")


def test_detail_shows_level_reasons_and_answers(alice_client, alice):
    save(alice_client, fever="yes", age="50")
    saved = CheckResult.objects.for_user(alice).get()

    response = alice_client.get(f"/checklist/history/{saved.pk}/")

    assert response.status_code == 200
    assert 'data-triage-level="same_day"' in response.text
    assert "A high temperature, shivering or chills" in response.text
    assert "How old are you?</td><td>50" in response.text
    assert response["Cache-Control"] == "no-store"


def test_another_persons_result_is_not_found(alice_client, bob):
    theirs = CheckResult.objects.create(user=bob, level="routine", answers={}, reasons=[])

    assert alice_client.get(f"/checklist/history/{theirs.pk}/").status_code == 404
    assert alice_client.post(f"/checklist/history/{theirs.pk}/delete/").status_code == 404
    assert CheckResult.objects.filter(pk=theirs.pk).exists()
    assert alice_client.get("/checklist/history/999999/").status_code == 404


def test_delete_removes_my_result(alice_client, alice):
    save(alice_client, fever="yes")
    saved = CheckResult.objects.for_user(alice).get()

    assert alice_client.get(f"/checklist/history/{saved.pk}/delete/").status_code == 405
    response = alice_client.post(f"/checklist/history/{saved.pk}/delete/")

    assert response.status_code == 302
    assert response["Location"] == "/checklist/history/"
    assert not CheckResult.objects.exists()


@pytest.mark.parametrize("path", ["/checklist/history/", "/checklist/history/1/"])
def test_history_needs_sign_in(client, path):
    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/signin/?next=")


def test_admin_shows_saved_results_only_to_superusers(client, alice):
    CheckResult.objects.create(user=alice, level="routine", answers={"fever": True}, reasons=[])
    staff = make_user(is_staff=True)
    staff.user_permissions.set(Permission.objects.filter(codename__endswith="checkresult"))
    sign_in_with_second_factor(client, staff)

    assert client.get("/admin/guidance/checkresult/").status_code == 403

    sign_in_with_second_factor(client, make_user(is_staff=True, is_superuser=True))
    assert client.get("/admin/guidance/checkresult/").status_code == 200


def test_saving_keeps_not_sure_answers_and_shows_them_as_counted(alice_client, alice):
    save(alice_client, cancer_history="unsure", age="", age_not_sure="on", leg_weakness="yes")

    saved = CheckResult.objects.for_user(alice).get()
    assert saved.answers["cancer_history"] == "not sure"
    assert saved.answers["age"] == "not sure"
    assert saved.level == "emergency"  # cancer counted as yes, with new leg weakness
    text = alice_client.get(f"/checklist/history/{saved.pk}/").text
    assert "<td>Not sure (counted as yes)</td>" in text
    assert "<td>Not sure (the age giving the most careful result was used)</td>" in text


def test_an_emergency_can_be_saved_before_the_rest_of_the_checklist_is_answered(
    alice_client, alice
):
    response = alice_client.post("/checklist/save/", {"incontinence": "yes"})

    saved = CheckResult.objects.for_user(alice).get()
    assert response["Location"] == f"/checklist/history/{saved.pk}/"
    assert saved.level == "emergency"
    assert saved.answers == {"incontinence": True}
