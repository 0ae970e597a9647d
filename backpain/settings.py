import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

# A fixed development key keeps `make run` working on a fresh checkout; production must set one.
SECRET_KEY = env("SECRET_KEY") or (
    "dev-only-key-do-not-use-in-production-3f9a1c7e5b2d4f6a8c0e1b3d5f7a9c2e" if DEBUG else ""
)
if not SECRET_KEY:
    raise RuntimeError("Set SECRET_KEY in the environment (or DEBUG=true for development).")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_NAME = "Back on Track"
# The public address, for links in mail sent outside a request (reminders).
SITE_URL = env("SITE_URL", "http://localhost:8000").rstrip("/")

INSTALLED_APPS = [
    # Before "backpain", whose admin module replaces their device admins (see backpain/admin.py).
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "backpain",
    "guidance",
    "journal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Cache-Control: no-store for signed-in people, Permissions-Policy for all (reliability).
    "backpain.middleware.private_responses",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "backpain.auth.keep_active_sessions_alive",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After OTP and htmx: sends a signed-in person with a second factor to the code step, and
    # staff to set one up, before any page (or the admin) opens.
    "backpain.two_factor.require_second_factor",
    "backpain.middleware.user_time_zone",
    # Last, as django-axes asks: it turns a lockout signalled during sign-in into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "backpain.urls"
WSGI_APPLICATION = "backpain.wsgi.application"

# Templates are parsed once per process (the cached loader). With DEBUG on, runserver's
# autoreloader empties it when a template file changes, so an edit still shows at once.
_TEMPLATE_LOADERS = [
    "django.template.loaders.filesystem.Loader",
    "django.template.loaders.app_directories.Loader",
]
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            "loaders": [("django.template.loaders.cached.Loader", _TEMPLATE_LOADERS)],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Pages that are the same for every signed-out visitor are kept this long in the cache
# (backpain.page_cache); 0 turns it off, as it is by default in development.
PAGE_CACHE_SECONDS = int(env("PAGE_CACHE_SECONDS", "0" if DEBUG else "600"))

# Each worker keeps its connection for CONN_MAX_AGE seconds instead of opening one per request;
# the health check replaces a connection that the database closed (a restart, a failover) before
# the request uses it, rather than failing that request.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(env("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
USING_SQLITE = DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
# A production server on SQLite is usually a forgotten DATABASE_URL (and a second server would
# get its own, empty database): it has to be asked for by name.
if USING_SQLITE and not DEBUG and not env_bool("ALLOW_SQLITE_IN_PRODUCTION"):
    raise RuntimeError(
        "Set DATABASE_URL to the PostgreSQL database (or ALLOW_SQLITE_IN_PRODUCTION=true for a "
        "single server on SQLite)."
    )
if USING_SQLITE:
    # SQLite as a server database, shared by several gunicorn workers. A transaction takes the
    # write lock when it begins (IMMEDIATE), so a read-then-write never has to upgrade a read
    # lock, which SQLite refuses at once with "database is locked" whatever the timeout; a
    # writer waits up to `timeout` seconds for the lock instead of failing; WAL lets reads go on
    # while one request writes. synchronous=NORMAL is safe from corruption in WAL mode and keeps
    # every commit through a process crash; only a power cut can lose the last commits.
    # Options in DATABASE_URL's query string (e.g. ?timeout=5) take precedence.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "backpain.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "journal:index"
LOGOUT_REDIRECT_URL = "home"

# Sign-in throttling: five failures for one email from one address lock that pair out for
# fifteen minutes; a successful sign-in clears the count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "backpain.auth.axes_username"
AXES_CLIENT_IP_CALLABLE = "backpain.auth.client_ip"
AXES_VERBOSE = False

# Behind a reverse proxy every request comes from the proxy's address; the client's own is the
# entry that the last of TRUSTED_PROXY_COUNT proxies appended to X-Forwarded-For (entries further
# left are whatever the client sent, so they are never trusted). See backpain.auth.client_ip.
BEHIND_PROXY = env_bool("BEHIND_PROXY")
TRUSTED_PROXY_COUNT = int(env("TRUSTED_PROXY_COUNT", "1"))

# Sign-up, password reset and email change: at most so many requests per address and per client
# address in THROTTLE_WINDOW; more get a 429 and send nothing.
THROTTLE_PER_ADDRESS = int(env("THROTTLE_PER_ADDRESS", "5"))
THROTTLE_PER_IP = int(env("THROTTLE_PER_IP", "20"))
THROTTLE_WINDOW = timedelta(hours=1)

# Everything cached (those counters, the content version of backpain/content_version.py, cached
# pages) goes through Django's cache: per process by default, shared by every worker and server
# with REDIS_URL (redis-py uses the hiredis parser when it is installed).
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": env("REDIS_URL")}
        if env("REDIS_URL")
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# Idle sessions end: a session expires SESSION_IDLE_MINUTES after its last save, and
# backpain.auth.keep_active_sessions_alive saves it again (once a minute) while it is in use.
SESSION_COOKIE_AGE = int(env("SESSION_IDLE_MINUTES", "30")) * 60

# Links mailed for confirming a sign-up or a new email address stop working after this.
EMAIL_LINK_MAX_AGE = timedelta(days=1)
# Two-step sign-in (django-otp): the issuer is the name authenticator apps show.
OTP_TOTP_ISSUER = SITE_NAME

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env("STATIC_ROOT") or BASE_DIR / "staticfiles"  # collectstatic writes here
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            # Hashed names, and a .gz and a .br (the brotli package) beside every text file.
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Django 6.1 mailers: the console in development, SMTP from the environment in production.
if DEBUG and not env("EMAIL_HOST"):
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST", "localhost"),
                "port": int(env("EMAIL_PORT", "587")),
                "username": env("EMAIL_HOST_USER"),
                "password": env("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
            },
        }
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Back on Track <noreply@localhost>")

# Account mail (sign-up, reset, notices) is a task enqueued after the request's transaction
# commits, and the request never looks the address up, so its answer and work are the same
# whether or not the address has an account. The immediate backend (development, tests) still
# sends inside the request; production sets TASKS_BACKEND=django_tasks_db.DatabaseBackend and
# runs `manage.py db_worker`, so no mail is sent while a request waits.
TASKS = {
    "default": {"BACKEND": env("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend")}
}

# Server errors are mailed to ADMINS (comma-separated addresses) from SERVER_EMAIL, by the
# mail_admins handler of Django's default logging, which LOGGING below keeps.
ADMINS = env_list("ADMINS")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# Every asset is served by the app itself; scripts run only with the per-response nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
