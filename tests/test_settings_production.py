"""Production settings for more than one server: database choice, connections, cache, proxies,
compressed static files. Each test loads settings.py afresh with its own environment."""

import runpy
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SETTINGS = ROOT / "backpain" / "settings.py"
POSTGRES = "postgres://backpain:secret@127.0.0.1:5432/backpain"


def load_settings(monkeypatch, **environment: str) -> dict:
    for name in ("DATABASE_URL", "REDIS_URL", "ALLOW_SQLITE_IN_PRODUCTION", "CONN_MAX_AGE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("DEBUG", "false")
    monkeypatch.setenv("SECRET_KEY", "a-test-key-that-is-long-enough-for-the-settings-module-42")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(SETTINGS))


def test_production_refuses_to_start_on_sqlite_unless_asked(monkeypatch, tmp_path):
    with pytest.raises(RuntimeError, match="ALLOW_SQLITE_IN_PRODUCTION"):
        load_settings(monkeypatch, DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    with pytest.raises(RuntimeError, match="ALLOW_SQLITE_IN_PRODUCTION"):
        load_settings(monkeypatch)  # no DATABASE_URL at all: the default SQLite file


def test_production_runs_on_sqlite_when_asked_explicitly(monkeypatch, tmp_path):
    configured = load_settings(
        monkeypatch,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ALLOW_SQLITE_IN_PRODUCTION="true",
    )
    assert configured["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_development_runs_on_sqlite_without_being_asked(monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("ALLOW_SQLITE_IN_PRODUCTION", raising=False)
    monkeypatch.setenv("DEBUG", "true")
    configured = runpy.run_path(str(SETTINGS))
    assert configured["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"


def test_postgresql_connections_persist_with_health_checks(monkeypatch):
    configured = load_settings(monkeypatch, DATABASE_URL=POSTGRES)
    database = configured["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True

    configured = load_settings(monkeypatch, DATABASE_URL=POSTGRES, CONN_MAX_AGE="300")
    assert configured["DATABASES"]["default"]["CONN_MAX_AGE"] == 300


def test_the_cache_is_per_process_by_default_and_redis_with_redis_url(monkeypatch):
    configured = load_settings(monkeypatch, DATABASE_URL=POSTGRES)
    assert configured["CACHES"]["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )

    configured = load_settings(
        monkeypatch, DATABASE_URL=POSTGRES, REDIS_URL="redis://127.0.0.1:6379/1"
    )
    assert configured["CACHES"]["default"] == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://127.0.0.1:6379/1",
    }


def test_redis_cache_client_uses_hiredis():
    from redis.utils import HIREDIS_AVAILABLE

    assert HIREDIS_AVAILABLE


def test_the_proxy_settings_come_from_the_environment(monkeypatch):
    configured = load_settings(
        monkeypatch, DATABASE_URL=POSTGRES, BEHIND_PROXY="true", TRUSTED_PROXY_COUNT="2"
    )
    assert configured["BEHIND_PROXY"] is True
    assert configured["TRUSTED_PROXY_COUNT"] == 2
    assert configured["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")

    configured = load_settings(monkeypatch, DATABASE_URL=POSTGRES, BEHIND_PROXY="false")
    assert "SECURE_PROXY_SSL_HEADER" not in configured


def test_collectstatic_writes_brotli_and_gzip_beside_each_text_file(tmp_path):
    (tmp_path / "static_settings.py").write_text(
        f"from backpain.settings import *  # noqa\nSTATIC_ROOT = {str(tmp_path / 'static')!r}\n"
    )
    environment = {
        "PATH": "/usr/bin:/bin",
        "PYTHONPATH": f"{tmp_path}:{ROOT}",
        "DJANGO_SETTINGS_MODULE": "static_settings",
        "DEBUG": "false",
        "SECRET_KEY": "a-test-key-that-is-long-enough-for-the-settings-module-42",
        "DATABASE_URL": POSTGRES,  # never connected to: collectstatic needs no database
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=environment,
        check=True,
    )
    # WhiteNoise skips files too small to gain; the project's stylesheets are not.
    stylesheets = [
        path
        for path in (tmp_path / "static").rglob("*.css")
        if path.stem.count(".") == 1 and path.stat().st_size > 4096  # hashed, e.g. app.3f2a.css
    ]
    assert stylesheets
    for stylesheet in stylesheets:
        brotli = Path(f"{stylesheet}.br")
        gzip = Path(f"{stylesheet}.gz")
        assert brotli.exists() and gzip.exists(), stylesheet
        assert brotli.stat().st_size < gzip.stat().st_size < stylesheet.stat().st_size


def test_the_benchs_bare_view_is_only_in_the_benchs_url_conf():
    from django.urls import Resolver404, resolve

    with pytest.raises(Resolver404):
        resolve("/bench/bare/")  # the project's own URL conf, as production runs it
    assert resolve("/bench/bare/", urlconf="bench.urls").func.__name__ == "bare"
