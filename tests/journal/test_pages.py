"""Trends, triggers, summary and prompts: the numbers the database computes, worked by hand."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from guidance.models import CheckResult
from guidance.triage import assess
from journal import charts, queries
from journal.models import Entry
from tests.journal.factories import make_entry, make_workout


def test_daily_sums_use_the_persons_time_zone(bob):
    # 23:30 in New York on 1 Nov is 03:30 UTC on 2 Nov: it belongs to bob's 1 Nov.
    utc = ZoneInfo("UTC")
    Entry.objects.create(user=bob, occurred_at=datetime(2026, 11, 2, 3, 30, tzinfo=utc), pain=4)
    Entry.objects.create(user=bob, occurred_at=datetime(2026, 11, 1, 14, 0, tzinfo=utc), pain=8)
    Entry.objects.create(user=bob, occurred_at=datetime(2026, 11, 2, 15, 0, tzinfo=utc), pain=1)
    with timezone.override(ZoneInfo(bob.time_zone)):
        days = queries.daily(bob, date(2026, 11, 1), date(2026, 11, 2))
    assert [(d.day, d.total, d.count, d.worst) for d in days] == [
        (date(2026, 11, 1), 12, 2, 8),
        (date(2026, 11, 2), 1, 1, 1),
    ]


def test_trends_page_shows_weekly_averages_and_charts(alice_client, alice):
    # Mon 16 Nov: 2 and 4; Sun 22 Nov: 9 -> week of 16 Nov averages 5.0; Mon 23 Nov: 3.
    make_entry(alice, date(2026, 11, 16), 2, hour=8)
    make_entry(alice, date(2026, 11, 16), 4, hour=20)
    make_entry(alice, date(2026, 11, 22), 9)
    make_entry(alice, date(2026, 11, 23), 3)
    make_workout(alice, date(2026, 11, 20), 3, 6, pain_during=7, pain_next_morning=4)
    response = alice_client.get("/journal/trends/", {"start": "2026-11-01", "end": "2026-11-25"})
    html = response.content.decode()
    assert "<td>Mon 16 Nov 2026</td><td>3</td><td>2</td><td>5.0</td>" in html
    assert "<td>Mon 23 Nov 2026</td><td>1</td><td>1</td><td>3.0</td>" in html
    assert "<td>Mon 16 Nov 2026</td><td>2</td><td>3.0</td><td>4</td>" in html  # daily table
    assert "average pain 4.5, worst 9" in html
    assert html.count("<svg") == 3 and "<polyline" in html
    assert "<td>3</td><td>7</td><td>6</td><td>4</td>" in html  # workout table
    assert 'role="img"' in html and "<title" in html


def test_triggers_page_ranks_with_the_minimum_data_rule(alice_client, alice):
    day = timezone.localdate()
    for pain in (6, 7, 8):
        make_entry(alice, day, pain, triggers=["sitting"])
    for pain in (2, 3):
        make_entry(alice, day, pain, relievers=["walking"])
    make_entry(alice, day, 4)
    html = alice_client.get("/journal/triggers/").content.decode()
    assert "Association is not cause." in html
    # sitting: 3 with (mean 7.0), 3 without (2, 3, 4: mean 3.0): +4.0
    assert (
        '<th scope="row">sitting</th><td data-label="Logged as">trigger</td>'
        '<td data-label="Entries with">3</td><td data-label="Average with">7.0</td>'
        '<td data-label="Entries without">3</td><td data-label="Average without">3.0</td>' in html
    )
    assert "+4.0" in html
    # walking: only 2 entries: held back.
    assert "walking (reliever): 2 entries with, 4 without; no conclusion yet." in html
    assert '<th scope="row">walking</th>' not in html


def test_triggers_page_exercise_changes_and_load(alice_client, alice):
    day = timezone.localdate() - timedelta(days=5)
    # Deadlift: 80 kg three times (before 2 -> after 2, 3, 2: mean +0.33),
    # 100 kg twice (2 -> 5 and 2 -> 4: mean +2.5). Next morning logged once: 2 -> 6 (+4).
    for after in (2, 3, 2):
        make_workout(alice, day, 2, after, exercises=[("Deadlift", 80)])
    make_workout(alice, day, 2, 5, exercises=[("Deadlift", 100)], pain_next_morning=6)
    make_workout(alice, day, 2, 4, exercises=[("Deadlift", 100)])
    make_workout(alice, day, 2, 2, exercises=[("Plank", None)])
    html = alice_client.get("/journal/triggers/").content.decode()
    row = html.split('<th scope="row">Deadlift</th>')[1].split("</tr>")[0]
    # Mean change after: (0 + 1 + 0 + 3 + 2) / 5 = 1.2
    assert '<td data-label="Workouts">5</td>' in row and "+1.2" in row
    assert "+4.0 (1 logged)" in row
    assert "100 kg; fine up to 80 kg" in row
    plank = html.split('<th scope="row">Plank</th>')[1].split("</tr>")[0]
    assert "Not enough data yet" in plank


def test_summary_has_period_numbers_regions_medications_and_checklist(alice_client, alice):
    day = timezone.localdate()
    make_entry(
        alice,
        day - timedelta(days=2),
        8,
        regions=["lower_back_left"],
        medication="Ibuprofen",
        medication_dose="400 mg",
        medication_helped="yes",
    )
    make_entry(
        alice,
        day - timedelta(days=1),
        4,
        regions=["lower_back_left", "neck"],
        medication="Ibuprofen",
        medication_dose="400 mg",
        medication_helped="no",
    )
    make_entry(alice, day, 3)
    answers = {"age": 41, "duration_weeks": 10, "not_improving": True}
    result = assess(answers)
    CheckResult.objects.create(
        user=alice, level=result.level, answers=answers, reasons=result.reasons_as_dicts()
    )
    html = alice_client.get("/journal/summary/").content.decode()
    assert "<strong>Average pain:</strong> 5.0/10" in html
    assert "<strong>Worst:</strong> 8/10" in html
    assert "<li>Lower back, left: 2 entries</li>" in html and "<li>Neck: 1 entry</li>" in html
    assert "Ibuprofen 400 mg: 2 times; helped 1, a little 0, no 1" in html
    assert "Book a routine appointment" in html
    assert f"<li>{result.reasons[0].text}</li>" in html
    assert "{&#x27;" not in html
    assert "<svg" in html


def test_summary_says_whether_the_weekly_average_fell_meaningfully(alice_client, alice):
    # The verdict as of the period's end (22 Nov): 16-22 Nov against 2-8 Nov.
    make_entry(alice, date(2026, 11, 2), 8)
    make_entry(alice, date(2026, 11, 16), 6)  # 2 points but 25%
    period = {"start": "2026-11-01", "end": "2026-11-22"}
    html = alice_client.get("/journal/summary/", period).content.decode()
    assert 'data-progress-verdict="not_improving"' in html
    assert "Your weekly average fell from 8.0 to 6.0: not yet the fall" in html
    make_entry(alice, date(2026, 11, 17), 5)  # 5.5: 2.5 points and 31%
    html = alice_client.get("/journal/summary/", period).content.decode()
    assert 'data-progress-verdict="improving"' in html
    assert "Your weekly average fell from 8.0 to 5.5: a real improvement." in html


def test_summary_does_not_count_medication_effects_nobody_recorded(alice_client, alice):
    make_entry(alice, timezone.localdate(), 4, medication="Ibuprofen")
    html = alice_client.get("/journal/summary/").content.decode()
    assert "Ibuprofen: 1 time; whether it helped was not recorded" in html
    assert "helped 0" not in html
    make_entry(alice, timezone.localdate(), 4, medication="Ibuprofen", medication_helped="yes")
    html = alice_client.get("/journal/summary/").content.decode()
    assert "Ibuprofen: 2 times; helped 1, a little 0, no 0" in html


def test_trends_period_starts_at_the_first_entry_unless_chosen(alice_client, alice):
    first = timezone.localdate() - timedelta(days=10)
    make_entry(alice, first, 4)
    html = alice_client.get("/journal/trends/").content.decode()
    assert f"{first:%-d %b %Y} to" in html
    html = alice_client.get("/journal/trends/", {"start": "2026-01-01"}).content.decode()
    assert "1 Jan 2026 to" in html


def test_summary_without_data_or_checklist(alice_client):
    html = alice_client.get("/journal/summary/").content.decode()
    assert "No saved checklist result" in html and 'href="/checklist/"' in html


def test_red_flag_prompt_shows_and_can_be_dismissed(alice_client, alice):
    entry = make_entry(alice, timezone.localdate(), 5, notes="Numbness in my saddle area")
    html = alice_client.get("/journal/").content.decode()
    assert "may need a red-flag check" in html and 'href="/checklist/"' in html
    response = alice_client.post(
        f"/journal/prompts/red-flag-{entry.pk}/dismiss/", headers={"HX-Request": "true"}
    )
    assert response.status_code == 200 and response.content == b""
    assert "may need a red-flag check" not in alice_client.get("/journal/").content.decode()


def test_red_flag_prompt_reads_regions_and_qualities(alice_client, alice):
    make_entry(
        alice,
        timezone.localdate(),
        4,
        regions=["buttock_left", "buttock_right"],
        qualities=["tingling"],
    )
    html = alice_client.get("/journal/").content.decode()
    assert "Tingling in both buttocks." in html and "card-urgent" in html
    assert 'href="https://royalfree.nhs.uk/patients-and-visitors/' in html


def test_not_improving_prompt_from_logged_entries(alice_client, alice):
    today = timezone.localdate()
    for n in range(20, -1, -1):
        make_entry(alice, today - timedelta(days=n), 6 if n >= 7 else 5)
    html = alice_client.get("/journal/").content.decode()
    assert "Your pain has not eased over 2 weeks" in html
    response = alice_client.post(
        "/journal/prompts/" + html.split("/journal/prompts/")[1].split("/")[0] + "/dismiss/",
        follow=True,
    )
    assert "Your pain has not eased" not in response.content.decode()


@pytest.mark.parametrize("path", ["/journal/trends/", "/journal/triggers/", "/journal/summary/"])
def test_period_pages_handle_reversed_dates(alice_client, path):
    response = alice_client.get(path, {"start": "2026-11-20", "end": "2026-11-01"})
    assert response.status_code == 200
    assert "“From” is after “To”" in response.content.decode()


def test_calendar_covers_only_the_period_and_names_every_day(alice_client, alice):
    make_entry(alice, date(2026, 11, 4), 2)  # Wed, mild
    make_entry(alice, date(2026, 11, 4), 5)  # daily average 3.5: still mild
    make_entry(alice, date(2026, 11, 10), 8)  # Tue, severe
    make_entry(alice, date(2026, 11, 2), 9)  # Mon before the period: not in the calendar
    response = alice_client.get("/journal/trends/", {"start": "2026-11-04", "end": "2026-11-11"})
    html = response.content.decode()
    # 4 to 11 November: 8 squares, each with its own text.
    calendar = html[
        html.index('id="cal-title"') : html.index("</svg>", html.index('id="cal-title"'))
    ]
    assert calendar.count("<rect") == 8
    assert "<title>Wed 4 Nov 2026: average 3.5 from 2 entries</title>" in calendar
    assert "<title>Tue 10 Nov 2026: average 8.0 from 1 entry</title>" in calendar
    assert "<title>Thu 5 Nov 2026: nothing logged</title>" in calendar
    assert "Mon 2 Nov" not in calendar
    assert calendar.count('fill="#fdf0c4"') == 1 and calendar.count('fill="#a4161a"') == 1
    for label in ("No entry", "0, no pain", "Mild (under 4)", "Moderate (4 to 6.9)", "Severe"):
        assert label in html


def test_workout_chart_dates_at_most_eight_so_they_never_overlap():
    workouts = [
        SimpleNamespace(pain_before=2, pain_during=None, pain_after=3, pain_next_morning=None)
        for _ in range(20)
    ]
    groups = charts.workout_bars(workouts)["groups"]
    assert [i for i, g in enumerate(groups) if g["labelled"]] == [0, 3, 6, 9, 12, 15, 18]
    assert [len(g["bars"]) for g in groups[:1]] == [2]
    few = charts.workout_bars(workouts[:5])["groups"]
    assert all(g["labelled"] for g in few)
