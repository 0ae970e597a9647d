from datetime import timedelta

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from journal.models import Entry, EntryTag, Region
from tests.journal.factories import make_entry

HX = {"HX-Request": "true"}


def full_form(**overrides) -> dict:
    data = {
        "occurred_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
        "pain": "5",
        "regions": ["lower_back_left", "buttock_left"],
        "qualities": ["ache", "shooting"],
        "activities": "gardening",
        "triggers": "Sitting, lifting, sitting",
        "relievers": "walking",
        "medication": "Ibuprofen",
        "medication_dose": "400 mg",
        "medication_helped": "partly",
        "sleep_hours": "6.5",
        "woken_by_pain": "true",
        "interference": "4",
        "mood": "3",
        "notes": "Stiff after the drive.",
    }
    data.update(overrides)
    return data


def snapshot(user) -> list:
    return list(
        Entry.objects.for_user(user)
        .order_by("id")
        .values_list("id", "pain", "notes", "occurred_at", "updated_at")
    ) + list(EntryTag.objects.filter(entry__user=user).order_by("id").values_list("kind", "value"))


def test_journal_page_shows_quick_log(alice_client):
    response = alice_client.get("/journal/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Quick log" in html
    # The 0-10 scale is one radio group, each number with its word for screen readers.
    assert html.count('type="radio" name="pain"') == 11
    assert '<span class="visually-hidden">, moderate</span>' in html
    assert 'id="quick-pain_0"' in html


def test_quick_log_with_htmx_returns_the_new_row(alice_client, alice):
    response = alice_client.post("/journal/quick/", {"pain": "6", "region": "neck"}, headers=HX)
    assert response.status_code == 200
    entry = Entry.objects.get(user=alice)
    assert entry.pain == 6 and entry.regions == ["neck"]
    assert abs(entry.occurred_at - timezone.now()) < timedelta(minutes=1)
    html = response.content.decode()
    assert html.lstrip().startswith(f'<li id="entry-{entry.pk}"')
    assert "Saved: pain 6 out of 10, neck." in html
    assert 'id="quick-status"' in html and 'hx-swap-oob="true"' in html
    assert '<p id="entry-count" hx-swap-oob="true">1 entry.</p>' in html
    html = alice_client.post("/journal/quick/", {"pain": "5"}, headers=HX).content.decode()
    assert '<p id="entry-count" hx-swap-oob="true">2 entries.</p>' in html


def test_quick_log_without_javascript_redirects_back(alice_client, alice):
    response = alice_client.post("/journal/quick/", {"pain": "2"}, follow=True)
    assert response.redirect_chain == [("/journal/", 302)]
    assert b"Saved: pain 2 out of 10." in response.content
    assert Entry.objects.get(user=alice).regions == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"pain": "11"}, "Pain is scored from 0 to 10: 10 is the worst you can imagine."),
        ({"pain": "-1"}, "Pain is scored from 0 to 10."),
        ({"pain": "lots"}, "Enter a whole number from 0 to 10."),
        ({"pain": "3", "region": "left_elbow"}, "Choose a body region from the list."),
    ],
)
def test_quick_log_rejects_bad_input(alice_client, alice, data, message):
    response = alice_client.post("/journal/quick/", data, headers=HX)
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#quick-errors"
    assert message in response.content.decode()
    assert not Entry.objects.exists()
    response = alice_client.post("/journal/quick/", data, follow=True)
    assert message in response.content.decode()
    assert not Entry.objects.exists()


def test_full_form_saves_every_field(alice_client, alice):
    response = alice_client.post("/journal/entries/new/", full_form())
    assert response.status_code == 302
    entry = Entry.objects.with_tags().get(user=alice)
    assert entry.pain == 5
    assert entry.regions == ["lower_back_left", "buttock_left"]
    assert entry.qualities == ["ache", "shooting"]
    assert entry.activities == ["gardening"]
    assert entry.triggers == ["sitting", "lifting"]  # lower case, no duplicates
    assert entry.relievers == ["walking"]
    assert (entry.medication, entry.medication_dose, entry.medication_helped) == (
        "Ibuprofen",
        "400 mg",
        "partly",
    )
    assert str(entry.sleep_hours) == "6.5" and entry.woken_by_pain is True
    assert entry.interference == 4 and entry.mood == 3
    assert entry.notes == "Stiff after the drive."


