"""`make scale-check`: two app servers on one PostgreSQL and one Redis behave as one site.

    .venv/bin/python -m bench.scale_check

Starts a throwaway PostgreSQL database (on the server of DATABASE_URL when set, else on the
local Debian cluster, started as .ci/run does), redis-server on a free port, and two gunicorn
instances, A and B, with the production settings (REDIS_URL set, the same SECRET_KEY, mail
queued in the database as in production), each on its own port: what deploy/ runs behind
Caddy. Then, over HTTP, it proves that

1. a person who signs in on A is signed in on B (the session), logs pain on B, deletes that
   entry on A and undoes the delete on B, and A shows it back;
2. five wrong passwords on A lock that email out on B too, even with the right password;
3. the sign-up/reset limit counts on both (Redis): requests split between A and B are refused
   once the limit is reached;
4. an exercise edited in the admin on A changes the content version in Redis, which every
   server's page caches key on, and shows on B, on the detail page and in the library, after
   B has shown (and may have cached) the old version.

Prints one line per check and exits non-zero if any fails. Everything is removed at the end.
"""

import json
import os
import re
import secrets
import shutil
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.servers import Client, Gunicorn, PostgreSQL, Redis, django, production_environment

ENTRY_ID = re.compile(r'<li id="entry-(\d+)" class="entry"')
UNDO_TOKEN = re.compile(r'name="token" value="([^"]+)"')
HX = {"HX-Request": "true"}


def seed() -> None:
    """Run on the database (`python -m bench.scale_check seed`): a person, someone to lock
    out, and an admin. Prints their emails and an exercise's slug as JSON."""
    import django as django_setup

    django_setup.setup()
    from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from backpain.models import User
    from guidance.models import Exercise

    password = os.environ["SCALE_PASSWORD"]
    person = User.objects.create_user("person@scale.example", password, time_zone="UTC")
    target = User.objects.create_user("target@scale.example", password, time_zone="UTC")
    admin = User.objects.create_superuser("admin@scale.example", password)
    # The admin opens only after a second factor: an authenticator app, and a backup code
    # that the check types in.
    TOTPDevice.objects.create(user=admin, name="Authenticator app", confirmed=True)
    backup = StaticDevice.objects.create(user=admin, name="Backup codes", confirmed=True)
    code = secrets.token_hex(5)
    StaticToken.objects.create(device=backup, token=code)
    exercise = Exercise.objects.order_by("slug").first()
    print(
        json.dumps(
            {
                "person": person.email,
                "target": target.email,
                "admin": admin.email,
                "admin_code": code,
                "exercise": exercise.slug,
                "exercise_id": exercise.pk,
                "exercise_name": exercise.name,
            }
        )
    )


class FormFields(HTMLParser):
    """The values a browser would submit from the page's form with `form_id`."""

    def __init__(self, form_id: str):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside = form_id, False
        self.fields: list[tuple[str, str]] = []
        self.textarea: str | None = None
        self.select: tuple[str, bool] | None = None
        self.text = ""

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("id") == self.form_id
        if not self.inside or "name" not in a and tag != "option":
            return
        if tag == "input":
            kind = a.get("type", "text")
            if kind in ("submit", "button", "file", "image", "reset"):
                return
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            self.fields.append((a["name"], a.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea":
            self.textarea, self.text = a["name"], ""
        elif tag == "select":
            self.select = (a["name"], "multiple" in a)
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select[0], a.get("value", "")))

    def handle_data(self, data):
        if self.textarea is not None:
            self.text += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # Browsers drop one newline right after <textarea>; html.parser keeps it.
            self.fields.append((self.textarea, self.text.removeprefix("\n")))
            self.textarea = None
        elif tag == "select":
            self.select = None


class Checks:
    def __init__(self):
        self.failed = 0

    def check(self, ok: bool, what: str, detail: str = "") -> bool:
        print(f"{'ok  ' if ok else 'FAIL'} {what}{'' if ok else f': {detail}'}", flush=True)
        self.failed += not ok
        return ok


def session_carries_over(a: Client, b: Client, people: dict, password: str, checks: Checks):
    signed_in = a.sign_in(people["person"], password)
    checks.check(
        signed_in.status == 302 and "/journal/" in signed_in.location,
        "signed in on A",
        f"{signed_in.status} {signed_in.location}",
    )
    b.cookies = dict(a.cookies)  # the same browser, its next request reaching B
    journal = b.get("/journal/")
    checks.check(
        journal.status == 200, "the session from A opens the journal on B", journal.location
    )

    logged = b.request("POST", "/journal/quick/", {"pain": 6, "region": "neck"}, HX)
    entry = ENTRY_ID.search(logged.text)
    if not checks.check(logged.status == 200 and entry, "quick log on B", str(logged.status)):
        return
    pk = entry[1]
    a.cookies = dict(b.cookies)
    shown = a.get("/journal/")
    checks.check(f'id="entry-{pk}"' in shown.text, "A shows the entry logged on B")

    deleted = a.request("POST", f"/journal/entries/{pk}/delete/", {}, HX)
    token = UNDO_TOKEN.search(deleted.text)
    if not checks.check(deleted.status == 200 and token, "delete on A", str(deleted.status)):
        return
    b.cookies = dict(a.cookies)
    gone = b.get(f"/journal/entries/{pk}/")
    checks.check(gone.status == 404, "B no longer has the entry deleted on A", str(gone.status))
    undone = b.request("POST", "/journal/entries/restore/", {"token": token[1]}, HX)
    restored = ENTRY_ID.search(undone.text)
    checks.check(
        undone.status == 200 and restored, "undo on B of the delete on A", str(undone.status)
    )
    if restored:
        a.cookies = dict(b.cookies)
        back = a.get(f"/journal/entries/{restored[1]}/")
        checks.check(back.status == 200, "A shows the entry the undo on B brought back")


