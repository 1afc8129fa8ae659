"""Lighthouse (mobile preset) on Debian's Chromium against the built site; prints the scores.

`make lighthouse` builds the site, installs lighthouse@12.2.3 under .cache/ (Node 20 cannot run
lighthouse 13) and runs this. Scores depend on timing, so they are recorded in
bench/README.md, never asserted by a test.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LIGHTHOUSE = ROOT / ".cache/lighthouse/node_modules/.bin/lighthouse"
PAGES = ["", "plays/force-multiplier/code-reviews/", "responsibilities/", "checklists/code-reviews/"]
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
METRICS = ["first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync"


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".md", ".csv"}


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class GzipHandler(QuietHandler):
    """Serve text gzipped, as GitHub Pages and a well-configured intranet server do.

    Python's plain file server sends everything uncompressed, which would make Lighthouse
    measure a transfer four times larger than a reader ever downloads.
    """

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"  # a folder without its slash falls through to the redirect
        if path.suffix not in COMPRESSIBLE or not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=9)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        return io.BytesIO(body)


def serve(site: Path, compress: bool = True) -> http.server.ThreadingHTTPServer:
    handler = GzipHandler if compress else QuietHandler
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def audit(url: str) -> dict[str, float]:
    """One Lighthouse run: the four category scores and the metrics behind performance."""
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
    scores = {c: data["categories"][c]["score"] for c in CATEGORIES}
    return scores | {m: data["audits"][m]["numericValue"] for m in METRICS} | main_thread(data["audits"])


def main_thread(audits: dict) -> dict[str, float]:
    """Where the main thread's time went (ms): Lighthouse's groups (script evaluation, style and
    layout, ...), and script time split between Material's bundle, our own scripts and the rest."""
    groups = {f"main:{item['groupLabel']}": item["duration"] for item in audits["mainthread-work-breakdown"]["details"]["items"]}
    scripts = {"script:material": 0.0, "script:ours": 0.0, "script:other": 0.0}
    for item in audits["bootup-time"]["details"]["items"]:
        url = item["url"]
        owner = "material" if "/assets/javascripts/" in url else "ours" if "/assets/checklists" in url or url.endswith("/") else "other"
        scripts[f"script:{owner}"] += item["total"]
    return groups | scripts | {"main:total": audits["mainthread-work-breakdown"]["numericValue"]}


def print_breakdown(medians: dict[str, dict[str, float]]) -> None:
    """Main-thread time per page (median ms): the groups, then script time by owner. `/` in the
    script's URL is the page itself, so "ours" includes the inline scripts of main.html."""
    keys = sorted({key for median in medians.values() for key in median if key.startswith(("main:", "script:"))})
    print("\n| page | " + " | ".join(key.split(":", 1)[1] if key.startswith("main:") else key for key in keys) + " |")
    print("| --- " * (len(keys) + 1) + "|")
    for page, median in medians.items():
        print(f"| /{page} | " + " | ".join(f"{median.get(key, 0):.0f}" for key in keys) + " |", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default=str(ROOT / "site"))
    parser.add_argument("--runs", type=int, default=3, help="runs per page; the median is printed")
    parser.add_argument("--no-gzip", action="store_true", help="serve uncompressed, as `python -m http.server` does")
    args = parser.parse_args()
    server = serve(Path(args.site), compress=not args.no_gzip)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"median of {args.runs} runs per page" + (", served uncompressed" if args.no_gzip else ", served gzipped"))
    print("| page | " + " | ".join(CATEGORIES) + " | FCP | LCP | TBT | CLS |")
    print("| --- " * (len(CATEGORIES) + 5) + "|")
    medians: dict[str, dict[str, float]] = {}
    for page in PAGES:
        runs = [audit(base + page) for _ in range(args.runs)]
        median = {key: statistics.median(run.get(key, 0.0) for run in runs) for key in set().union(*runs)}
        low = min(run["performance"] for run in runs)
        cells = [f"{median[c]:.2f}" for c in CATEGORIES]
        cells[0] += f" (lowest {low:.2f})" if args.runs > 1 else ""
        metrics = [f"{median[m] / 1000:.1f} s" for m in METRICS[:2]] + [f"{median[METRICS[2]]:.0f} ms", f"{median[METRICS[3]]:.3f}"]
        print(f"| /{page} | " + " | ".join(cells + metrics) + " |", flush=True)
        medians[page] = median
    print_breakdown(medians)
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
