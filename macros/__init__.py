"""Tech Lead Playbook: data files -> validated, immutable model -> HTML, wired into MkDocs.

The layers, each importing only those above it:

  contract.py   the public contract: URLs, anchors, item fingerprints, what R, A, C, I mean
  data/         read YAML with lines, join and overlay it, declared shapes, validate -> Playbook
  render/       pure functions: Playbook -> HTML, Markdown, CSV, JSON (no MkDocs here)
  site/         everything that imports MkDocs: the `playbook` plugin and what it applies

MkDocs loads `site.plugin.PlaybookPlugin` through the `mkdocs.plugins` entry point in
pyproject.toml; the plugin registers the page macros (`{{ role('em') }}`, contract 4) with
mkdocs-macros. `python -m macros` checks the data without building.
"""