def lockout_holds(a_port: int, b_port: int, people: dict, password: str, checks: Checks):
    a = Client(a_port)
    for _ in range(5):
        a.sign_in(people["target"], "not-the-password-at-all")
    b = Client(b_port)
    right = b.sign_in(people["target"], password)
    checks.check(
        right.status != 302 and "Too many sign-in attempts" in right.text,
        "five wrong passwords on A lock the right one out on B",
        f"{right.status} {right.location}",
    )


def throttle_is_shared(a_port: int, b_port: int, checks: Checks):
    """THROTTLE_PER_ADDRESS (5) reset requests for one address per hour, counted in Redis."""
    answers = []
    for n in range(6):
        client = Client(a_port if n % 2 else b_port)
        answers.append(
            client.post("/accounts/password/reset/", {"email": "nobody@scale.example"}).status
        )
    checks.check(
        answers[:5] == [302] * 5 and answers[5] == 429,
        "reset requests split between A and B share one limit",
        str(answers),
    )


def content_edit_shows(
    a_port: int, b_port: int, people: dict, password: str, redis_url: str, checks: Checks
):
    import redis

    # The content version (backpain/content_version.py) as every server reads it from Redis.
    version_key = ":1:content-version"  # Django's default key prefix and version
    shared = redis.Redis.from_url(redis_url)
    version = shared.get(version_key)
    checks.check(version is not None, "the content version is in Redis (set by migrate)")
    b = Client(b_port)
    detail = f"/exercises/{people['exercise']}/"
    # A to Z, so the exercise (first by slug) is on the first page whatever the default order.
    library = "/exercises/?sort=name"
    old = people["exercise_name"]
    before = b.get(detail).text + b.get(library).text
    checks.check(old in before, "B shows the exercise before the edit")

    admin = Client(a_port)
    admin.get("/admin/login/")
    signed = admin.request(
        "POST",
        "/admin/login/?next=/admin/",
        {"username": people["admin"], "password": password, "next": "/admin/"},
    )
    code = admin.request(
        "POST", "/accounts/two-factor/verify/?next=/admin/", {"code": people["admin_code"]}
    )
    checks.check(
        signed.status == 302 and code.status == 302 and admin.get("/admin/").status == 200,
        "admin signed in on A, with a second factor",
        f"{signed.status} {code.status}",
    )
    change = f"/admin/guidance/exercise/{people['exercise_id']}/change/"
    form = FormFields("exercise_form")
    form.feed(admin.get(change).text)
    new = f"{old} (edited {secrets.token_hex(3)})"
    data = [(name, new if name == "name" else value) for name, value in form.fields]
    data.append(("_save", "Save"))
    saved = admin.request("POST", change, data)
    checks.check(
        saved.status == 302, "exercise renamed in the admin on A", f"{saved.status} {saved.text}"
    )
    checks.check(
        shared.get(version_key) not in (None, version),
        "the admin edit on A changed the content version that B keys its caches on",
    )
    after_detail, after_list = b.get(detail).text, b.get(library).text
    checks.check(new in after_detail, "B's exercise page shows the edit made on A")
    checks.check(new in after_list, "B's library shows the edit made on A")


def main() -> int:
    work = Path(tempfile.mkdtemp(prefix="scale-check-"))
    servers = []
    checks = Checks()
    try:
        database = PostgreSQL(os.environ.get("DATABASE_URL", ""))
        servers.append(database)
        redis = Redis()
        servers.append(redis)
        environment = production_environment(work, settings="backpain.settings")
        password = environment["SCALE_PASSWORD"] = secrets.token_urlsafe(16)
        environment |= {
            "DATABASE_URL": database.url,
            "REDIS_URL": redis.url,
            "TASKS_BACKEND": "django_tasks_db.DatabaseBackend",
        }
        django(environment, "manage.py", "migrate", "--noinput", "-v0")
        django(environment, "manage.py", "collectstatic", "--noinput", "-v0")
        people = json.loads(django(environment, "-m", "bench.scale_check", "seed"))
        a = Gunicorn(environment, work / "gunicorn-a.log")
        servers.append(a)
        b = Gunicorn(environment, work / "gunicorn-b.log")
        servers.append(b)
        print(
            f"PostgreSQL database {database.name}, Redis on port {redis.port}, "
            f"gunicorn A on port {a.port} and B on port {b.port}",
            flush=True,
        )
        session_carries_over(Client(a.port), Client(b.port), people, password, checks)
        lockout_holds(a.port, b.port, people, password, checks)
        throttle_is_shared(a.port, b.port, checks)
        content_edit_shows(a.port, b.port, people, password, redis.url, checks)
        for log in sorted(work.glob("gunicorn-*.log")):
            errors = [line for line in log.read_text().splitlines() if "Error" in line]
            checks.check(not errors, f"no errors in {log.name}", "\n".join(errors[-5:]))
        print(f"scale-check: {'FAILED' if checks.failed else 'passed'}")
        return 1 if checks.failed else 0
    finally:
        for server in reversed(servers):
            server.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["seed"]:
        seed()
    else:
        sys.exit(main())
