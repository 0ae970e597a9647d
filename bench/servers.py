"""Throwaway servers for `make bench` and `make scale-check`: a PostgreSQL database, Redis and
gunicorn on free local ports, and a small cookie-keeping HTTP client. Every one is removed by
its `stop()`; the scripts call it in a `finally`."""

import os
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from http.client import HTTPConnection
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def production_environment(work: Path, settings: str = "bench.settings") -> dict:
    """The production settings (DEBUG off, a throwaway key), over plain http on 127.0.0.1."""
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": settings,
        "STATIC_ROOT": str(work / "static"),
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "SECURE_HSTS_SECONDS": "0",
        "ALLOWED_HOSTS": "127.0.0.1,testserver",
        "LOG_LEVEL": "ERROR",
    }


def django(environment: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    if done.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def _as_postgres(command: str, check: bool = True) -> str:
    done = subprocess.run(
        ["su", "postgres", "-c", command], capture_output=True, text=True, check=check
    )
    return done.stdout.strip()


class PostgreSQL:
    """A throwaway database: on the server of `url` (its role needs CREATEDB), or else on the
    local Debian cluster, started and given a `backpain` role as .ci/run does."""

    def __init__(self, url: str = ""):
        self.started_cluster = None
        if not url:
            url = self._local_cluster()
        import psycopg

        self.admin_url = url
        self.name = f"bench_{secrets.token_hex(4)}"
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.name}"')
        parts = urlsplit(url)
        self.url = urlunsplit(parts._replace(path=f"/{self.name}", query=""))

    def _local_cluster(self) -> str:
        if not shutil.which("pg_lsclusters"):
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "postgresql"],
                check=True,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                stdout=subprocess.DEVNULL,
            )
        clusters = subprocess.run(
            ["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True
        ).stdout.split()
        if not clusters:
            subprocess.run(["pg_createcluster", "15", "main"], check=True)
            clusters = ["15", "main", "5432", "down"]
        version, cluster, port, status = clusters[:4]
        if status != "online":
            subprocess.run(["pg_ctlcluster", version, cluster, "start"], check=True)
            self.started_cluster = (version, cluster, port)
        for _ in range(30):
            if subprocess.run(["pg_isready", "-q", "-p", port]).returncode == 0:
                break
            time.sleep(1)
        psql = f"psql -p {port} -qtAc"
        role = "SELECT 1 FROM pg_roles WHERE rolname = 'backpain'"
        if _as_postgres(f"{psql} {shlex.quote(role)}") != "1":
            create = "CREATE ROLE backpain LOGIN CREATEDB PASSWORD 'backpain'"
            _as_postgres(f"{psql} {shlex.quote(create)}")
        return f"postgres://backpain:backpain@127.0.0.1:{port}/postgres"

    def stop(self) -> None:
        import psycopg

        with psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
        if self.started_cluster:
            version, cluster, port = self.started_cluster
            others = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'"
            busy = _as_postgres(f"psql -p {port} -qtAc {shlex.quote(others)}", check=False)
            if busy == "1":  # only the query itself: nobody else is using the cluster
                subprocess.run(["pg_ctlcluster", version, cluster, "stop"], check=False)


class Redis:
    """redis-server (Debian's package, installed when missing and root) on a free port, with
    nothing written to disk."""

    def __init__(self):
        if not shutil.which("redis-server"):
            if os.getuid() != 0:
                raise RuntimeError("redis-server is missing: sudo apt-get install redis-server")
            subprocess.run(["apt-get", "update", "-qq"], check=True)
            subprocess.run(
                ["apt-get", "install", "-y", "-qq", "redis-server"],
                check=True,
                env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
                stdout=subprocess.DEVNULL,
            )
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        self.url = f"redis://127.0.0.1:{self.port}/0"
        for _ in range(50):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class Gunicorn:
    def __init__(self, environment: dict, log: Path, workers: int = 2):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "backpain.wsgi",
                f"--bind=127.0.0.1:{self.port}",
                f"--workers={workers}",
                "--timeout=120",
                "--backlog=2048",
            ],
            cwd=ROOT,
            env=environment,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(120):
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start:\n{log.read_text()[-3000:]}")
            try:
                if Client(self.port).request("GET", "/accounts/signin/").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.5)
        raise RuntimeError("gunicorn did not answer")

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


class Response:
    def __init__(self, status: int, headers, body: bytes):
        self.status, self.headers, self.body = status, headers, body
        self.text = body.decode(errors="replace")
        self.location = headers.get("Location", "")


class Client:
    """Keeps cookies like a browser and sends the CSRF token with every POST."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.port = port
        self.cookies: dict[str, str] = dict(cookies or {})

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{name}={value}" for name, value in self.cookies.items())

    def request(self, method: str, path: str, data=None, headers=None) -> Response:
        body = urlencode(data, doseq=True) if data is not None else None
        sent = {"Cookie": self.cookie_header} if self.cookies else {}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            sent["X-CSRFToken"] = self.cookies.get("csrftoken", "")
        sent.update(headers or {})
        connection = HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            content = response.read()
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return Response(response.status, response.headers, content)

    def get(self, path: str, **headers) -> Response:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, data: dict, **headers) -> Response:
        if "csrftoken" not in self.cookies:
            self.get("/accounts/signin/")
        return self.request("POST", path, data, headers)

    def sign_in(self, email: str, password: str) -> Response:
        return self.post("/accounts/signin/", {"username": email, "password": password})
