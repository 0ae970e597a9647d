"""Load and fault test: `make soak` (not part of `make test`).

    SOAK_SECONDS=60 SOAK_CONNECTIONS=64 SOAK_DATABASES="sqlite postgresql" \\
        .venv/bin/python soak/run.py

For each database: a throwaway database (a SQLite file in a temporary directory, or a fresh
database on the local PostgreSQL cluster, started as .ci/run does), migrated and seeded with one
person per connection by this script's `seed` step; gunicorn with 4 workers and the production
settings (DEBUG off, a throwaway SECRET_KEY; HTTPS redirect and secure cookies off, as this is
plain http on 127.0.0.1) on a free local port. Each connection signs in as its own person (CSRF
token from the cookie) and for SOAK_SECONDS does a random mix of quick log, edit, delete, undo
(now and then twice at once, or again later), one entry deleted twice at once or edited and
deleted at once, routine reorder, checklist POSTs (the result page and a saved result) and page
reads, keeping its own record of every write the server acknowledged. A third and two thirds of
the way through, a gunicorn worker is killed with SIGKILL. At the end the rows in the database
are counted against that record:

- lost: an acknowledged quick log, undo or saved result that is not a row; an acknowledged edit
  whose text is not in the row; an acknowledged delete whose row is back; a routine whose order
  differs from the acknowledged moves;
- duplicated: rows nobody acknowledged (e.g. a second row from one undo token), and a second
  undo token or restored row for one deleted entry;
- errors: 5xx, connection errors, and any other status the request should not get.

A request cut off by a worker kill is reported as interrupted and its write as "in doubt"
(either outcome is correct, as the client never had an answer); everything else must match.
The exit code is non-zero if anything was lost, duplicated or errored. Temporary directories,
gunicorn, the PostgreSQL database (and the cluster, if this script started it and nobody else
is connected) are removed at the end.
"""

import json
import os
import random
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.client import HTTPConnection, HTTPException
from http.cookies import SimpleCookie
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]
SECONDS = float(os.environ.get("SOAK_SECONDS", "60"))
CONNECTIONS = int(os.environ.get("SOAK_CONNECTIONS", "64"))
DATABASES = os.environ.get("SOAK_DATABASES", "sqlite postgresql").split()
WORKERS = 4
# One password for everyone, shared with the seed step through the environment.
PASSWORD = os.environ.setdefault("SOAK_PASSWORD", "soak-" + secrets.token_urlsafe(16))
ROUTINE_LENGTH = 5
# A request cut off this soon after the worker kill is counted as interrupted by it.
KILL_WINDOW = 3.0
HX = {"HX-Request": "true"}
UNDO_WITHIN = 100  # seconds; journal.views.UNDO_SECONDS is 120

ENTRY_ID = re.compile(r'<li id="entry-(\d+)" class="entry"')
UNDO_TOKEN = re.compile(r'name="token" value="([^"]+)"')
ROUTINE_ITEM = re.compile(r'id="item-(\d+)"')
REMOVE_URL = re.compile(r'action="/exercises/routine/(\d+)/remove/"')
SAVED_RESULT = re.compile(r"/checklist/history/(\d+)/$")


# The Django side: run as `run.py seed N` and `run.py count` with the database's environment.


def django_seed(count: int) -> None:
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password

    from backpain.models import User
    from guidance.checklist_questions import QUESTIONS
    from guidance.models import Exercise, RoutineItem

    exercises = list(Exercise.objects.order_by("slug")[:ROUTINE_LENGTH])
    password = make_password(PASSWORD)  # hashed once: the slow hasher is not what is tested
    people = []
    for n in range(count):
        user = User.objects.create(email=f"soak{n}@example.com", password=password, time_zone="UTC")
        items = [
            RoutineItem.objects.create(user=user, exercise=exercise, position=position)
            for position, exercise in enumerate(exercises)
        ]
        people.append({"email": user.email, "routine": [[i.pk, i.exercise.slug] for i in items]})
    # Every question the page needs: the emergency signs and the risk answers (age among them).
    checklist = {q.code: "no" for q in QUESTIONS if q.emergency or q.modifier}
    checklist["age"] = "40"
    print(json.dumps({"people": people, "checklist": checklist}))


