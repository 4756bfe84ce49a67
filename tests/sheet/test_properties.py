"""Any answer renders in every format and reads back literally.

User text never becomes markup, code or a template: `#`, `$`, `*`, `_`,
`<script>`, `{{ }}`, `[/]`, backslashes and control characters come out as
the characters they are (control characters dropped), in Markdown as rendered
by a CommonMark parser, in HTML as parsed, in plain text, and in the PDF as
pypdf reads it back. The PDF check uses characters the embedded fonts can draw
(a glyph the fonts lack is drawn as a box and cannot be read back); every
other character still has to render without error.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from mixerpult.sheet.escape import clean, md_escape, typst_string
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import SheetView, build_view

from .helpers import example, html_text, markdown_text, pack, pdf_text, spaced, squeezed

NASTY = [
    "#",
    "# heading",
    "$x$",
    "*",
    "**bold**",
    "_",
    "__init__",
    "<script>alert(1)</script>",
    "{{ view.title }}",
    "{% for x in y %}",
    "{# comment #}",
    "[/]",
    "[b]",
    "[link](http://x)",
    "\\",
    "\\\\",
    '"',
    "'",
    "`code`",
    "```",
    "~~~",
    "- ",
    "+ ",
    "1. ",
    "2) ",
    "> ",
    "---",
    "===",
    "|a|b|",
    "&amp;",
    "&#35;",
    "@label",
    "<!-- x -->",
    "=",
    "~",
    "/",
    "\n",
    "\n\n",
    "    indented",
    "\t",
    "\x00",
    "\x07",
    "\x1b[31m",
    "\r\n",
    "\r",
    "\x0c",
    "\x85",
    "\u2028",
    "\u200b",
    '#set page(paper: "a5")',
    "#panic()",
    ")",
    "(",
    "æøå ÆØÅ",
]

any_text = st.lists(st.one_of(st.text(), st.sampled_from(NASTY)), max_size=12).map("".join)

# Characters the PDF's fonts draw: Latin with Danish letters, Greek, Cyrillic,
# punctuation and symbols, plus the controls the sheet drops.
_DRAWN = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs", "Cc"),
    max_codepoint=0x4FF,
    exclude_characters="\u00ad",  # a soft hyphen is invisible by design
)
drawn_text = st.lists(st.one_of(st.text(_DRAWN), st.sampled_from(NASTY)), max_size=10).map("".join)

QUESTION = "opgaver_kan"


def _view(answer: str, lang: str = "da") -> SheetView:
    session = example()
    session.set_answer(QUESTION, answer)
    return build_view(session, pack(), lang)


def _expected(answer: str) -> str:
    return clean(answer).strip()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(any_text)
def test_any_answer_reads_back_literally_in_text_formats(answer: str) -> None:
    expected = _expected(answer)
    assume(expected)
    view = _view(answer)
    md = render_text(view, "md")
    # A reader sees a soft hyphen only where a line breaks (html_text drops them).
    seen = spaced(expected.replace("\u00ad", ""))
    assert seen in spaced(markdown_text(md))
    html = render_text(view, "html")
    assert seen in spaced(html_text(html))
    assert "<script>" not in html
    txt = render_text(view, "txt")
    assert spaced(expected) in spaced(txt)


@settings(max_examples=25, deadline=None)
@given(any_text)
def test_any_answer_renders_as_pdf(answer: str) -> None:
    assume(_expected(answer))
    assert render_pdf(_view(answer)).startswith(b"%PDF")


@settings(max_examples=25, deadline=None)
@given(drawn_text)
def test_any_drawable_answer_reads_back_literally_from_the_pdf(answer: str) -> None:
    expected = _expected(answer)
    assume(squeezed(expected))
    assert squeezed(expected) in squeezed(pdf_text(render_pdf(_view(answer)), footers=False))


@settings(max_examples=25, deadline=None)
@given(any_text)
def test_any_text_anywhere_renders_in_every_format(text: str) -> None:
    # Names, notes and agreements are user text too.
    from mixerpult.answers import NextStep

    session = example()
    session.set_answer("fornavn", text)
    session.set_fader("timer", note=text)
    session.agreements.notes = text
    session.agreements.next_steps = [NextStep(what=text, who=text, by=text)]
    for lang in ("da", "en"):
        for audience in ("jobcenter", "arbejdsgiver"):
            view = build_view(session, pack(), lang, audience)
            for fmt in ("md", "html", "txt"):
                render_text(view, fmt)
    render_pdf(build_view(session, pack(), "da"))


def test_a_100_kb_answer_renders_literally_in_every_format() -> None:
    rng = random.Random(4)
    words = [*NASTY, "skånebehov", "ærlig", "før", "åben", "arbejdsintensitet", "x" * 60]
    answer = ""
    while len(answer) < 100_000:
        answer += rng.choice(words) + rng.choice([" ", " ", "\n", ""])
    expected = _expected(answer)
    view = _view(answer)
    assert spaced(expected) in spaced(markdown_text(render_text(view, "md")))
    assert spaced(expected) in spaced(html_text(render_text(view, "html")))
    assert spaced(expected) in spaced(render_text(view, "txt"))
    assert squeezed(expected) in squeezed(pdf_text(render_pdf(view), footers=False))


def test_markdown_escapes() -> None:
    assert md_escape("a*b_c #d [e] <f> `g` ~h~ |i| $j$ \\k") == (
        "a\\*b\\_c \\#d \\[e\\] \\<f\\> \\`g\\` \\~h\\~ \\|i\\| \\$j\\$ \\\\k"
    )
    # Line-start markers are escaped on every line after the first, and on the first
    # when the value starts a line.
    assert md_escape("x\n- y\n1. z\n  + w") == "x  \n\\- y  \n1\\. z  \n\\+ w"
    assert md_escape("- y", line_start=True) == "\\- y"
    assert md_escape("- y") == "- y"
    assert md_escape("&amp; & b") == "\\&amp; & b"


def test_typst_strings() -> None:
    assert typst_string('a"b\\c\nd\te') == '"a\\"b\\\\c\\nd e"'
    assert typst_string("#set page() $x$ *y* <z> @w") == '"#set page() $x$ *y* <z> @w"'
    long = typst_string("x" * 100)
    assert "\u200b" in long and long.replace("\u200b", "") == '"' + "x" * 100 + '"'
    # A long run is never split inside a character cluster.
    accented = "e\u0301" * 60
    split = typst_string(accented).strip('"').split("\u200b")
    assert all(not part.startswith("\u0301") for part in split)
