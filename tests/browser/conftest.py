"""Real-browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Fixtures:
- `browser`: one headless Chromium for the session (fails, never skips, when none can start).
- `page`: a fresh context and page per test, 1280 px wide, British English (the checklist picks
  its first emergency number from the browser's language); it aborts and records any request that
  leaves the live server, and the test fails if there was one. A screenshot of a failed test is
  saved under test-artifacts/.
- `assert_accessible(page)`: runs axe-core in the page and fails on any violation, at both
  360 px and 1280 px wide.
"""

import os
import re
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WIDTHS = (360, 1280)

pytestmark = pytest.mark.browser


def _chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "chromium", "chromium-browser"):
        if candidate and (path := shutil.which(candidate)):
            return path
    pytest.fail("No Chromium found: `make test` installs Debian's chromium when run as root.")


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=_chromium_path(), headless=True, args=CHROMIUM_ARGS
            )
        except PlaywrightError as error:
            pytest.fail(f"Chromium could not start: {error}")
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        java_script_enabled=True,
        locale="en-GB",
    )
    page = _tracked_page(context, live_server.url)
    yield page
    _finish(page, context, request)


@pytest.fixture
def page_without_js(browser, live_server, request):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        java_script_enabled=False,
        locale="en-GB",
    )
    page = _tracked_page(context, live_server.url)
    yield page
    _finish(page, context, request)


def _tracked_page(context, base_url: str):
    own_origin = urlsplit(base_url).netloc
    outside: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(("data:", "blob:", "about:")) or urlsplit(url).netloc == own_origin:
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    context.route("**/*", guard)
    context.set_default_timeout(10_000)
    page = context.new_page()
    page.third_party_requests = outside
    page.console_errors = []
    page.on(
        "console",
        lambda message: message.type == "error" and page.console_errors.append(message.text),
    )
    return page


def _finish(page, context, request):
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)[-150:]
        try:
            page.screenshot(path=ARTIFACTS / f"{name}.png", full_page=True)
        except PlaywrightError:
            pass
    outside = list(page.third_party_requests)
    csp_errors = [text for text in page.console_errors if "Content Security Policy" in text]
    context.close()
    assert not outside, f"The page requested third-party URLs: {outside}"
    assert not csp_errors, f"The Content Security Policy blocked something: {csp_errors}"


def _axe_violations(page) -> list[dict]:
    page.evaluate(AXE.read_text())
    return page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ["violations"]});
            return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ") + " :: " + n.failureSummary),
            }));
        }"""
    )


@pytest.fixture
def assert_accessible():
    """Check the page as it is now at each width; the viewport is restored afterwards."""

    def check(page, widths=WIDTHS):
        original = page.viewport_size
        problems = []
        for width in widths:
            page.set_viewport_size({"width": width, "height": 900})
            for violation in _axe_violations(page):
                problems.append(f"{width}px {page.url}: {violation}")
        page.set_viewport_size(original)
        assert not problems, "axe-core found violations:\n" + "\n".join(map(str, problems))

    return check