def django_count() -> None:
    import django

    django.setup()
    from backpain.models import User
    from guidance.models import CheckResult, RoutineItem
    from journal.models import Entry

    found = {}
    for user in User.objects.filter(email__startswith="soak"):
        found[user.email] = {
            "entries": dict(Entry.objects.for_user(user).values_list("pk", "notes")),
            "routine": list(RoutineItem.objects.for_user(user).values_list("pk", flat=True)),
            "results": list(CheckResult.objects.for_user(user).values_list("pk", flat=True)),
        }
    print(json.dumps(found))


# The client side ------------------------------------------------------------------------------


class Unexpected(Exception):
    """A response the request should never get."""

    def __init__(self, what: str, status: int):
        super().__init__(f"{what} {status}")
        self.status = status


@dataclass
class Tally:
    started: float = 0.0
    kills: list = field(default_factory=list)  # (pid, when)
    http: int = 0
    requests: Counter = field(default_factory=Counter)
    acknowledged: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    error_samples: list = field(default_factory=list)
    interrupted: int = 0
    in_doubt: int = 0
    restored_twice: int = 0
    order_mismatches: int = 0
    latencies: list = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def error(self, kind: str, detail: str) -> None:
        with self.lock:
            self.errors[kind] += 1
            if len(self.error_samples) < 10:
                self.error_samples.append(f"{kind}: {detail}")


class Undo(NamedTuple):
    token: str
    notes: str | None  # the deleted entry's, or None if they may be either of two
    pk: int
    deletion: int  # two tokens from one deletion (a bug) share its number
    when: float


