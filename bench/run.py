"""Benchmarks: figures to record in bench/README.md, never assertions.

    .venv/bin/python bench/run.py            # all
    .venv/bin/python bench/run.py render     # one

render: a synthetic 1,000-activity x 12-role matrix (goal <= 50 ms)
load:   read, merge and validate the real data (goal <= 20 ms)
build:  full build with and without the macros plugin, same pages (goal <= 20 % slower)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from macros.contract import LETTERS, linker  # noqa: E402
from macros.data.load import load_playbook  # noqa: E402
from macros.data.model import Activity, Area, Playbook, Role  # noqa: E402
from macros.render.matrix import render_matrix  # noqa: E402


def best_of(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) * 1000, statistics.median(times) * 1000


def synthetic(activities: int = 1000, roles: int = 12) -> Playbook:
    role_list = tuple(Role(f"r{i}", f"Role {i}", f"Role {i}s", f"R{i}", "A role.") for i in range(roles))
    areas = tuple(Area(f"area-{i}", f"Area {i}", "An area.") for i in range(10))
    rows = []
    for n in range(activities):
        cells = [(role_list[0].id, "A")] + [(role_list[i].id, LETTERS[(n + i) % 4 if (n + i) % 4 != 1 else 0]) for i in range(1, roles)]
        rows.append(Activity(f"activity-{n}", areas[n % 10].id, f"Activity number {n} <with> & markup", f"p/{n}.md", tuple(cells)))
    return Playbook(role_list, areas, tuple(rows))


def bench_render() -> str:
    playbook = synthetic()
    link = linker("responsibilities/")
    best, median = best_of(lambda: render_matrix(playbook, link), 20)
    return f"| render 1,000 x 12 matrix | {best:.1f} ms best, {median:.1f} ms median of 20 | <= 50 ms |"


def bench_load() -> str:
    best, median = best_of(lambda: load_playbook(ROOT), 50)
    return f"| load + validate real data | {best:.1f} ms best, {median:.1f} ms median of 50 | <= 20 ms |"


def _build(config_file: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config_file), "-d", out], cwd=ROOT, env=env, check=True)
        return time.perf_counter() - start


def without_macros_plugin(config: str) -> str:
    """mkdocs.yml with mkdocs-macros told to render no page (`render_by_default: false`); every
    other plugin stays, and the playbook plugin still generates its pages."""
    return config.replace("  - macros:\n", "  - macros:\n      render_by_default: false\n", 1)


def bench_build(repeat: int = 5) -> str:
    """The same checkout, config and plugins (git dates included), with and without macros.

    Without it, pages keep their `{{ ... }}` calls as text, so the build is not strict.
    """
    plain = ROOT / ".bench-no-macros.yml"  # beside mkdocs.yml, so every relative path still holds
    plain.write_text(without_macros_plugin((ROOT / "mkdocs.yml").read_text()).replace("strict: true\n", ""))
    try:
        _build(ROOT / "mkdocs.yml")  # warm the file cache and git's
        with_macros = statistics.median(_build(ROOT / "mkdocs.yml") for _ in range(repeat))
        without = statistics.median(_build(plain) for _ in range(repeat))
    finally:
        plain.unlink()
    slower = (with_macros / without - 1) * 100
    return (
        f"| full build, with the macros plugin | {with_macros:.2f} s median of {repeat} | |\n"
        f"| full build, without it (same pages and plugins, macros left unrendered) | {without:.2f} s median of {repeat} | |\n"
        f"| cost of the macros | {slower:+.0f} % | <= 20 % |"
    )


if __name__ == "__main__":
    chosen = sys.argv[1:] or ["render", "load", "build"]
    print("| what | figure | goal |\n| --- | --- | --- |")
    for name in chosen:
        print(globals()[f"bench_{name}"]())
