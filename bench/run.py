"""`make bench`: throughput of every page against a bare view, on gunicorn with production settings.

    BENCH_SECONDS=5 BENCH_CONNECTIONS=8 BENCH_WORKERS=2 .venv/bin/python -m bench.run

1. A throwaway database: a SQLite file in a temporary folder, or, when DATABASE_URL is set, a
   new database on that PostgreSQL server (its role needs CREATEDB). Migrated, then seeded by
   bench/seed.py: 1,000 people, one with five years of entries, workouts and saved results.
2. Static files collected (WhiteNoise: hashed names, .br and .gz) into the temporary folder;
   gunicorn (BENCH_WORKERS sync workers) with the production settings plus the bench's own
   URL conf (bench/settings.py, bench/urls.py: the project's URLs and a bare view).
3. Queries per request, counted separately with Django's test client (bench/queries.py).
4. wrk, BENCH_SECONDS per row with BENCH_CONNECTIONS connections: the bare view, a static file,
   every anonymous page, the htmx fragments and the checklist POST (bench/wrk.lua), then the
   bare view and every journal page and export signed in as the heavy user. Each group starts
   and ends with its bare view; a row's ratio is its req/s over the mean of the two.
5. One table (Markdown, for the README), the exports' time alone (first byte and whole body),
   and the first-visit weight of home and /exercises/ with everything they load.

Everything is removed at the end: gunicorn, the database, the temporary folder.
"""

import gzip
import json
import os
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlencode, urljoin

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.servers import ROOT, Client, Gunicorn, PostgreSQL, django, production_environment

SECONDS = int(os.environ.get("BENCH_SECONDS", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "8"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
WRK_SCRIPT = ROOT / "bench" / "wrk.lua"
BROWSER_ENCODINGS = "br, gzip"
FIRST_VISIT_LIMIT = 60 * 1024


@dataclass
class Target:
    name: str
    path: str
    signed_in: bool = False
    htmx: bool = False
    method: str = "GET"
    data: dict = field(default_factory=dict)
    baseline: bool = False


@dataclass
class Row:
    target: Target
    rps: float = 0.0
    p50_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    queries: int | None = None
    raw: int = 0
    compressed: int = 0
    compressed_by: str = ""
    ratio: float | None = None


def ensure_wrk() -> None:
    if shutil.which("wrk"):
        return
    if os.getuid() != 0:
        sys.exit("wrk is missing: sudo apt-get install wrk")
    subprocess.run(["apt-get", "update", "-qq"], check=True)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "wrk"],
        check=True,
        env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
        stdout=subprocess.DEVNULL,
    )


def targets(anonymous: Client, signed_in: Client, seeded: dict) -> list[Target]:
    home = anonymous.get("/").text
    stylesheet = re.search(r'<link[^>]+rel="stylesheet"[^>]+href="(/static/[^"]+\.css)"', home)
    if not stylesheet:
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home)
    journal = signed_in.get("/journal/").text
    entry = re.search(r'href="(/journal/entries/\d+/)"', journal)
    workouts = signed_in.get("/journal/workouts/").text
    workout = re.search(r'href="(/journal/workouts/\d+/)"', workouts)
    if not (stylesheet and entry and workout):
        raise RuntimeError("the pages no longer link a stylesheet, an entry or a workout")
    answers = seeded["checklist"]
    found = [
        Target("bare view (baseline)", "/bench/bare/", baseline=True),
        Target("static CSS (WhiteNoise)", stylesheet[1]),
        Target("home", "/"),
        Target("about", "/about/"),
        Target("exercise library", "/exercises/"),
        Target("library filtered (htmx)", "/exercises/?category=relief&stage=1", htmx=True),
        Target("exercise detail", f"/exercises/{seeded['exercise']}/"),
        Target("exercise path", "/exercises/path/"),
        Target("why lifting hurts", "/exercises/why-lifting-hurts/"),
        Target("checklist form", "/checklist/"),
        Target("checklist explanation", "/checklist/about/"),
        Target("checklist POST (result)", "/checklist/", method="POST", data=answers),
        Target("checklist POST (htmx)", "/checklist/", htmx=True, method="POST", data=answers),
        Target("sign in", "/accounts/signin/"),
        Target("sign up", "/accounts/signup/"),
        Target("password reset", "/accounts/password/reset/"),
        Target("bare view (baseline)", "/bench/bare/", baseline=True),
    ]
    signed = [
        Target("bare view signed in (baseline)", "/bench/bare/", baseline=True),
        Target("journal", "/journal/"),
        Target("journal page 2 (htmx)", "/journal/?page=2", htmx=True),
        Target("journal entry", entry[1]),
        Target("new entry form", "/journal/entries/new/"),
        Target("workouts", "/journal/workouts/"),
        Target("workout", workout[1]),
        Target("new workout form", "/journal/workouts/new/"),
        Target("trends", "/journal/trends/"),
        Target("triggers", "/journal/triggers/"),
        Target("clinician summary", "/journal/summary/"),
        Target("export page", "/journal/export/"),
        Target("export JSON (5 years)", "/journal/export/journal.json"),
        Target("export entries CSV", "/journal/export/entries.csv"),
        Target("export workouts CSV", "/journal/export/workouts.csv"),
        Target("reminders", "/journal/reminders/"),
        Target("PSFS", "/journal/psfs/"),
        Target("checklist history", "/checklist/history/"),
        Target("my routine", "/exercises/routine/"),
        Target("account settings", "/accounts/settings/"),
        Target("bare view signed in (baseline)", "/bench/bare/", baseline=True),
    ]
    for target in signed:
        target.signed_in = True
    return found + signed


