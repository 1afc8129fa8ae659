"""Entry point that mkdocs.yml names under `hooks:`; MkDocs loads it by path, outside the package."""

import sys
from pathlib import Path

try:
    from .lifecycle import on_config, on_files, on_nav, on_page_content, on_page_markdown, on_post_build
except ImportError:
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from macros.lifecycle import on_config, on_files, on_nav, on_page_content, on_page_markdown, on_post_build

__all__ = ["on_config", "on_files", "on_nav", "on_page_content", "on_page_markdown", "on_post_build"]
