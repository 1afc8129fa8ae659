"""Future-proofing: ProperDocs (the maintained MkDocs 1.6 fork) builds the same site, strictly."""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, Site

pytestmark = pytest.mark.slow
VOLATILE = [
    re.compile(r'<meta name="generator" content="[^"]*">'),  # names the builder, by design
    re.compile(r'(git-revision-date-localized-plugin-date" title=")[^"]*(")'),  # uncommitted files: build time
]


def normalised(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    if path.suffix in (".html", ".gz", ".xml"):
        text = data.decode("utf-8")
        for pattern in VOLATILE:
            text = pattern.sub(lambda m: m.group(1) + m.group(2) if m.groups() else "", text)
        data = text.encode("utf-8")
    return data


def test_properdocs_builds_the_same_site_strictly(site: Site, tmp_path: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    properdocs = Path(sys.executable).parent / "properdocs"
    result = subprocess.run(
        [str(properdocs), "build", "--strict", "--site-dir", str(tmp_path / "site")], cwd=ROOT, capture_output=True, text=True, env=env
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0 and "WARNING" not in log, log
    ours = {p.relative_to(site.root) for p in site.root.rglob("*") if p.is_file()}
    theirs = {p.relative_to(tmp_path / "site") for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert ours == theirs
    different = [str(p) for p in sorted(ours) if normalised(site.root / p) != normalised(tmp_path / "site" / p)]
    assert not different, different[:10]
