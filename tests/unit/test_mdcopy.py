"""The HTML -> Markdown converter behind each page's Markdown copy (macros/render/mdcopy.py), on
the shapes the site's pages may hold that the built site does not (a fork's own pages)."""

from __future__ import annotations

from macros.render.llms import page_markdown, resolver
from macros.render.mdcopy import to_markdown


def md(html: str, page: str = "a/b/", site_url: str = "") -> str:
    blocks, _ = to_markdown(html, resolver(site_url, page))
    return "\n\n".join(blocks)


def test_links_are_absolute_under_site_url_or_from_the_root() -> None:
    html = (
        '<p><a href="../c/#x">c</a> <a href="#y">here</a> <a href="mailto:a@b.example">mail</a> <a href="https://x.example/(1)">x</a></p>'
    )
    assert md(html) == "[c](/a/c/#x) [here](/a/b/#y) [mail](mailto:a@b.example) [x](https://x.example/%281%29)"
    assert md('<a href="c.html">c</a>', page="a/b.html", site_url="https://h.example/eng/") == "[c](https://h.example/eng/a/c.html)"


def test_text_is_escaped_and_never_holds_a_tag() -> None:
    assert md("<p>&lt;script&gt; *not* [a](b) &amp;amp; 1. x</p>") == r"&lt;script> \*not\* \[a\](b) &amp;amp; 1. x"
    assert md("<p>1. starts like a list</p><p># like a heading</p>") == "1\\. starts like a list\n\n\\# like a heading"


def test_an_svg_without_a_caption_becomes_its_title_and_description() -> None:
    svg = '<svg role="img"><title>Flow</title><desc>Draft, then review.</desc><text>Draft</text></svg>'
    assert md(svg) == "Flow. Draft, then review."
    assert md(f"<figure>{svg}<figcaption>The flow, in words.</figcaption></figure>") == "The flow, in words."


def test_lists_tasks_code_and_quotes() -> None:
    html = (
        "<ul><li>one<ul><li>nested</li></ul></li>"
        '<li class="task-list-item"><label><input type="checkbox" checked disabled></label> done</li></ul>'
        '<div class="language-yaml highlight"><pre><code>a: "```"\n</code></pre></div>'
        '<div class="admonition note"><p class="admonition-title">Note</p><p>Careful.</p></div>'
    )
    assert md(html) == '- one\n  - nested\n- [x] done\n\n````yaml\na: "```"\n````\n\n> **Note**\n>\n> Careful.'


def test_tables_split_at_group_rows_and_keep_cells_in_place() -> None:
    html = (
        "<table><caption>Who</caption><thead><tr><th>Activity</th><th><abbr title='Tech Lead'>TL</abbr></th></tr></thead>"
        "<tbody><tr><th colspan='2' scope='rowgroup'>Area</th></tr>"
        "<tr><th>a | b</th><td>A<br>R</td></tr><tr><td>c</td><td></td></tr></tbody></table>"
    )
    assert md(html) == "Who\n\n**Area**\n\n| Activity | Tech Lead (TL) |\n| --- | --- |\n| a \\| b | A; R |\n| c |  |"


def test_widgets_and_hidden_elements_are_left_out() -> None:
    html = (
        '<h2 id="x">Title<a class="headerlink" href="#x">¶</a></h2><div hidden><p>script only</p></div>'
        '<p><button>Copy</button><input type="text"> kept</p>'
    )
    assert md(html) == "## Title\n\nkept"


def test_a_copy_opens_with_its_heading_and_address_and_ends_with_its_abbreviations() -> None:
    text = page_markdown(
        '<h1>T</h1><p>An <abbr title="Application <Programming> Interface">API</abbr>.</p>', "T", "", "a/", "From the Book:"
    )
    assert text == "# T\n\nFrom the Book: [/a/](/a/)\n\nAn API.\n\n*[API]: Application &lt;Programming> Interface\n"
    assert page_markdown("<p>No heading</p>", "A *title*", "https://h.example/", "", "From:").startswith(
        "# A \\*title\\*\n\nFrom: [https://h.example/]"
    )


def test_a_line_of_tildes_from_data_opens_no_code_fence() -> None:
    assert md("<p>~~~ owns the team</p><ul><li>~~~ x</li></ul>") == "\\~\\~\\~ owns the team\n\n- \\~\\~\\~ x"


def test_digits_from_other_scripts_are_no_list_start_or_span() -> None:
    assert md('<ol start="²"><li>a</li></ol>') == "1. a"
    assert "| a |" in md('<table><tr><th colspan="³">a</th></tr></table>')
