"""Lighthouse (mobile preset) on Debian's Chromium against the built site; prints the scores.

`make lighthouse` builds the site, installs lighthouse@12.2.3 under .cache/ (Node 20 cannot run
lighthouse 13) and runs this. Scores depend on timing, so they are recorded in
bench/README.md, never asserted by a test.
"""

from __future__ import annotations

import functools
import http.server
import json
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
PAGES = ["", "plays/force-multiplier/code-reviews/", "responsibilities/", "checklists/code-reviews/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(url: str) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                str(LIGHTHOUSE),
                url,
                "--quiet",
                "--chrome-path=/usr/bin/chromium",
                f"--chrome-flags={FLAGS}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--output=json",
                f"--output-path={report}",
            ],
            check=True,
        )
        data = json.loads(report.read_text())
    return {c: data["categories"][c]["score"] for c in CATEGORIES}


def main(site_dir: str) -> int:
    server = serve(Path(site_dir))
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print("| page | " + " | ".join(CATEGORIES) + " |")
    print("| --- " * (len(CATEGORIES) + 1) + "|")
    for page in PAGES:
        scores = audit(base + page)
        print(f"| /{page} | " + " | ".join(f"{scores[c]:.2f}" for c in CATEGORIES) + " |", flush=True)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "site")))
