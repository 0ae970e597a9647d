"""Every URL the project serves, with sample values for its parameters, for tests that sweep."""

import re

from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

SAMPLES = {"int": "1", "uuid": "00000000-0000-0000-0000-000000000001"}
PARAMETER = re.compile(r"<(?:(?P<kind>\w+):)?\w+>")


def _route(pattern, samples) -> str | None:
    if not isinstance(pattern, RoutePattern):
        return None
    return PARAMETER.sub(lambda m: samples.get(m["kind"] or "str", "sample"), str(pattern))


def all_paths(patterns=None, prefix="/", skip=("admin/",), samples=SAMPLES) -> list[str]:
    patterns = get_resolver().url_patterns if patterns is None else patterns
    paths = []
    for entry in patterns:
        route = _route(entry.pattern, samples)
        if route is None or route.startswith(skip):
            continue
        if isinstance(entry, URLResolver):
            paths += all_paths(entry.url_patterns, prefix + route, skip, samples)
        elif isinstance(entry, URLPattern):
            paths.append(prefix + route)
    return paths


def named_patterns(patterns=None, namespace="", skip_namespaces=("admin",)) -> dict:
    """Every URL pattern by its full name ("journal:entry"), for tests with a row per URL."""
    patterns = get_resolver().url_patterns if patterns is None else patterns
    found = {}
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in skip_namespaces:
                continue
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            found |= named_patterns(entry.url_patterns, inner, skip_namespaces)
        elif isinstance(entry, URLPattern):
            found[namespace + entry.name] = entry
    return found