def test_entry_time_is_read_in_the_users_zone(client, bob):
    client.force_login(bob)  # America/New_York
    client.post("/journal/entries/new/", full_form(occurred_at="2026-11-20T08:30"))
    entry = Entry.objects.get(user=bob)
    assert entry.occurred_at.isoformat() == "2026-11-20T13:30:00+00:00"


def test_full_form_suggests_tags_from_the_persons_history(alice_client, alice, bob):
    make_entry(alice, timezone.localdate(), 4, triggers=["hoovering"])
    make_entry(bob, timezone.localdate(), 4, triggers=["bob-secret"])
    html = alice_client.get("/journal/entries/new/").content.decode()
    assert "You have used: hoovering" in html
    assert "bob-secret" not in html
    # With JavaScript the same words become chips that fill the field they belong to.
    assert '<div class="chips" data-chips-for="id_triggers" hidden>' in html
    assert '<button type="button" class="chip" data-chip="hoovering"' in html


def test_regions_are_a_body_diagram_of_real_checkboxes(alice_client, alice):
    make_entry(alice, timezone.localdate(), 4, regions=["mid_back", "thigh_left"])
    entry = Entry.objects.get(user=alice)
    html = alice_client.get(f"/journal/entries/{entry.pk}/edit/").content.decode()
    diagram = html.split('class="body-map-field"')[1].split("</fieldset>")[0]
    assert diagram.count('<svg viewBox="0 0 100 200" aria-hidden="true"') == 2  # back and front
    assert diagram.count('type="checkbox" name="regions"') == len(Region.choices)
    for value, label in Region.choices:
        assert f'<label class="region region-{value}" for="id_regions_' in diagram
        assert f'<span class="visually-hidden">{label}</span>' in diagram
    back = diagram.split("-front-title")[0]
    assert "Upper back" in back and "Mid back" in back and "Thigh" not in back
    assert 'value="mid_back" id="id_regions_11" checked' in diagram
    assert "Ticked: Mid back; Thigh, left" in diagram


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"pain": "11"}, "Pain is scored from 0 to 10: 10 is the worst you can imagine."),
        ({"interference": "12"}, "Interference is scored from 0 to 10."),
        ({"sleep_hours": "25"}, "A night has at most 24 hours."),
        (
            {"regions": ["lower_back_left", "left_elbow"]},
            "“left_elbow” is not one of the body regions listed.",
        ),
        ({"qualities": ["itchy"]}, "“itchy” is not one of the words listed."),
        ({"notes": "x" * 100_000}, "Notes can be up to 10000 characters; this has 100000."),
        ({"triggers": "y" * 61}, "is too long: keep each tag under 60 characters."),
        ({"mood": "9"}, "Select a valid choice."),
        ({"occurred_at": "not a date"}, "Enter a date and time, like 2026-11-25 08:30."),
        ({"occurred_at": "1900-01-01T10:00"}, "That date is too long ago: check the year."),
    ],
)
def test_full_form_rejects_bad_input_and_changes_nothing(alice_client, alice, overrides, message):
    entry = make_entry(alice, timezone.localdate(), 3, regions=["neck"], notes="original")
    before = snapshot(alice)
    response = alice_client.post("/journal/entries/new/", full_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    response = alice_client.post(f"/journal/entries/{entry.pk}/edit/", full_form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert snapshot(alice) == before


def test_a_date_more_than_a_day_ahead_is_refused(alice_client, alice):
    ahead = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = alice_client.post("/journal/entries/new/", full_form(occurred_at=ahead))
    assert "That is more than a day in the future: check the date." in response.content.decode()
    assert not Entry.objects.exists()
    # Up to a day ahead is allowed (a clock or zone that is slightly off).
    soon = (timezone.localtime() + timedelta(hours=20)).strftime("%Y-%m-%dT%H:%M")
    assert (
        alice_client.post("/journal/entries/new/", full_form(occurred_at=soon)).status_code == 302
    )


def test_inline_edit_returns_the_updated_row(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3, regions=["neck"])
    form = alice_client.get(f"/journal/entries/{entry.pk}/edit/", headers=HX).content.decode()
    assert form.lstrip().startswith(f'<li id="entry-{entry.pk}" class="entry entry-editing">')
    assert f'id="entry{entry.pk}-pain_0"' in form  # ids that never clash with the quick log's
    response = alice_client.post(
        f"/journal/entries/{entry.pk}/edit/",
        full_form(pain="8", regions=["upper_back"]),
        headers=HX,
    )
    html = response.content.decode()
    assert f'<li id="entry-{entry.pk}" class="entry">' in html
    assert 'role="alert"' not in html
    entry = Entry.objects.with_tags().get(pk=entry.pk)
    assert entry.pain == 8 and entry.regions == ["upper_back"]


def test_inline_edit_that_adds_a_red_flag_says_so_at_once(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3)
    data = full_form(regions=["thigh_left", "below_knee_right"], notes="Numb when wiping, odd")
    response = alice_client.post(f"/journal/entries/{entry.pk}/edit/", data, headers=HX)
    html = response.content.decode()
    assert 'class="entry-flag" role="alert"' in html
    assert (
        "Pain in both legs; your notes mention numbness or loss of feeling and changes around "
        "the genitals, groin or bottom (the saddle area)." in html
    )
    assert 'href="/checklist/"' in html and 'call <a href="tel:999">999</a>' in html


def test_inline_edit_with_bad_input_shows_the_form_again(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 3)
    response = alice_client.post(
        f"/journal/entries/{entry.pk}/edit/", full_form(pain="11"), headers=HX
    )
    html = response.content.decode()
    assert "entry-editing" in html and "Pain is scored from 0 to 10" in html
    assert Entry.objects.get(pk=entry.pk).pain == 3


def test_delete_with_htmx_offers_undo_and_undo_restores_everything(alice_client, alice):
    entry = make_entry(
        alice, timezone.localdate(), 7, regions=["neck"], triggers=["desk"], notes="long day"
    )
    response = alice_client.post(f"/journal/entries/{entry.pk}/delete/", headers=HX)
    html = response.content.decode()
    assert "Entry deleted." in html and "Undo" in html
    assert '<p id="entry-count" hx-swap-oob="true">0 entries.</p>' in html
    assert not Entry.objects.exists()
    token = html.split('name="token" value="')[1].split('"')[0]
    response = alice_client.post("/journal/entries/restore/", {"token": token}, headers=HX)
    assert response.status_code == 200
    assert '<p id="entry-count" hx-swap-oob="true">1 entry.</p>' in response.content.decode()
    restored = Entry.objects.with_tags().get(user=alice)
    assert (restored.pain, restored.regions, restored.triggers, restored.notes) == (
        7,
        ["neck"],
        ["desk"],
        "long day",
    )
    assert restored.occurred_at == entry.occurred_at


def test_delete_without_javascript_then_undo_from_the_journal_page(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 4)
    page = alice_client.get(f"/journal/entries/{entry.pk}/delete/")
    assert b"Delete this entry?" in page.content
    response = alice_client.post(f"/journal/entries/{entry.pk}/delete/", follow=True)
    html = response.content.decode()
    assert "Entry deleted." in html and "Undo the delete" in html
    assert not Entry.objects.exists()
    token = html.split('name="token" value="')[1].split('"')[0]
    alice_client.post("/journal/entries/restore/", {"token": token})
    assert Entry.objects.get(user=alice).pain == 4


def test_undo_token_works_only_for_its_owner_and_only_for_a_while(
    alice_client, alice, bob, client, settings
):
    from django.core import signing

    from journal.export import entry_to_dict

    entry = make_entry(alice, timezone.localdate(), 4)
    token = signing.dumps(entry_to_dict(entry), salt=f"journal-undo-{alice.pk}")
    entry.delete()
    client.force_login(bob)
    assert client.post("/journal/entries/restore/", {"token": token}).status_code == 404
    assert client.post("/journal/entries/restore/", {"token": "garbage"}).status_code == 404
    assert not Entry.objects.exists()


def test_expired_undo_says_so(alice_client, alice, monkeypatch):
    from journal import views

    entry = make_entry(alice, timezone.localdate(), 4)
    token = alice_client.post(f"/journal/entries/{entry.pk}/delete/", headers=HX).content.decode()
    token = token.split('name="token" value="')[1].split('"')[0]
    monkeypatch.setattr(views, "UNDO_SECONDS", -1)
    response = alice_client.post("/journal/entries/restore/", {"token": token}, follow=True)
    assert b"Too late to undo" in response.content
    assert not Entry.objects.exists()


def test_list_filters_by_date_region_and_tag(alice_client, alice):
    today = timezone.localdate()
    make_entry(alice, today, 2, regions=["neck"], notes="neck day")
    make_entry(alice, today - timedelta(days=10), 5, triggers=["lifting"], notes="lifting day")
    make_entry(alice, today - timedelta(days=40), 6, notes="old day")
    html = alice_client.get("/journal/", {"region": "neck"}).content.decode()
    assert "neck day" in html and "lifting day" not in html and "old day" not in html
    html = alice_client.get("/journal/", {"tag": "Lifting"}).content.decode()
    assert "lifting day" in html and "neck day" not in html
    start = (today - timedelta(days=20)).isoformat()
    html = alice_client.get("/journal/", {"start": start}).content.decode()
    assert "neck day" in html and "lifting day" in html and "old day" not in html


def test_bad_filters_are_ignored_with_a_note(alice_client, alice):
    make_entry(alice, timezone.localdate(), 2, notes="still here")
    response = alice_client.get("/journal/", {"start": "2026-13-45", "region": "elbow"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "(ignored)" in html and "still here" in html
    response = alice_client.get("/journal/", {"start": "2026-11-20", "end": "2026-11-01"})
    assert "“From” is after “To”: the dates were ignored." in response.content.decode()
    assert alice_client.get("/journal/", {"page": "nonsense"}).status_code == 200


def test_list_is_newest_first_and_paginated_with_htmx_pages(alice_client, alice):
    today = timezone.localdate()
    for n in range(25):
        make_entry(alice, today - timedelta(days=n), 3, notes=f"day-{n}-note")
    html = alice_client.get("/journal/").content.decode()
    assert html.index("day-0-note") < html.index("day-1-note")
    assert "day-19-note" in html and "day-20-note" not in html
    more = alice_client.get("/journal/", {"page": "2"}, headers=HX).content.decode()
    assert "day-20-note" in more and "day-24-note" in more and "<h1>" not in more
    assert 'id="pager"' in more and 'hx-swap-oob="true"' in more


def test_database_refuses_out_of_range_values(alice):
    now = timezone.now()
    for fields in (
        {"pain": 11},
        {"pain": 3, "interference": 11},
        {"pain": 3, "mood": 6},
        {"pain": 3, "notes": "x" * 10_001},
        {"pain": 3, "medication_helped": "maybe"},
    ):
        with pytest.raises(IntegrityError), transaction.atomic():
            Entry.objects.create(user=alice, occurred_at=now, **fields)
    entry = Entry.objects.create(user=alice, occurred_at=now, pain=3)
    with pytest.raises(IntegrityError), transaction.atomic():
        EntryTag.objects.create(entry=entry, kind="region", value="left_elbow")
    with pytest.raises(IntegrityError), transaction.atomic():
        EntryTag.objects.create(entry=entry, kind="quality", value="itchy")


def test_entry_detail_shows_every_field(alice_client, alice):
    alice_client.post("/journal/entries/new/", full_form())
    entry = Entry.objects.get(user=alice)
    html = alice_client.get(f"/journal/entries/{entry.pk}/").content.decode()
    for text in (
        "5 out of 10",
        "Lower back, left",
        "Shooting",
        "gardening",
        "sitting",
        "walking",
        "Ibuprofen (400 mg)",
        "6.5 hours",
        "woken by pain: yes",
        "4 out of 10",
        "OK",
        "Stiff after the drive.",
    ):
        assert text in html, text


def test_forms_say_which_time_zone_they_use(client, bob):
    client.force_login(bob)
    html = client.get("/journal/entries/new/").content.decode()
    assert "In your time zone (America/New York)" in html
    html = client.get("/journal/workouts/new/").content.decode()
    assert "In your time zone (America/New York)" in html


def test_quick_log_preselects_the_last_region_and_says_so(alice_client, alice):
    html = alice_client.get("/journal/").content.decode()
    assert " selected>" not in html.split('id="quick-region"')[1].split("</select>")[0]
    assert "Same place as last time" not in html
    make_entry(alice, timezone.localdate(), 4, regions=["buttock_right", "thigh_right"])
    html = alice_client.get("/journal/").content.decode()
    select = html.split('id="quick-region"')[1].split("</select>")[0]
    assert '<option value="buttock_right" selected>' in select
    assert select.count(" selected") == 1
    # Never silent: the carried-over choice is said in words, and tied to the menu.
    assert "Same place as last time: <strong>buttock, right</strong>" in html
    assert 'aria-describedby="quick-region-note"' in html


def test_filters_are_folded_away_until_used(alice_client, alice):
    make_entry(alice, timezone.localdate(), 3, regions=["neck"])
    html = alice_client.get("/journal/").content.decode()
    assert '<details class="filter-details">' in html
    html = alice_client.get("/journal/", {"region": "neck"}).content.decode()
    assert '<details class="filter-details" open>' in html
    html = alice_client.get("/journal/", {"start": "nonsense"}).content.decode()
    assert '<details class="filter-details" open>' in html and "(ignored)" in html