class Person:
    """One connection: signs in, then keeps its own record of every acknowledged write."""

    def __init__(self, port: int, email: str, routine: list, checklist: dict, tally: Tally):
        self.port, self.email, self.checklist, self.tally = port, email, checklist, tally
        self.cookies: dict[str, str] = {}
        self.entries: dict[int, str | None] = {}  # pk -> notes as acknowledged (None: either)
        self.deleted: set[int] = set()
        self.tokens: list[Undo] = []
        self.deletions = 0
        self.restored_from: set[int] = set()  # deletions an undo took back
        self.routine = [pk for pk, _ in routine]
        self.slugs = dict(routine)  # routine item pk -> exercise slug
        self.results: set[int] = set()
        self.in_doubt_pks: set[int] = set()
        self.in_doubt_creates = 0
        self.in_doubt_results = 0
        self.routine_in_doubt = False
        self.pending: tuple[str, int | None] | None = None
        self.serial = 0

    def request(self, method: str, path: str, data=None, headers=None):
        body = urlencode(data, doseq=True) if data is not None else None
        sent = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        sent.update(headers or {})
        with self.tally.lock:
            self.tally.http += 1
        connection = HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.headers.get("Location", ""), text

    def sign_in(self) -> None:
        status, _, _ = self.request("GET", "/accounts/signin/")
        status, location, _ = self.request(
            "POST", "/accounts/signin/", {"username": self.email, "password": PASSWORD}
        )
        if status != 302 or "signin" in location:
            raise RuntimeError(f"{self.email} could not sign in: {status} {location}")

    # Each step returns normally when its write was acknowledged as the model expects, raises
    # Unexpected for a wrong answer; connection errors propagate to `run`.

    def quick_log(self) -> None:
        self.pending = ("create", None)
        region = random.choice(["", "neck", "lower_back_left", "upper_back"])
        status, _, html = self.request(
            "POST", "/journal/quick/", {"pain": random.randint(0, 10), "region": region}, HX
        )
        found = ENTRY_ID.search(html)
        if status != 200 or not found:
            raise Unexpected("quick log", status)
        self.entries[int(found[1])] = ""

    def edit_request(self, pk: int) -> tuple[tuple, str]:
        self.serial += 1
        notes = f"{self.email} edit {self.serial}"
        when = (datetime.now(UTC) - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
        data = {"occurred_at": when, "pain": random.randint(0, 10), "notes": notes}
        data |= {"regions": ["neck"], "triggers": "sitting", "mood": "3"}
        return ("POST", f"/journal/entries/{pk}/edit/", data, HX), notes

    def at_once(self, *requests: tuple) -> list:
        """The requests sent together, each on its own connection, as from a double click or
        two tabs; a connection error in either is raised once both have finished."""
        answers: list = [None] * len(requests)

        def send(n: int) -> None:
            try:
                answers[n] = self.request(*requests[n])
            except (OSError, HTTPException) as error:
                answers[n] = error

        threads = [threading.Thread(target=send, args=(n,)) for n in range(len(requests))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for answer in answers:
            if isinstance(answer, Exception):
                raise answer
        return answers

    def edit(self) -> None:
        pk = random.choice(list(self.entries))
        request, notes = self.edit_request(pk)
        self.pending = ("edit", pk)
        status, _, html = self.request(*request)
        if status != 200 or f'id="entry-{pk}"' not in html or notes not in html:
            raise Unexpected("edit", status)
        self.entries[pk] = notes

    def delete(self) -> None:
        pk = random.choice(list(self.entries))
        self.pending = ("delete", pk)
        status, _, html = self.request("POST", f"/journal/entries/{pk}/delete/", {}, HX)
        token = UNDO_TOKEN.search(html)
        if status != 200 or not token:
            raise Unexpected("delete", status)
        self.deletions += 1
        self.deleted_with(pk, token[1], self.entries.pop(pk), self.deletions)

    def deleted_with(self, pk: int, token: str, notes: str | None, deletion: int) -> None:
        self.tokens.append(Undo(token, notes, pk, deletion, time.monotonic()))
        self.deleted.add(pk)

    def race(self) -> None:
        """One entry deleted twice at once, or edited and deleted at once. In either order the
        entry ends up deleted, with one undo token: the edit that comes second is a 404, and so
        is the second delete (two tokens for one entry would allow two restores)."""
        pk = random.choice(list(self.entries))
        delete = ("POST", f"/journal/entries/{pk}/delete/", {}, HX)
        edit, notes = self.edit_request(pk)
        other = random.choice([delete, edit])
        self.pending = ("delete", pk)
        answers = self.at_once(delete, other)
        if any(status >= 500 for status, _, _ in answers):
            raise Unexpected("edit or delete at once", max(a[0] for a in answers))
        tokens = [UNDO_TOKEN.search(html) for _, _, html in answers]
        tokens = [token[1] for token in tokens if token]
        if other is delete and sorted(a[0] for a in answers) != [200, 404]:
            raise Unexpected("two deletes at once", max(a[0] for a in answers))
        if other is edit and (answers[0][0] != 200 or answers[1][0] not in (200, 404)):
            raise Unexpected("edit and delete at once", max(a[0] for a in answers))
        # The token holds the notes as they were when the delete ran, before or after the edit.
        edited_first = other is edit and answers[1][0] == 200
        before = self.entries.pop(pk)
        self.deletions += 1
        for token in tokens:
            self.deleted_with(pk, token, None if edited_first else before, self.deletions)
        if len(tokens) != 1:
            raise Unexpected(f"{len(tokens)} undo tokens for one delete", 200)

    def undo(self) -> None:
        """Undo, sometimes twice at once (a double click) or again later (a resent form): it
        may say it is done, or refuse, but only one row may come back."""
        token, notes, deleted_pk, deletion, _ = self.tokens.pop(random.randrange(len(self.tokens)))
        # A restore may bring the entry back under its old id, or a new one.
        self.pending = ("create", deleted_pk)
        undo = ("POST", "/journal/entries/restore/", {"token": token}, HX)
        chance = random.random()
        if chance < 0.15:
            answers = self.at_once(undo, undo)
        else:
            answers = [self.request(*undo)]
            if chance < 0.3:
                answers.append(self.request(*undo))
        restored = set()
        for status, _, html in answers:
            if status >= 500:
                raise Unexpected("undo", status)
            found = ENTRY_ID.search(html)
            if status == 200 and found:
                restored.add(int(found[1]))
        if not restored:
            raise Unexpected("undo", answers[0][0])
        # One row may come back per deletion; any other is a duplicate, which the count at the
        # end finds too, as nobody is told about it.
        keep = [] if deletion in self.restored_from else sorted(restored)[:1]
        with self.tally.lock:
            self.tally.restored_twice += len(restored) - len(keep)
        for pk in keep:
            self.entries[pk] = notes
        self.restored_from.add(deletion)

    def move(self) -> None:
        pk = random.choice(self.routine)
        direction = random.choice(["up", "down"])
        index = self.routine.index(pk)
        target = index - 1 if direction == "up" else index + 1
        expected = list(self.routine)
        if 0 <= target < len(expected):
            expected[index], expected[target] = expected[target], expected[index]
        self.pending = ("move", None)
        path = f"/exercises/routine/{pk}/move/"
        status, _, html = self.request("POST", path, {"direction": direction}, HX)
        if status != 200:
            raise Unexpected("move", status)
        self.routine_shown(html, expected)

    def routine_shown(self, html: str, expected: list[int]) -> None:
        shown = [int(item) for item in ROUTINE_ITEM.findall(html)]
        if shown != expected and not self.routine_in_doubt:
            with self.tally.lock:
                self.tally.order_mismatches += 1
        # After a change that was cut off, the order the server shows is the one to go on from.
        self.routine, self.routine_in_doubt = shown, False

    def swap(self) -> None:
        """An exercise taken out of the routine and added back, which puts it at the end; now
        and then the add is sent twice at once (a double click): still one item."""
        pk = random.choice([pk for pk in self.routine if pk in self.slugs])
        slug = self.slugs.pop(pk)
        self.pending = ("move", None)
        status, _, html = self.request("POST", f"/exercises/routine/{pk}/remove/", {}, HX)
        if status != 200:
            raise Unexpected("routine remove", status)
        self.routine_shown(html, [other for other in self.routine if other != pk])
        add = ("POST", "/exercises/routine/add/", {"exercise": slug}, HX)
        answers = self.at_once(add, add) if random.random() < 0.2 else [self.request(*add)]
        added = set()
        for status, _, html in answers:
            found = REMOVE_URL.search(html)
            if status != 200 or not found:
                raise Unexpected("routine add", status)
            added.add(int(found[1]))
        if len(added) != 1:
            raise Unexpected(f"{len(added)} routine items for one exercise", 200)
        self.routine += added
        self.slugs[added.pop()] = slug

    def checklist_save(self) -> None:
        self.pending = ("result", None)
        status, location, _ = self.request("POST", "/checklist/save/", self.checklist)
        found = SAVED_RESULT.search(location)
        if status != 302 or not found:
            raise Unexpected(f"checklist save to {location!r}", status)
        self.results.add(int(found[1]))

    def checklist_result(self) -> None:
        status, _, _ = self.request("POST", "/checklist/", self.checklist)
        if status != 200:
            raise Unexpected("checklist result", status)

    def read(self) -> None:
        path = random.choice(
            ["/journal/", "/exercises/routine/", "/checklist/history/", "/journal/trends/"]
        )
        status, _, _ = self.request("GET", path)
        if status != 200:
            raise Unexpected(f"GET {path}", status)

    def choose(self):
        # The app honours an undo for two minutes; a longer soak lets older tokens go.
        self.tokens = [t for t in self.tokens if time.monotonic() - t.when < UNDO_WITHIN]
        steps = [(self.quick_log, 20), (self.move, 20), (self.read, 12)]
        if any(pk in self.slugs for pk in self.routine):
            steps.append((self.swap, 5))
        steps += [(self.checklist_save, 5), (self.checklist_result, 3)]
        if self.entries:
            steps += [(self.edit, 15), (self.delete, 12 if len(self.entries) < 20 else 30)]
            steps.append((self.race, 5))
        if self.tokens:
            steps.append((self.undo, 10))
        return random.choices([s for s, _ in steps], [w for _, w in steps])[0]

    def run(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            step = self.choose()
            self.pending = None  # what a cut-off request may have written: set by each write
            began = time.monotonic()
            try:
                step()
            except Unexpected as error:
                kind = "5xx" if error.status >= 500 else "wrong answer"
                self.tally.error(kind, f"{self.email}: {error}")
            except (OSError, HTTPException) as error:
                self.cut_off(began, error)
            except Exception as error:  # a fault in this script: counted, never hidden
                self.tally.error("soak script fault", f"{self.email}: {error!r}")
                raise
            else:
                with self.tally.lock:
                    self.tally.acknowledged[step.__name__] += 1
            with self.tally.lock:
                self.tally.requests[step.__name__] += 1
                self.tally.latencies.append(time.monotonic() - began)

    def cut_off(self, began: float, error: Exception) -> None:
        now = time.monotonic()
        if any(began <= when <= now <= when + KILL_WINDOW for _, when in self.tally.kills):
            with self.tally.lock:
                self.tally.interrupted += 1
        else:
            self.tally.error("connection error", f"{self.email}: {error!r}")
        # Whatever that request wrote, or did not, is in doubt.
        kind, pk = self.pending or (None, None)
        if kind:
            with self.tally.lock:
                self.tally.in_doubt += 1
        if kind == "create":
            self.in_doubt_creates += 1
            if pk is not None:
                self.in_doubt_pks.add(pk)
        elif kind in ("edit", "delete"):
            self.in_doubt_pks.add(pk)
            self.entries.pop(pk, None)
        elif kind == "move":
            self.routine_in_doubt = True
        elif kind == "result":
            self.in_doubt_results += 1

    def check(self, found: dict) -> tuple[list[str], list[tuple[int, str]]]:
        """The rows against what this person was told: what was lost (one line per write), and
        (how many, what) rows nobody was told about."""
        lost, duplicated = [], []
        rows = {int(pk): notes for pk, notes in found["entries"].items()}
        for pk, notes in self.entries.items():
            if pk not in rows:
                lost.append(f"{self.email}: entry {pk} acknowledged but not in the database")
            elif notes is not None and rows[pk] != notes:
                lost.append(f"{self.email}: entry {pk} holds {rows[pk]!r}, not {notes!r}")
        for pk in self.deleted - self.in_doubt_pks - set(self.entries):
            if pk in rows:
                lost.append(f"{self.email}: entry {pk} was deleted but is back")
        unexplained = sorted(set(rows) - set(self.entries) - self.in_doubt_pks - self.deleted)
        extra = len(unexplained) - self.in_doubt_creates
        if extra > 0:
            line = f"{self.email}: entries nobody was told about, among {unexplained}"
            duplicated.append((extra, line))
        if not self.routine_in_doubt and found["routine"] != self.routine:
            lost.append(f"{self.email}: routine {found['routine']}, acknowledged {self.routine}")
        results = set(found["results"])
        for pk in self.results - results:
            lost.append(f"{self.email}: saved result {pk} not in the database")
        extra = len(results - self.results) - self.in_doubt_results
        if extra > 0:
            duplicated.append((extra, f"{self.email}: saved results nobody was told about"))
        return lost, duplicated


# Orchestration --------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def as_postgres(command: str, check: bool = True) -> str:
    done = subprocess.run(
        ["su", "postgres", "-c", command], capture_output=True, text=True, check=check
    )
    return done.stdout.strip()


class PostgreSQL:
    """A throwaway database on the local cluster, started as .ci/run does."""

    def __init__(self):
        self.started_cluster = False
        self.name = f"soak_{secrets.token_hex(4)}"
        if not shutil.which("pg_lsclusters"):
            raise RuntimeError("PostgreSQL is not installed (apt-get install postgresql)")
        cluster = subprocess.run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
        ).stdout.split()
        if not cluster:
            raise RuntimeError("no PostgreSQL cluster: pg_createcluster 15 main")
        self.version, self.cluster, self.port, status = cluster[:4]
        if status != "online":
            subprocess.run(["pg_ctlcluster", self.version, self.cluster, "start"], check=True)
            self.started_cluster = True
        for _ in range(30):
            if subprocess.run(["pg_isready", "-q", "-p", self.port]).returncode == 0:
                break
            time.sleep(1)
        psql = f"psql -p {self.port} -qtAc"
        role = "SELECT 1 FROM pg_roles WHERE rolname = 'backpain'"
        if as_postgres(f"{psql} {shlex.quote(role)}") != "1":
            create = "CREATE ROLE backpain LOGIN CREATEDB PASSWORD 'backpain'"
            as_postgres(f"{psql} {shlex.quote(create)}")
        as_postgres(f"createdb -p {self.port} -O backpain {self.name}")
        self.url = f"postgres://backpain:backpain@127.0.0.1:{self.port}/{self.name}"

    def drop(self) -> None:
        as_postgres(f"dropdb -p {self.port} --if-exists --force {self.name}", check=False)
        if self.started_cluster:
            others = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
            busy = as_postgres(f"psql -p {self.port} -qtAc {shlex.quote(others)}", check=False)
            if busy == "1":  # only the query itself: nobody else is using the cluster
                subprocess.run(["pg_ctlcluster", self.version, self.cluster, "stop"], check=False)


def soak(database: str, work: Path, environment: dict) -> bool:
    label = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}[database]
    postgres = None
    gunicorn = None
    try:
        if database == "sqlite":
            url = f"sqlite:///{work / 'soak.sqlite3'}"
        else:
            postgres = PostgreSQL()
            url = postgres.url
        env = {**environment, "DATABASE_URL": url}

        def django(*args: str) -> str:
            done = subprocess.run(
                [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True
            )
            if done.returncode:
                raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
            return done.stdout

        django("manage.py", "migrate", "--noinput", "-v0")
        seeded = json.loads(django(__file__, "seed", str(CONNECTIONS)))

        port = free_port()
        log = work / f"gunicorn-{database}.log"
        gunicorn = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "backpain.wsgi",
                f"--bind=127.0.0.1:{port}",
                f"--workers={WORKERS}",
                "--timeout=120",
                "--backlog=2048",
            ],
            cwd=ROOT,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        tally = Tally()
        people = [
            Person(port, p["email"], p["routine"], seeded["checklist"], tally)
            for p in seeded["people"]
        ]
        wait_for(port, gunicorn)
        signing_in = [threading.Thread(target=p.sign_in) for p in people]
        for thread in signing_in:
            thread.start()
        for thread in signing_in:
            thread.join()
        if any("sessionid" not in p.cookies for p in people):
            raise RuntimeError("not everyone could sign in")

        tally.started, tally.http = time.monotonic(), 0
        deadline = tally.started + SECONDS
        threads = [threading.Thread(target=p.run, args=(deadline,)) for p in people]
        for thread in threads:
            thread.start()
        # Two kills, a third and two thirds of the way: with every worker busy and most steps
        # writing, each is likely to land in the middle of a write.
        for at in (SECONDS / 3, SECONDS * 2 / 3):
            time.sleep(max(0.0, tally.started + at - time.monotonic()))
            victim = random.choice(children(gunicorn.pid))
            os.kill(victim, signal.SIGKILL)
            tally.kills.append((victim, time.monotonic()))
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - tally.started
        respawned = len(children(gunicorn.pid))
        gunicorn.send_signal(signal.SIGTERM)
        gunicorn.wait(timeout=60)
        gunicorn = None

        found = json.loads(django(__file__, "count"))
        lost, duplicated = [], []
        for person in people:
            person_lost, person_duplicated = person.check(found[person.email])
            lost += person_lost
            duplicated += person_duplicated
        errors = sum(tally.errors.values())
        total = tally.http
        latencies = sorted(tally.latencies)
        duplicates = sum(count for count, _ in duplicated)
        ok = not (errors or lost or duplicates or tally.restored_twice)
        ok = ok and not tally.order_mismatches

        print(f"== {label}: {CONNECTIONS} connections, {elapsed:.0f} s, gunicorn {WORKERS} workers")
        print(
            f"requests: {total} ({total / elapsed:.0f}/s); time per step: median "
            f"{latencies[len(latencies) // 2] * 1000:.0f} ms, "
            f"99th {latencies[int(len(latencies) * 0.99)] * 1000:.0f} ms"
        )
        print(
            "  steps acknowledged/sent: "
            + ", ".join(
                f"{name} {tally.acknowledged[name]}/{sent}"
                for name, sent in sorted(tally.requests.items())
            )
        )
        print(
            f"errors: {errors} (5xx: {tally.errors['5xx']}, connection errors: "
            f"{tally.errors['connection error']}, other wrong answers: "
            f"{tally.errors['wrong answer'] + tally.errors['soak script fault']})"
        )
        for sample in tally.error_samples:
            print(f"  {sample}")
        kills = ", ".join(f"pid {pid} at {when - tally.started:.0f} s" for pid, when in tally.kills)
        print(
            f"workers killed (SIGKILL): {kills}; {tally.interrupted} request(s) cut off, "
            f"{tally.in_doubt} of them writing (in doubt); {respawned} workers running after"
        )
        print(f"lost writes: {len(lost)}")
        for line in lost[:10]:
            print(f"  {line}")
        print(
            f"duplicated writes: {duplicates} "
            f"(undos that brought one deleted entry back twice: {tally.restored_twice})"
        )
        for count, line in duplicated[:10]:
            print(f"  {count}: {line}")
        print(f"routine order differing from the acknowledged moves: {tally.order_mismatches}")
        if not ok and log.exists():
            server_errors = [line for line in log.read_text().splitlines() if "Error" in line]
            for line in server_errors[-10:]:
                print(f"  gunicorn: {line}")
        print(f"result: {'OK' if ok else 'FAILED'}")
        return ok
    finally:
        if gunicorn is not None:
            gunicorn.kill()
            gunicorn.wait()
        if postgres is not None:
            postgres.drop()


def wait_for(port: int, gunicorn: subprocess.Popen) -> None:
    for _ in range(120):
        if gunicorn.poll() is not None:
            raise RuntimeError("gunicorn stopped at start")
        try:
            connection = HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", "/accounts/signin/")
            if connection.getresponse().status == 200:
                return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError("gunicorn did not answer")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="soak-"))
    try:
        # The production settings, but static files collected into the temporary directory.
        (work / "soak_settings.py").write_text(
            f"from backpain.settings import *  # noqa\nSTATIC_ROOT = {str(work / 'static')!r}\n"
        )
        environment = {
            **os.environ,
            "PYTHONPATH": f"{work}{os.pathsep}{ROOT}",
            "DJANGO_SETTINGS_MODULE": "soak_settings",
            "DEBUG": "false",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "SECURE_HSTS_SECONDS": "0",
            "ALLOWED_HOSTS": "127.0.0.1",
            "ALLOW_SQLITE_IN_PRODUCTION": "true",
        }
        done = subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=environment,
        )
        if done.returncode:
            return 1
        results = [soak(database, work, environment) for database in DATABASES]
        return 0 if all(results) else 1
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        django_seed(int(sys.argv[2]))
    elif sys.argv[1:2] == ["count"]:
        django_count()
    else:
        sys.exit(main())