def headers_for(target: Target, client: Client, encodings: str = BROWSER_ENCODINGS) -> dict:
    headers = {"Accept-Encoding": encodings} if encodings else {}
    if target.htmx:
        headers["HX-Request"] = "true"
    if target.method == "POST" or target.signed_in:
        headers["Cookie"] = client.cookie_header
    if target.method == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        headers["X-CSRFToken"] = client.cookies["csrftoken"]
    return headers


def fetch(target: Target, client: Client, encodings: str = BROWSER_ENCODINGS):
    connection = HTTPConnection("127.0.0.1", client.port, timeout=120)
    body = urlencode(target.data) if target.method == "POST" else None
    try:
        connection.request(
            target.method, target.path, body=body, headers=headers_for(target, client, encodings)
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def measure_bytes(row: Row, client: Client) -> None:
    status, _, raw = fetch(row.target, client, encodings="")
    if status != 200:
        raise RuntimeError(f"{row.target.name} ({row.target.path}) answered {status}, not 200")
    row.raw = len(raw)
    _, headers, sent = fetch(row.target, client)
    if headers.get("Content-Encoding"):
        row.compressed, row.compressed_by = len(sent), headers["Content-Encoding"]
    elif proxy_compresses(row.target.path):
        # HTML is left to the TLS proxy (deploy/Caddyfile); this is what its gzip sends.
        row.compressed, row.compressed_by = len(gzip.compress(raw, 6)), "gzip (proxy)"
    else:
        row.compressed, row.compressed_by = len(raw), "none (BREACH)"


def proxy_compresses(path: str) -> bool:
    """As deploy/Caddyfile decides: not signed-in pages (BREACH, see README), but the exports."""
    if re.match(r"/journal/export/.+\.(json|csv)$", path):
        return True
    private = ("/journal/", "/accounts/", "/admin/", "/checklist/history/", "/exercises/routine/")
    return not path.startswith(private)


def run_wrk(row: Row, client: Client) -> None:
    target = row.target
    command = ["wrk", f"-t{min(2, CONNECTIONS)}", f"-c{CONNECTIONS}", f"-d{SECONDS}s"]
    command += ["--timeout", "60s", "-s", str(WRK_SCRIPT)]
    for name, value in headers_for(target, client).items():
        command += ["-H", f"{name}: {value}"]
    command.append(f"http://127.0.0.1:{client.port}{target.path}")
    environment = {**os.environ, "BENCH_METHOD": target.method, "BENCH_BODY": ""}
    if target.method == "POST":
        environment["BENCH_BODY"] = urlencode(target.data)
    done = subprocess.run(command, capture_output=True, text=True, env=environment, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("BENCH "))
    result = json.loads(line.removeprefix("BENCH "))
    row.rps = result["requests"] / (result["duration_us"] / 1e6)
    row.p50_ms = result["p50_us"] / 1000
    row.p99_ms = result["p99_us"] / 1000
    row.errors = result["errors"]
    # Requests still queued when wrk stops are served after it (a sync worker cannot tell that
    # the client left): wait for them, so that they do not slow the next row down. The accept
    # queue is first in, first out, so a request sent now is answered after all of them.
    for _ in range(WORKERS):
        client.get("/bench/bare/")


def set_ratios(rows: list[Row]) -> None:
    for signed_in in (False, True):
        group = [row for row in rows if row.target.signed_in == signed_in]
        baseline = statistics.mean(row.rps for row in group if row.target.baseline)
        for row in group:
            row.ratio = row.rps / baseline


def table(rows: list[Row]) -> str:
    lines = [
        "| page | req/s | ratio | p50 ms | p99 ms | errors | queries | kB raw | kB compressed |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for row in rows:
        queries = "-" if row.queries is None else str(row.queries)
        lines.append(
            f"| {row.target.name} | {row.rps:.0f} | {row.ratio:.2f} | {row.p50_ms:.1f} | "
            f"{row.p99_ms:.1f} | {row.errors} | {queries} | {row.raw / 1024:.1f} | "
            f"{row.compressed / 1024:.1f} ({row.compressed_by}) |"
        )
    return "\n".join(lines)


def alone(target: Target, client: Client, repeats: int = 3) -> tuple[float, float]:
    """Median milliseconds to the first byte of the body and to its end, one request at a time."""
    first, whole = [], []
    for _ in range(repeats):
        connection = HTTPConnection("127.0.0.1", client.port, timeout=120)
        try:
            started = time.perf_counter()
            connection.request("GET", target.path, headers=headers_for(target, client, ""))
            response = connection.getresponse()
            response.read(1)
            first.append(time.perf_counter() - started)
            response.read()
            whole.append(time.perf_counter() - started)
        finally:
            connection.close()
    return statistics.median(first) * 1000, statistics.median(whole) * 1000


def first_visit(client: Client, path: str) -> tuple[int, dict[str, int]]:
    """Bytes a browser with an empty cache downloads for `path`: the page (gzip, as the proxy
    sends it) and every stylesheet, script, icon and image it names, and what the stylesheets
    name, each as WhiteNoise sends it to a browser that accepts Brotli."""
    html = client.get(path).body
    parts = {"html": len(gzip.compress(html, 6))}
    queue = re.findall(r'(?:href|src)="(/static/[^"]+)"', html.decode())
    seen = set()
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url, **{"Accept-Encoding": BROWSER_ENCODINGS})
        if response.status != 200:
            raise RuntimeError(f"{path} names {url}, which answers {response.status}")
        kind = url.rsplit(".", 1)[-1]
        parts[kind] = parts.get(kind, 0) + len(response.body)
        if kind == "css":
            text = client.get(url).text
            for found in re.findall(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", text):
                if not found.startswith(("data:", "#")):
                    queue.append(urljoin(url, found))
    return sum(parts.values()), parts


def main() -> int:
    ensure_wrk()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    servers = []
    try:
        environment = production_environment(work)
        environment["BENCH_PASSWORD"] = password = secrets.token_urlsafe(16)
        if os.environ.get("DATABASE_URL"):
            database = PostgreSQL(os.environ["DATABASE_URL"])
            servers.append(database)
            environment["DATABASE_URL"] = database.url
        else:
            environment["DATABASE_URL"] = f"sqlite:///{work / 'bench.sqlite3'}"
            environment["ALLOW_SQLITE_IN_PRODUCTION"] = "true"
        started = time.perf_counter()
        django(environment, "manage.py", "migrate", "--noinput", "-v0")
        django(environment, "manage.py", "collectstatic", "--noinput", "-v0")
        seeded = json.loads(django(environment, "-m", "bench.seed"))
        vendor = "PostgreSQL" if "postgres" in environment["DATABASE_URL"] else "SQLite"
        print(
            f"data ({vendor}): {seeded['people']} people, {seeded['entries']} entries, "
            f"{seeded['workouts']} workouts; the heavy user {seeded['heavy_entries']} entries, "
            f"{seeded['heavy_workouts']} workouts, 60 saved results "
            f"(ready in {time.perf_counter() - started:.0f} s)",
            flush=True,
        )

        gunicorn = Gunicorn(environment, work / "gunicorn.log", WORKERS)
        servers.append(gunicorn)
        anonymous = Client(gunicorn.port)
        anonymous.get("/checklist/")  # the CSRF cookie for the checklist POST
        signed_in = Client(gunicorn.port)
        response = signed_in.sign_in(seeded["email"], password)
        if response.status != 302 or "signin" in response.location:
            raise RuntimeError(f"the heavy user could not sign in: {response.status}")

        rows = [Row(target) for target in targets(anonymous, signed_in, seeded)]
        for row in rows:
            measure_bytes(row, signed_in if row.target.signed_in else anonymous)
        counts = json.loads(
            django(environment, "-m", "bench.queries", json.dumps([asdict(r.target) for r in rows]))
        )
        for row in rows:
            row.queries = counts[row.target.name]
        print(
            f"wrk: {SECONDS} s per row, {CONNECTIONS} connections; gunicorn {WORKERS} sync "
            f"workers; {os.cpu_count()} CPUs",
            flush=True,
        )
        for row in rows:
            run_wrk(row, signed_in if row.target.signed_in else anonymous)
        if signed_in.get("/journal/").status != 200:
            raise RuntimeError("the heavy user was signed out during the run")
        set_ratios(rows)
        print()
        print(table(rows))
        print()
        for row in rows:
            if row.target.path.startswith("/journal/export/") and "." in row.target.path:
                first, whole = alone(row.target, signed_in)
                print(
                    f"{row.target.name}, alone: first byte {first:.0f} ms, "
                    f"whole {row.raw / 1024:.0f} kB in {whole:.0f} ms"
                )
        for path in ("/", "/exercises/"):
            total, parts = first_visit(anonymous, path)
            detail = ", ".join(f"{kind} {size / 1024:.1f}" for kind, size in sorted(parts.items()))
            verdict = "within" if total <= FIRST_VISIT_LIMIT else "OVER"
            print(
                f"first visit to {path}: {total / 1024:.1f} kB compressed ({detail}), "
                f"{verdict} the 60 kB budget"
            )
        errors = sum(row.errors for row in rows)
        print(f"errors: {errors}")
        return 1 if errors else 0
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
