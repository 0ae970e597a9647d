"""SQLite as a server database: the options in settings.py, tried on a real database file.

Each test loads settings.py afresh with its own DATABASE_URL and opens its own connections to
a temporary file, so it runs the same whichever database the suite itself uses.
"""

import runpy
import threading
from pathlib import Path

import pytest
from django.db import OperationalError, transaction
from django.db.utils import ConnectionHandler

SETTINGS = Path(__file__).resolve().parents[1] / "backpain" / "settings.py"


def load_settings(monkeypatch, url: str) -> dict:
    monkeypatch.setenv("DATABASE_URL", url)
    return runpy.run_path(str(SETTINGS))


@pytest.fixture
def databases(monkeypatch, tmp_path, django_db_blocker):
    """A handler for the file database configured exactly as settings.py says; every thread
    that asks it for "default" gets its own connection, as gunicorn workers would."""
    configured = load_settings(monkeypatch, f"sqlite:///{tmp_path / 'server.sqlite3'}")
    handler = ConnectionHandler({"default": configured["DATABASES"]["default"]})
    with django_db_blocker.unblock():
        with handler["default"].cursor() as cursor:
            cursor.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, value INTEGER)")
            cursor.execute("INSERT INTO counter VALUES (1, 0)")
        yield handler
        handler.close_all()


def read_value(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM counter WHERE id = 1")
        return cursor.fetchone()[0]


def write_value(connection, value: int) -> None:
    with connection.cursor() as cursor:
        cursor.execute("UPDATE counter SET value = %s WHERE id = 1", [value])


def test_sqlite_gets_immediate_transactions_a_busy_timeout_and_wal(monkeypatch, tmp_path):
    configured = load_settings(monkeypatch, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    options = configured["DATABASES"]["default"]["OPTIONS"]
    assert options["transaction_mode"] == "IMMEDIATE"
    assert options["timeout"] >= 5
    assert "journal_mode=WAL" in options["init_command"]
    assert "synchronous=NORMAL" in options["init_command"]


def test_options_in_the_database_url_take_precedence(monkeypatch, tmp_path):
    configured = load_settings(monkeypatch, f"sqlite:///{tmp_path / 'db.sqlite3'}?timeout=3")
    options = configured["DATABASES"]["default"]["OPTIONS"]
    assert options["timeout"] == 3
    assert options["transaction_mode"] == "IMMEDIATE"


def test_postgresql_gets_no_sqlite_options(monkeypatch):
    configured = load_settings(monkeypatch, "postgres://user:pass@127.0.0.1:5432/backpain")
    assert "transaction_mode" not in configured["DATABASES"]["default"].get("OPTIONS", {})


def test_a_connection_opens_in_wal_mode_with_normal_sync(databases):
    with databases["default"].cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
        cursor.execute("PRAGMA synchronous")
        assert cursor.fetchone()[0] == 1  # NORMAL


def test_a_read_then_write_transaction_is_not_refused_when_another_writer_comes_in(
    databases, monkeypatch
):
    """What made "My routine" reorder fail under load: with SQLite's default (DEFERRED)
    transactions, this transaction only reads at first, another request commits a write, and
    this transaction's own write is then refused at once with "database is locked". With
    IMMEDIATE transactions the other writer waits for the lock, and both writes land."""
    monkeypatch.setattr(transaction, "connections", databases)
    other_done = threading.Event()
    other_errors = []

    def other_request():
        try:
            write_value(databases["default"], 100)
        except OperationalError as error:
            other_errors.append(error)
        finally:
            databases["default"].close()
            other_done.set()

    other = threading.Thread(target=other_request)
    with transaction.atomic():
        value = read_value(databases["default"])
        other.start()
        # With DEFERRED the other write commits at once; with IMMEDIATE it waits for this one.
        other_done.wait(timeout=1)
        write_value(databases["default"], value + 1)
    other.join(timeout=30)
    assert other_errors == []
    assert read_value(databases["default"]) == 100  # this write, then the one that waited
