"""Pure functions from the Playbook model to escaped HTML. No MkDocs objects in here.

Every renderer that links to a page takes `link`, a function from a docs-relative source path
(`plays/force-multiplier/code-reviews.md#why-it-matters`) to an href usable on the current page.
"""

from collections.abc import Callable

Link = Callable[[str], str]
