"""Email reminders: who is due (pure, fake clock), `send_reminders` with Django's mail outbox,
and the one-click unsubscribe."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core import mail
from django.core.management import call_command

from journal.models import PsfsActivity, PsfsRating, ReminderSent, ReminderSettings, Workout
from journal.reminder_mail import unsubscribe_token
from journal.reminders import Due, Facts, Plan, due_reminders
from tests.conftest import make_user

# Monday 2 March 2026; London is on GMT (UTC+0), New York on EST (UTC-5).
MONDAY = date(2026, 3, 2)


def utc(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=UTC)


def kinds(found: list[Due]) -> list[str]:
    return sorted(item.kind for item in found)


# Pure: who is due when -------------------------------------------------------------------


def test_a_session_reminder_falls_due_at_the_local_time_on_chosen_days_only():
    plan = Plan("America/New_York", frozenset({0, 2}), time(18, 0), email_sessions=True)
    # 18:00 in New York on Monday is 23:00 UTC.
    assert due_reminders(plan, Facts(), utc(MONDAY, 22, 59)) == []
    assert due_reminders(plan, Facts(), utc(MONDAY, 23, 0)) == [Due("session", MONDAY)]
    assert due_reminders(plan, Facts(), utc(MONDAY, 23, 0))[0].key == "session:2026-03-02"
    # Still sent by a run just after midnight UTC (19:10 local)...
    assert kinds(due_reminders(plan, Facts(), utc(MONDAY + timedelta(1), 0, 10))) == ["session"]
    # ...but not hours late, and never on a Tuesday.
    assert due_reminders(plan, Facts(), utc(MONDAY + timedelta(1), 2, 0)) == []
    assert due_reminders(plan, Facts(), utc(MONDAY + timedelta(1), 23, 30)) == []


def test_nothing_is_due_for_someone_who_turned_every_email_off():
    plan = Plan("Europe/London", frozenset(range(7)), time(18, 0), time(8, 0))
    facts = Facts(frozenset({MONDAY - timedelta(1)}), None, True)
    for hour in range(24):
        assert due_reminders(plan, facts, utc(MONDAY, hour, 5)) == []


def test_the_next_morning_check_follows_a_logged_workout_in_local_time():
    plan = Plan("Asia/Tokyo", morning_time=time(7, 30), email_next_morning=True)
    workout_day = date(2026, 3, 1)
    facts = Facts(unchecked_workout_days=frozenset({workout_day}))
    # 07:30 in Tokyo on 2 March is 22:30 UTC on 1 March.
    assert due_reminders(plan, facts, utc(workout_day, 22, 29)) == []
    assert due_reminders(plan, facts, utc(workout_day, 22, 30)) == [Due("next_morning", MONDAY)]
    assert due_reminders(plan, Facts(), utc(workout_day, 22, 30)) == []


def test_the_weekly_summary_comes_on_monday_mornings():
    plan = Plan("Europe/London", morning_time=time(8, 0), email_weekly=True)
    assert due_reminders(plan, Facts(), utc(MONDAY, 8, 15)) == [Due("weekly", MONDAY)]
    assert due_reminders(plan, Facts(), utc(MONDAY + timedelta(1), 8, 15)) == []


def test_local_times_follow_summer_time():
    plan = Plan("Europe/London", frozenset({0}), time(18, 0), email_sessions=True)
    summer_monday = date(2026, 6, 1)  # BST, UTC+1: 18:00 local is 17:00 UTC
    assert kinds(due_reminders(plan, Facts(), utc(summer_monday, 17, 0))) == ["session"]
    assert due_reminders(plan, Facts(), utc(summer_monday, 16, 59)) == []


def test_the_psfs_reminder_comes_once_per_fortnight_when_activities_are_named():
    plan = Plan("Europe/London", morning_time=time(8, 0), email_psfs=True)
    rated = MONDAY - timedelta(days=14)
    facts = Facts(psfs_last_rated=rated, psfs_has_activities=True)
    assert due_reminders(plan, facts, utc(MONDAY - timedelta(1), 8, 5)) == []
    (found,) = due_reminders(plan, facts, utc(MONDAY, 8, 5))
    assert (found.kind, found.key) == ("psfs", f"psfs:{rated.isoformat()}")
    # The same key on the next morning: the sent-log stops a second mail.
    assert due_reminders(plan, facts, utc(MONDAY + timedelta(1), 8, 5))[0].key == found.key
    no_activities = Facts(psfs_last_rated=rated, psfs_has_activities=False)
    assert due_reminders(plan, no_activities, utc(MONDAY, 8, 5)) == []


# send_reminders with the mail outbox -----------------------------------------------------


def remind(user, **choices) -> ReminderSettings:
    return ReminderSettings.objects.create(user=user, **choices)


def run(now: datetime) -> str:
    from io import StringIO

    out = StringIO()
    call_command("send_reminders", "--now", now.isoformat(), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_send_reminders_reaches_the_right_people_at_their_local_times_and_never_twice():
    london = make_user(email="london@example.com", time_zone="Europe/London")
    new_york = make_user(email="ny@example.com", time_zone="America/New_York")
    silent = make_user(email="silent@example.com", time_zone="Europe/London")
    remind(london, session_days=[0], session_time=time(18, 0), email_sessions=True)
    remind(new_york, session_days=[0], session_time=time(18, 0), email_sessions=True)
    remind(silent, session_days=[0], session_time=time(18, 0), email_sessions=False)
    make_user(email="never-chose@example.com")

    assert "Sent 1 reminder mail." in run(utc(MONDAY, 18, 5))
    assert [m.to for m in mail.outbox] == [["london@example.com"]]
    assert run(utc(MONDAY, 18, 20)) == "Sent 0 reminder mails.\n"
    assert len(mail.outbox) == 1

    run(utc(MONDAY, 23, 5))  # 18:05 in New York
    assert [m.to for m in mail.outbox] == [["london@example.com"], ["ny@example.com"]]
    run(utc(MONDAY, 23, 5))
    assert len(mail.outbox) == 2
    assert ReminderSent.objects.filter(user=silent).count() == 0


@pytest.mark.django_db
def test_reminder_mails_hide_health_details_unless_chosen_and_carry_one_click_unsubscribe():
    person = make_user(email="plain@example.com", time_zone="Europe/London")
    remind(person, session_days=[0], session_time=time(18, 0), email_sessions=True)

    run(utc(MONDAY, 18, 0))

    (message,) = mail.outbox
    assert message.subject == "Back exercises today"
    assert "pain" not in message.subject.lower() + message.body.lower()
    assert "http://localhost:8000/journal/workouts/new/" in message.body
    token = unsubscribe_token(person)
    address = f"http://localhost:8000/journal/reminders/unsubscribe/{token}/"
    assert message.extra_headers["List-Unsubscribe"] == f"<{address}>"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert address in message.body


@pytest.mark.django_db
def test_next_morning_weekly_and_psfs_mails_with_details_chosen():
    person = make_user(email="detail@example.com", time_zone="Europe/London")
    remind(
        person,
        morning_time=time(8, 0),
        show_details=True,
        email_next_morning=True,
        email_weekly=True,
        email_psfs=True,
    )
    Workout.objects.create(user=person, started_at=utc(MONDAY - timedelta(1), 18), pain_before=3)
    PsfsActivity.objects.create(user=person, name="sit through a film")
    from tests.journal.factories import make_entry

    make_entry(person, MONDAY - timedelta(days=3), 4)
    make_entry(person, MONDAY - timedelta(days=2), 6)

    run(utc(MONDAY, 8, 10))

    (message,) = mail.outbox
    assert message.subject == "Your Back on Track reminders"
    assert "How is your back this morning, after yesterday's workout?" in message.body
    assert "2 journal entries, average pain 5.0 out of 10, 1 workout." in message.body
    assert "time to rate your activities again" in message.body
    assert "http://localhost:8000/journal/psfs/rate/" in message.body
    assert set(ReminderSent.objects.values_list("key", flat=True)) == {
        "next_morning:2026-03-02",
        "weekly:2026-03-02",
        "psfs:first",
    }
    PsfsRating.objects.create(user=person, rated_at=utc(MONDAY, 9))
    run(utc(MONDAY + timedelta(1), 8, 10))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_failed_send_is_not_logged_so_the_next_run_retries(monkeypatch):
    person = make_user(email="retry@example.com", time_zone="Europe/London")
    remind(person, session_days=[0], email_sessions=True)

    def broken(self, *args, **kwargs):
        raise OSError("SMTP server down")

    from django.core.mail import EmailMessage

    with monkeypatch.context() as patched:
        patched.setattr(EmailMessage, "send", broken)
        assert "Sent 0" in run(utc(MONDAY, 18, 0))
    assert not ReminderSent.objects.exists()
    assert "Sent 1" in run(utc(MONDAY, 18, 15))
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_bad_now_is_a_clear_error():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="ISO 8601"):
        call_command("send_reminders", "--now", "next tuesday")


# Unsubscribe ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_unsubscribe_asks_on_get_and_stops_all_mail_on_post_without_signing_in(client):
    person = make_user(email="stop@example.com", time_zone="Europe/London")
    remind(person, session_days=[0], email_sessions=True, email_weekly=True, email_psfs=True)
    address = f"/journal/reminders/unsubscribe/{unsubscribe_token(person)}/"

    page = client.get(address)
    assert page.status_code == 200
    assert "Stop all reminder emails" in page.text
    assert ReminderSettings.objects.get(user=person).any_email  # a link scanner changes nothing

    # What a mail program sends for RFC 8058 one-click: no cookie, no CSRF token.
    from django.test import Client

    done = Client(enforce_csrf_checks=True).post(address, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert not ReminderSettings.objects.get(user=person).any_email
    run(utc(MONDAY, 18, 0))
    assert mail.outbox == []


@pytest.mark.django_db
def test_a_forged_or_altered_unsubscribe_link_is_404(client):
    person = make_user(time_zone="Europe/London")
    remind(person, session_days=[0], email_sessions=True)
    token = unsubscribe_token(person)

    for bad in ("1", token[:-1] + ("A" if token[-1] != "A" else "B"), "x" * 200):
        assert client.post(f"/journal/reminders/unsubscribe/{bad}/").status_code == 404
    assert ReminderSettings.objects.get(user=person).email_sessions


# The settings page ------------------------------------------------------------------------


def test_reminders_are_off_by_default_and_saved_from_the_settings_page(alice_client, alice):
    page = alice_client.get("/journal/reminders/")
    assert page.status_code == 200
    assert not ReminderSettings.objects.exists()
    assert page.context["form"].initial["email_sessions"] is False

    saved = alice_client.post(
        "/journal/reminders/",
        {
            "session_days": ["2", "0"],
            "session_time": "07:15",
            "morning_time": "08:30",
            "email_sessions": "on",
            "feed_next_morning": "on",
        },
    )
    assert saved.status_code == 302
    current = ReminderSettings.objects.get(user=alice)
    assert current.session_days == [0, 2]
    assert (current.session_time, current.morning_time) == (time(7, 15), time(8, 30))
    assert current.email_sessions and not current.email_weekly and not current.feed_psfs


def test_bad_reminder_choices_change_nothing(alice_client, alice):
    remind(alice, session_days=[1], email_weekly=True)
    response = alice_client.post(
        "/journal/reminders/",
        {"session_days": ["9"], "session_time": "25:99", "morning_time": "", "email_psfs": "on"},
    )
    assert response.status_code == 200
    assert "Pick days from the list." in response.text
    assert "Enter a time as hours and minutes" in response.text
    current = ReminderSettings.objects.get(user=alice)
    assert (current.session_days, current.email_weekly, current.email_psfs) == ([1], True, False)


def test_the_reminder_page_runs_a_constant_number_of_queries(alice_client, alice):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert alice_client.get("/journal/reminders/").status_code == 200
        return len(queries.captured_queries)

    before = count()
    remind(alice, session_days=[0, 1, 2, 3, 4, 5, 6], email_sessions=True, email_weekly=True)
    for n in range(30):
        ReminderSent.objects.create(user=alice, key=f"session:2026-01-{n + 1:02d}")
        Workout.objects.create(user=alice, started_at=utc(MONDAY - timedelta(n), 18), pain_before=2)
    assert count() == before


def test_the_reminder_pages_need_signing_in(client):
    for path in ("/journal/reminders/", "/journal/psfs/", "/journal/psfs/rate/"):
        response = client.get(path)
        assert response.status_code == 302 and "/accounts/signin/" in response["Location"]
