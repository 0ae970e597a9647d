import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from tests.urlwalk import all_paths

ROOT = Path(__file__).resolve().parents[2]


def test_csrf_is_enforced_on_every_post(alice):
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(alice)
    paths = all_paths() + ["/admin/login/"]
    assert len(paths) > 10

    # RFC 8058 one-click unsubscribe: mail programs POST without a CSRF token; the signed token
    # in the address authorises it (tests/journal/test_reminders.py).
    exempt = [path for path in paths if path.startswith("/journal/reminders/unsubscribe/")]
    assert len(exempt) == 1
    for path in paths:
        response = strict.post(path, {"anything": "1"})
        if path in exempt:
            assert response.status_code == 404, path  # a made-up token
            continue
        assert response.status_code == 403, path


def test_csrf_token_is_accepted_when_present(client, db):
    client.get("/accounts/signin/")
    token = client.cookies["csrftoken"].value
    strict = Client(enforce_csrf_checks=True)
    strict.cookies["csrftoken"] = token

    response = strict.post(
        "/accounts/signin/",
        {"username": "nobody@example.com", "password": "x", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/", "/about/", "/accounts/signin/", "/no-such-page/"])
def test_every_response_carries_a_strict_content_security_policy(client, db, path):
    policy = client.get(path)["Content-Security-Policy"]

    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy


def test_scripts_carry_the_nonce_of_their_response(client, db):
    response = client.get("/")
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script[^>]*>", response.text)

    assert scripts
    assert all(f'nonce="{nonce}"' in tag for tag in scripts)


def test_templates_load_nothing_from_other_sites():
    loading = re.compile(
        r"<(?:script|link|img|iframe|source|video|audio|object|embed)\b[^>]*"
        r"\b(?:src|href|srcset|data)\s*=\s*[\"']?(?:https?:)?//",
        re.IGNORECASE,
    )
    offenders = [
        str(path.relative_to(ROOT))
        for path in (ROOT / "templates").rglob("*.html")
        if loading.search(path.read_text())
    ]
    assert offenders == []


def test_unknown_pages_get_the_friendly_404(client, db):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert "We could not find that page" in response.text


def test_server_errors_get_the_friendly_500(rf):
    from backpain.views import server_error

    response = server_error(rf.get("/"))

    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_deploy_check_is_clean_with_production_settings():
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DEBUG": "false",
        "SECRET_KEY": "x7Hk2pQ9vL4mN8rT1wY6zB3cF5gJ0sD2aE9uI7oP4lK1jH8gF6dS3aZ5xC7vB9nM",
        "ALLOWED_HOSTS": "backontrack.example",
        "DJANGO_SETTINGS_MODULE": "backpain.settings",
        # The suite's database may be SQLite, which production accepts only when asked to.
        "ALLOW_SQLITE_IN_PRODUCTION": "true",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"} | {"DEBUG": "false"}
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr
