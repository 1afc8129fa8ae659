"""Headless Chromium (Debian's, driven by Playwright) against the built site on 127.0.0.1.

There is no skip: a machine without /usr/bin/chromium fails these tests, so CI never passes
by silently testing less. `.ci/run` installs Chromium.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}  # the viewport every test uses unless it says otherwise
PHONE = {"width": 390, "height": 844}
# URLs that never leave the browser: they are not requests to another origin.
LOCAL_SCHEMES = ("data:", "blob:", "about:")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class SiteServer:
    """Serves one directory at a fixed origin; `root` can be swapped to 'update' the site."""

    def __init__(self, root: Path, prefix: str = "") -> None:
        self.root, self.prefix = root, prefix.strip("/")
        server = self

        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                self.directory = str(server.root)  # read per request: the site can be swapped
                local = path.split("?", 1)[0].split("#", 1)[0]
                if server.prefix:
                    mount = "/" + server.prefix
                    if not (local == mount or local.startswith(mount + "/")):
                        return str(server.root / "__outside_the_sub_path__")
                    local = local[len(mount) :] or "/"
                return super().translate_path(local)

            def end_headers(self) -> None:
                self.send_header("Cache-Control", "no-store")  # a swapped site must be seen at once
                super().end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def origin(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def url(self, path: str = "") -> str:
        base = f"{self.origin}/{self.prefix}/" if self.prefix else f"{self.origin}/"
        return base + path.lstrip("/")

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium (browser tests never skip)"
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def server(site) -> Iterator[SiteServer]:
    running = SiteServer(site.root)
    yield running
    running.close()


class Console:
    """Errors a reader's browser would log: console errors and uncaught exceptions."""

    def __init__(self, page: Page) -> None:
        self.errors: list[str] = []
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        page.on("pageerror", lambda e: self.errors.append(str(e)))


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    return context.new_page()
