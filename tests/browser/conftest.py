"""Browser fixtures: Debian's Chromium driven by playwright, the site served on 127.0.0.1, no network.

Chromium starts with background networking off and every host name resolving nowhere except the
loopback addresses, and each context aborts (and records) any request that is not local: a page that
reaches for the network fails the tests instead of quietly working on a connected machine.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
]
LOCAL_SCHEMES = {"file", "data", "blob", "about"}
LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def is_local(url: str) -> bool:
    parsed = urlparse(url)
    return parsed.scheme in LOCAL_SCHEMES or parsed.hostname in LOCAL_HOSTS


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def http_root(site: Path):
    """The built site over http://127.0.0.1:<free port>/."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    playwright = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is not installed: run `make setup` (Debian package chromium)")
    with playwright.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """One page load with everything the checks need: requests made, remote attempts, script errors."""

    def __init__(self, browser, scheme: str = "light", width: int = 1280):
        self.context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
        self.remote: list[str] = []
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.failed: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("requestfailed", lambda r: self.failed.append(r.url))
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)

    def _route(self, route):
        if is_local(route.request.url):
            route.continue_()
        else:
            self.remote.append(route.request.url)
            route.abort()

    def open(self, url: str):
        self.page.goto(url, wait_until="load")
        self.page.wait_for_load_state("networkidle")
        return self.page

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser):
    visits: list[Visit] = []

    def make(**kwargs) -> Visit:
        v = Visit(browser, **kwargs)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.close()
