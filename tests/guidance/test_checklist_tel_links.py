"""Every emergency number on the checklist's pages is a tel: link, and no page shows jargon,
level codes or draft notes (issue 8, item 0)."""

import pytest

from guidance import triage
from guidance.models import CheckResult
from tests.guidance.checklist_answers import all_no
from tests.guidance.phone_numbers import numbers_without_tel_links, visible_text

pytestmark = pytest.mark.django_db

ONE_OF_EACH_LEVEL = {
    "emergency": all_no(saddle_numbness="yes"),
    "emergency with age blank": {"abdominal_pain": "yes"},
    "cancer team": all_no(cancer_history="yes", sciatica="yes"),
    "same_day": all_no(fever="yes", age=50, cancer_history="unsure"),
    "within_days": all_no(osteoporosis="yes", age_not_sure="on", age=""),
    "routine": all_no(duration_weeks=10, not_improving="yes", age=41),
    "self_care": all_no(age=30, duration_weeks=1, sciatica="yes"),
}
JARGON = [
    "safety-netting",
    "safety netting",
    "Noted: does not raise the level",
    "to verify",
    "(2019 copy)",
    "archived copy",
    "clinical reference, section",
    "vercel.app",
    *[code for code in triage.LEVELS if "_" in code],  # "emergency", "routine" are words
]


def pages(client) -> dict[str, str]:
    found = {path: client.get(path).text for path in ("/", "/about/", "/checklist/")}
    found["/checklist/about/"] = client.get("/checklist/about/").text
    found["form with errors"] = client.post("/checklist/", {"age": "500"}).text
    for name, data in ONE_OF_EACH_LEVEL.items():
        for region in ("uk", "eu", "us"):
            found[f"{name} result, {region}"] = client.post(
                "/checklist/", {**data, "region": region}
            ).text
    htmx = {"HX-Request": "true"}
    found["live emergency panel"] = client.post(
        "/checklist/", {"_partial": "emergency", "incontinence": "yes"}, headers=htmx
    ).text
    return found


def signed_in_pages(client, user) -> dict[str, str]:
    found = {}
    for level in triage.LEVELS:
        saved = CheckResult.objects.create(
            user=user,
            level=level,
            answers={"age": 70, "osteoporosis": True, "cancer_history": "not sure"},
            reasons=triage.assess({"age": 70, "osteoporosis": True}).reasons_as_dicts(),
        )
        found[f"history {level}"] = client.get(f"/checklist/history/{saved.pk}/").text
    found["history"] = client.get("/checklist/history/").text
    return found


def test_every_emergency_number_on_every_checklist_page_is_a_tel_link(client, alice):
    every = pages(client)
    client.force_login(alice)
    every |= signed_in_pages(client, alice)

    for name, html in every.items():
        bare, linked = numbers_without_tel_links(html)
        assert not bare, name
        assert linked, name
    urgent = every["same_day result, uk"]
    assert 'href="tel:111"' in urgent and 'href="https://111.nhs.uk/"' in urgent
    for other in ("112", "911"):
        assert f'href="tel:{other}"' in urgent  # the other regions' numbers are offered
    assert 'href="tel:116117"' in every["same_day result, eu"]


def test_no_checklist_page_shows_jargon_level_codes_or_draft_notes(client, alice):
    every = pages(client)
    client.force_login(alice)
    every |= signed_in_pages(client, alice)

    for name, html in every.items():
        text = visible_text(html)
        for word in JARGON:
            assert word not in text, (name, word)


def test_the_number_finder_sees_a_bare_number_and_ignores_web_addresses():
    bare, linked = numbers_without_tel_links(
        '<p>Call 999 now or <a href="tel:112">112</a>.</p><p>See 111.nhs.uk, ref 19990.</p>'
        "<p>NHS 111 online</p>"
    )

    assert bare == ["999 in “Call 999 now or”"]
    assert linked == ["112"]
