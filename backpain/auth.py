import hashlib
import ipaddress

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone


def axes_username(request, credentials) -> str | None:
    """Count failed sign-ins per address whatever its case, so ALICE@ and alice@ share a limit."""
    source = credentials if credentials else getattr(request, "POST", {})
    username = source.get("username")
    return username.strip().lower() if isinstance(username, str) else username


def client_ip(request: HttpRequest) -> str:
    """The address of the person, not of our proxy.

    Each trusted proxy appends the address it was reached from to X-Forwarded-For, so with N
    trusted proxies the client is the N-th entry from the right. Anything further left was
    written by the client and could be anything; an absent or malformed entry means the
    request did not come through the proxies, so the connection's own address stands.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.BEHIND_PROXY:
        return remote
    entries = [e.strip() for e in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    count = settings.TRUSTED_PROXY_COUNT
    if count < 1 or len(entries) < count:
        return remote
    try:
        return str(ipaddress.ip_address(entries[-count]))
    except ValueError:
        return remote


def throttled(request: HttpRequest, action: str, address: str) -> bool:
    """Count one `action` (sign-up, reset...) for this address and this client; True when
    either has used up its allowance for the window. Both counters grow on every call, so a
    refused request still counts."""
    window = int(settings.THROTTLE_WINDOW.total_seconds())
    # Hashed: cache keys must be short and plain, and the cache need not hold anyone's address.
    address_key = hashlib.sha256(address.strip().lower().encode()).hexdigest()
    ip_key = hashlib.sha256(client_ip(request).encode()).hexdigest()
    limits = [
        (f"throttle:{action}:address:{address_key}", settings.THROTTLE_PER_ADDRESS),
        (f"throttle:{action}:ip:{ip_key}", settings.THROTTLE_PER_IP),
    ]
    over = False
    for key, limit in limits:
        cache.add(key, 0, window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            count = 1
        over = over or count > limit
    return over


def _now() -> int:
    return int(timezone.now().timestamp())


def start_idle_clock(sender, request, user, **kwargs) -> None:
    """At sign-in (user_logged_in), so that the first page after it need not save again."""
    if request is not None and hasattr(request, "session"):
        request.session["refreshed_at"] = _now()


def keep_active_sessions_alive(get_response):
    """A session lives SESSION_COOKIE_AGE (the idle timeout) from its last save; while it is
    in use, save it again. At most once a minute: SESSION_SAVE_EVERY_REQUEST would make every
    page view a database write, and under load on SQLite every write waits for the others."""

    def middleware(request):
        if request.user.is_authenticated:
            now = _now()
            if now - request.session.get("refreshed_at", 0) >= 60:
                request.session["refreshed_at"] = now
        return get_response(request)

    return middleware
