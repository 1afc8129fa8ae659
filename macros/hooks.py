"""Entry point that mkdocs.yml names under `hooks:`; MkDocs loads it by path, outside the package."""

import sys
from pathlib import Path

try:
    from .lifecycle import on_config, on_files
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from macros.lifecycle import on_config, on_files

__all__ = ["on_config", "on_files"]
