"""Browser tests: the session-built site served on localhost, read by Debian's Chromium through Playwright.

Every browser context made here records each request and each console error; a test fails (at teardown)
if a request left 127.0.0.1 or the console reported an error. Requests to other hosts are also aborted,
so the site is read as if there were no network.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from browser_support import ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, DESKTOP

from scripts.localsite import served


@pytest.fixture(scope="session")
def browser_type_launch_args():
    """pytest-playwright launches Debian's Chromium (no browser download)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup.sh (it installs Debian's chromium)")
    return {"executable_path": CHROMIUM, "args": CHROMIUM_ARGS, "headless": True}


@pytest.fixture(scope="session")
def site_url(site):
    """The built site on a plain static server on localhost: http://127.0.0.1:PORT/ ."""
    with served(site) as url:
        yield url


@pytest.fixture(scope="session")
def site_pages(site) -> list[str]:
    """Every page of the built site (reading text, back matter, generated pages)."""
    return sorted(p.name for p in site.glob("*.html"))


@dataclass
class Record:
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def offhost(self, allowed: tuple[str, ...]) -> list[str]:
        return [u for u in self.requests if not u.startswith(allowed)]


@pytest.fixture
def reader(new_context, site_url):
    """reader(**context options) -> (context, page): a fresh browser context that records what it fetches."""
    record = Record()
    allowed = (site_url, "data:", "blob:", "about:", "file://")

    def open_(**options):
        context = new_context(**{**DESKTOP, **options})

        def route(route):
            if route.request.url.startswith(allowed):
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        context.on("request", lambda request: record.requests.append(request.url))
        context.on(
            "console",
            lambda msg: msg.type == "error" and record.errors.append(f"{msg.location.get('url')}: {msg.text}"),
        )
        context.on("weberror", lambda error: record.errors.append(f"page error: {error.error}"))
        return context, context.new_page()

    open_.record = record
    yield open_
    assert not record.offhost(allowed), f"requests left localhost: {record.offhost(allowed)[:5]}"
    assert not record.errors, f"console errors: {record.errors[:5]}"


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def site_copy(site, tmp_path) -> Path:
    """The built site copied to another folder, to be opened from disk (file://)."""
    copy = tmp_path / "copy"
    shutil.copytree(site, copy)
    return copy
