"""Create or refresh the project's virtual environment from the lock file.

Called by `make`; needs only Python 3. On Debian, where `python3 -m venv` fails without the
python3-venv package, it makes the venv without pip and installs pip from PyPI's wheel.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import urllib.request
import venv
from pathlib import Path


def python_in(env: Path) -> Path:
    return env / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")


def works(python: Path, *args: str) -> bool:
    return python.exists() and subprocess.run([str(python), *args], capture_output=True).returncode == 0


def create(env: Path) -> None:
    print(f"bootstrap: creating {env}", flush=True)
    try:
        venv.EnvBuilder(clear=True, with_pip=True).create(env)
        if works(python_in(env), "-m", "pip", "--version"):
            return
    except (subprocess.CalledProcessError, OSError):
        pass
    print("bootstrap: this Python has no ensurepip; installing pip from PyPI", flush=True)
    venv.EnvBuilder(clear=True, with_pip=False).create(env)
    with urllib.request.urlopen("https://pypi.org/pypi/pip/json", timeout=60) as response:
        release = json.load(response)
    wheel = next(u for u in release["urls"] if u["filename"].endswith(".whl"))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / wheel["filename"]
        urllib.request.urlretrieve(wheel["url"], target)
        subprocess.run([str(python_in(env)), f"{target}/pip", "install", "-q", str(target)], check=True)


def main(env_dir: str, lock: str) -> int:
    env = Path(env_dir)
    python = python_in(env)
    if not works(python, "-m", "pip", "--version"):
        create(env)
    print(f"bootstrap: installing {lock} into {env}", flush=True)
    return subprocess.run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", lock]).returncode


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
