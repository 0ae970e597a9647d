import logging
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from unittest import mock

from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def test_a_session_ends_after_thirty_idle_minutes_but_not_while_in_use(client, alice):
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.post("/accounts/signin/", {"username": "alice@example.com", "password": PASSWORD})

    for minutes in (29, 58, 87):  # each visit moves the expiry on
        with mock.patch(
            "django.utils.timezone.now", return_value=start + timedelta(minutes=minutes)
        ):
            assert client.get("/accounts/settings/").status_code == 200, minutes

    idle = start + timedelta(minutes=87 + 31)
    with mock.patch("django.utils.timezone.now", return_value=idle):
        response = client.get("/accounts/settings/")

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/signin/")


def settings_from_env(**env) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in ("ADMINS", "SERVER_EMAIL")}
    environment |= {"DJANGO_SETTINGS_MODULE": "backpain.settings", **env}
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.ADMINS, settings.SERVER_EMAIL, settings.SESSION_COOKIE_AGE)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_admins_server_email_and_idle_time_come_from_the_environment():
    configured = settings_from_env(
        ADMINS="ops@example.com, oncall@example.com",
        SERVER_EMAIL="errors@backontrack.example",
        SESSION_IDLE_MINUTES="10",
    )

    assert configured == (
        "['ops@example.com', 'oncall@example.com'] errors@backontrack.example 600"
    )
    assert settings_from_env().endswith("1800")


def test_server_errors_are_mailed_to_admins(settings):
    settings.DEBUG = False
    settings.ADMINS = ["ops@example.com"]

    logging.getLogger("django.request").error("Internal Server Error: /journal/")

    (report,) = mail.outbox
    assert report.to == ["ops@example.com"]
    assert "Internal Server Error: /journal/" in report.subject


def test_pages_viewed_within_a_minute_do_not_write_the_session(client, alice):
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        client.post("/accounts/signin/", {"username": "alice@example.com", "password": PASSWORD})

    def session_writes(at) -> int:
        with (
            mock.patch("django.utils.timezone.now", return_value=at),
            CaptureQueriesContext(connection) as queries,
        ):
            assert client.get("/accounts/settings/").status_code == 200
        return sum("django_session" in q["sql"] and "SELECT" not in q["sql"] for q in queries)

    assert session_writes(start) == 0
    assert session_writes(start + timedelta(seconds=30)) == 0
    assert session_writes(start + timedelta(seconds=59)) == 0
    assert session_writes(start + timedelta(seconds=61)) == 1
