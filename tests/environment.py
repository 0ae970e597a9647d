"""Loaded by pytest (`-p tests.environment`) before Django's settings are imported.

The settings are secure by default (HTTPS redirects, secure cookies) unless DEBUG is on; the
test client and the live server speak plain HTTP, so the tests run with development values.
Playwright's sync API runs an event loop in the test thread, hence the async-unsafe switch.
"""

import os

os.environ.setdefault("DEBUG", "true")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
