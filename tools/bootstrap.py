"""Create or refresh the project's virtual environment from the lock file.

Called by `make`; needs only Python 3. Every package comes from `requirements.lock` with its
hashes checked (`--require-hashes`), pip and setuptools included. On Debian, where
`python3 -m venv` fails without the python3-venv package, the venv is made without pip and the
pip wheel the lock pins is downloaded from PyPI and checked against the lock's hashes before it
runs. Last, the project itself is installed in editable mode (no download, no build isolation)
so that MkDocs finds the `playbook` plugin through its entry point.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path

PIN = re.compile(r"^pip==(?P<version>\S+)\s*\\\n(?P<hashes>(?:\s+--hash=sha256:[0-9a-f]{64}\s*\\?\n)+)", re.M)


def python_in(env: Path) -> Path:
    return env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def works(python: Path, *args: str) -> bool:
    return python.exists() and subprocess.run([str(python), *args], capture_output=True).returncode == 0


def pinned_pip(lock: Path) -> tuple[str, set[str]]:
    """The pip version the lock pins and the sha256 digests it allows."""
    found = PIN.search(lock.read_text(encoding="utf-8"))
    if found is None:
        raise SystemExit(f"bootstrap: {lock} pins no pip with hashes; run `make lock`")
    return found["version"], set(re.findall(r"sha256:([0-9a-f]{64})", found["hashes"]))


def install_pinned_pip(env: Path, lock: Path) -> None:
    version, allowed = pinned_pip(lock)
    print(f"bootstrap: this Python has no ensurepip; installing pip {version} from PyPI (hash checked)", flush=True)
    with urllib.request.urlopen(f"https://pypi.org/pypi/pip/{version}/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    with urllib.request.urlopen(wheel["url"], timeout=120) as response:
        content = response.read()
    digest = hashlib.sha256(content).hexdigest()
    if digest not in allowed:
        raise SystemExit(f"bootstrap: {wheel['filename']} has sha256 {digest}, which {lock} does not allow; nothing installed")
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        target.write_bytes(content)
        subprocess.run([str(python_in(env)), f"{target}/pip", "install", "-q", "--no-index", str(target)], check=True)


def create(env: Path, lock: Path) -> None:
    print(f"bootstrap: creating {env}", flush=True)
    try:
        venv.EnvBuilder(clear=True, with_pip=True).create(env)
        if works(python_in(env), "-m", "pip", "--version"):
            return
    except (subprocess.CalledProcessError, OSError):
        pass
    venv.EnvBuilder(clear=True, with_pip=False).create(env)
    install_pinned_pip(env, lock)


def main(env_dir: str, lock_file: str) -> int:
    env, lock = Path(env_dir), Path(lock_file)
    python = python_in(env)
    if not works(python, "-m", "pip", "--version"):
        create(env, lock)
    print(f"bootstrap: installing {lock} into {env}", flush=True)
    pip = [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check"]
    if subprocess.run([*pip, "--require-hashes", "-r", str(lock)]).returncode:
        return 1
    project = str(lock.resolve().parent)
    editable = subprocess.run([*pip, "--no-deps", "--no-build-isolation", "--no-index", "-e", project], capture_output=True, text=True)
    if editable.returncode:  # setuptools' notices about editable installs are noise unless it failed
        print(editable.stdout + editable.stderr, file=sys.stderr)
    return editable.returncode


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
