"""Screenshots of the built site with headless Chromium, for the README and for looking at.

`make screenshots` builds the site and writes PNGs to screenshots/ (viewport only, to stay small).
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# name, path, colour scheme, viewport width, height
SHOTS = [
    ("home-light", "", "light", 1024, 640),
    ("home-dark", "", "dark", 1024, 640),
    ("matrix", "responsibilities/#the-whole-matrix", "light", 1024, 640),
    ("checklist", "checklists/code-reviews/", "dark", 1024, 640),
    ("play-phone", "plays/force-multiplier/code-reviews/", "light", 390, 700),
]


def main(site_dir: str, out_dir: str) -> int:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=site_dir))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    out = Path(out_dir)
    out.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        for name, path, scheme, width, height in SHOTS:
            page = browser.new_page(viewport={"width": width, "height": height}, color_scheme=scheme)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            if name == "checklist":
                page.locator("[data-item] input[type=checkbox]").nth(0).check()
                page.locator("[data-item] input[type=checkbox]").nth(2).check()
            page.screenshot(path=str(out / f"{name}.png"))
            page.close()
            print(f"wrote {out / name}.png")
        browser.close()
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(
        main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "site"), sys.argv[2] if len(sys.argv) > 2 else str(ROOT / "screenshots"))
    )
