"""Whole-page caching for the pages that are the same for every signed-out visitor.

A cached page is stored with placeholders where the response's CSRF token and CSP nonce were,
and each visitor gets their own filled in: a fresh masked CSRF token (which also sets their
CSRF cookie, as rendering would) and this response's nonce (which the CSP header then names).

Only GETs from signed-out people with no pending messages are served from, or stored in, the
cache: a signed-in person's pages differ (the routine's "add" buttons, their name) and stay
no-store. Keys hold the content version (backpain.content_version: an edit in the admin or a
migration makes every old page unreachable, on every server that shares the cache), a digest
of the code and templates (a deploy does the same), the scheme, host, path and query string,
the htmx headers and whatever else the view says its page depends on (`vary`).
"""

import hashlib
import re
from collections.abc import Callable
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache as django_cache
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import (
    InvalidTokenFormat,
    _check_token_format,
    _unmask_cipher_token,
    get_token,
)

from . import content_version

CSRF_PLACEHOLDER = b"\x00csrf-token\x00"
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
# A masked CSRF token: 64 letters and digits (django.middleware.csrf.CSRF_TOKEN_LENGTH).
TOKEN_CANDIDATE = re.compile(rb"(?<![A-Za-z0-9])[A-Za-z0-9]{64}(?![A-Za-z0-9])")
# Headers a view sets that the cached copy keeps (the middleware adds the rest per response).
KEPT_HEADERS = ("Content-Type", "Cache-Control", "Vary", "Expires", "Content-Language")


@cache
def code_digest() -> str:
    """The templates and Python code of this deploy: pages cached by older code are not used."""
    root = Path(settings.BASE_DIR)
    digest = hashlib.sha256()
    for folder in ("templates", "backpain", "guidance", "journal"):
        for path in sorted((root / folder).rglob("*")):
            if path.suffix in (".html", ".py", ".txt") and "migrations" not in path.parts:
                digest.update(str(path.relative_to(root)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _cacheable_request(request: HttpRequest) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and not request.user.is_authenticated
        and not len(get_messages(request))
    )


def _key(request: HttpRequest, extra: str) -> str:
    parts = [
        request.scheme,
        request.get_host(),
        request.path,
        "&".join(sorted(request.GET.urlencode().split("&"))),
        request.headers.get("HX-Request", ""),
        request.headers.get("HX-History-Restore-Request", ""),
        extra,
    ]
    inputs = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"page:{content_version.current()}:{code_digest()}:{inputs}"


def _csrf_secret(request: HttpRequest) -> str | None:
    return request.META.get("CSRF_COOKIE")


def _with_placeholders(request: HttpRequest, body: bytes) -> bytes:
    """The body with this visitor's CSRF tokens (any masking of their secret) and this
    response's nonce taken out."""
    secret = _csrf_secret(request)

    def token_or_text(match: re.Match) -> bytes:
        candidate = match.group().decode()
        try:
            _check_token_format(candidate)
        except InvalidTokenFormat:
            return match.group()
        if secret and _unmask_cipher_token(candidate) == secret:
            return CSRF_PLACEHOLDER
        return match.group()

    body = TOKEN_CANDIDATE.sub(token_or_text, body)
    nonce = getattr(request, "_csp_nonce", None)
    if nonce:  # a LazyNonce is true only once the page has used it
        body = body.replace(str(nonce).encode(), NONCE_PLACEHOLDER)
    return body


def _filled_in(request: HttpRequest, body: bytes) -> bytes:
    if CSRF_PLACEHOLDER in body:
        body = body.replace(CSRF_PLACEHOLDER, get_token(request).encode())
    if NONCE_PLACEHOLDER in body:
        body = body.replace(NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
    return body


def public_page(vary: Callable[[HttpRequest], str] | None = None):
    """Cache a view's page for signed-out visitors. `vary(request)` names any input besides the
    URL and htmx headers that changes the page (e.g. the checklist's region cookie)."""

    def decorator(view):
        @wraps(view)
        def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not _cacheable_request(request):
                return view(request, *args, **kwargs)
            key = _key(request, vary(request) if vary else "")
            stored = django_cache.get(key)
            if stored is not None:
                status, headers, body = stored
                return HttpResponse(_filled_in(request, body), status=status, headers=headers)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render"):
                response.render()
            if (
                response.status_code == 200
                and not response.streaming
                # A view under csrf_protect sets the CSRF cookie itself; the middleware sets
                # it on a cached response too.
                and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
                and not len(get_messages(request))
            ):
                headers = {name: response[name] for name in KEPT_HEADERS if name in response}
                body = _with_placeholders(request, response.content)
                django_cache.set(key, (200, headers, body), settings.PAGE_CACHE_SECONDS)
            return response

        return cached_view

    return decorator
