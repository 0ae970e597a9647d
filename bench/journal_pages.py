"""Time the pain journal's pages with five years of data (plain script, not a test).

    .venv/bin/python bench/journal_pages.py [repeats]

Builds a throwaway SQLite database in a temporary directory: one person with ~5,000 entries
and ~780 workouts over five years (tests/journal/history.py), plus 100 other people with
20 days each; then fetches each page `repeats` times (default 20) with Django's test client
and prints the median and worst time in milliseconds and the number of queries.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TMP = tempfile.mkdtemp(prefix="journal-bench-")
os.environ.setdefault("DEBUG", "true")
os.environ["ALLOWED_HOSTS"] = "testserver"
os.environ["DATABASE_URL"] = f"sqlite:///{TMP}/bench.sqlite3"
os.environ["DJANGO_SETTINGS_MODULE"] = "backpain.settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from backpain.models import User  # noqa: E402
from tests.journal.history import build_history  # noqa: E402

PAGES = [
    ("journal list", "/journal/", {}, False),
    ("journal list, page 10 (htmx)", "/journal/", {"page": "10"}, True),
    ("journal list, filtered", "/journal/", {"region": "neck", "tag": "sitting"}, False),
    ("workouts", "/journal/workouts/", {}, False),
    ("trends, 90 days", "/journal/trends/", {}, False),
    ("trends, 5 years", "/journal/trends/", {"start": "2021-11-26"}, False),
    ("triggers, 1 year", "/journal/triggers/", {}, False),
    ("triggers, 5 years", "/journal/triggers/", {"start": "2021-11-26"}, False),
    ("clinician summary", "/journal/summary/", {}, False),
    ("JSON export (all 5 years)", "/journal/export/journal.json", {}, False),
    ("entries CSV (all 5 years)", "/journal/export/entries.csv", {}, False),
]


def main(repeats: int) -> None:
    call_command("migrate", verbosity=0)
    person = User.objects.create_user("bench@example.com", "bench-passphrase-1234")
    started = time.perf_counter()
    entries, workouts = build_history(person, end=timezone.localdate())
    for n in range(100):
        build_history(User.objects.create_user(f"other{n}@example.com"), days=20)
    print(
        f"data: {entries} entries, {workouts} workouts for one person; 100 others; "
        f"built in {time.perf_counter() - started:.1f} s ({connection.vendor})"
    )
    client = Client()
    client.force_login(person)
    print(f"{'page':34} {'median ms':>10} {'max ms':>8} {'queries':>8}")
    for label, path, params, htmx in PAGES:
        headers = {"HX-Request": "true"} if htmx else {}
        client.get(path, params, headers=headers)  # warm up
        times = []
        for _ in range(repeats):
            with CaptureQueriesContext(connection) as queries:
                begin = time.perf_counter()
                response = client.get(path, params, headers=headers)
                times.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (path, response.status_code)
        print(
            f"{label:34} {statistics.median(times):10.1f} {max(times):8.1f} "
            f"{len(queries.captured_queries):8d}"
        )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
