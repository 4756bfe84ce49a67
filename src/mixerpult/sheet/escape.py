"""Making user text safe for each output format, without changing what it says.

Every `{{ … }}` in a sheet template goes through the format's escape function
(Jinja's `finalize`), so a template that forgets a filter still cannot turn an
answer into markup or code. Text marked safe (`markupsafe.Markup`, from the
`|safe` filter) passes through untouched: only template authors can make it.

Control characters are dropped once, in `clean`, which the view applies to all
text and every escape function applies again (it is idempotent): the stored
answer is never changed, only its rendering.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from markupsafe import Markup

# Line breaks of every kind become "\n"; form feed and vertical tab are line breaks too.
_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028\u2029]")
# Other C0/C1 controls (keeping \t and \n), and lone surrogates, which no file can encode.
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def clean(text: str) -> str:
    """`text` with line breaks unified to \\n and other control characters dropped."""
    return _CONTROLS.sub("", _BREAKS.sub("\n", text))


def paragraphs(text: str) -> list[str]:
    """The paragraphs of cleaned `text` (split at blank lines), each without outer blank space."""
    parts = re.split(r"\n[ \t]*\n", clean(text).strip("\n"))
    return [p.strip("\n") for p in parts if p.strip()]


def _value(value: Any) -> str:
    if value is None:
        return ""
    return clean(str(value))


# -- Markdown -----------------------------------------------------------------------

# Characters that start inline markup anywhere in a line (CommonMark and GitHub's
# extensions: tables, strikethrough, math).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~$])")
# An entity reference such as &amp; or &#35; would be decoded by a Markdown renderer.
_MD_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
# Markers that only mean something at the start of a line: lists, setext underlines.
_MD_LINE_START = re.compile(r"^([-+=])|^(\d{1,9})([.)])")


def _md_line(line: str, at_start: bool) -> str:
    line = _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", line))
    if at_start:
        # Leading blanks would make an indented code block or a nested list.
        line = _MD_LINE_START.sub(
            lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
            line.lstrip(" \t"),
        )
    return line


def md_escape(value: Any, line_start: bool = False) -> str:
    """`value` as literal Markdown text; newlines become hard line breaks.

    With `line_start` the first line is treated as the start of a line too
    (a value that begins a paragraph); later lines always are.
    """
    if isinstance(value, Markup):
        return str(value)
    lines = _value(value).split("\n")
    out = [_md_line(line, line_start or i > 0) for i, line in enumerate(lines)]
    # Two trailing spaces: a hard break that stays invisible when read raw.
    return "  \n".join(out)


def md_block(value: Any) -> Markup:
    """A paragraph of Markdown: like `md_escape`, starting at the beginning of a line."""
    return Markup(md_escape(value, line_start=True))


# -- plain text ----------------------------------------------------------------------


def txt_escape(value: Any) -> str:
    """`value` as plain text: nothing to escape, only control characters to drop."""
    if isinstance(value, Markup):
        return str(value)
    return _value(value)


# -- Typst ---------------------------------------------------------------------------------

# A tab becomes a space: Typst draws no glyph for it, so words would run together.
_TYPST_STR = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\t": " ", "\r": "\\r"}
# Longest run without a break opportunity before the PDF gets one: a URL or a pasted
# token wider than the page would otherwise run off its edge.
_LONG_RUN = 40
_RUN = re.compile(rf"\S{{{_LONG_RUN + 1},}}")
_JOINERS = ("Mn", "Mc", "Me", "Cf")


def _breakable(text: str) -> str:
    def split(match: re.Match[str]) -> str:
        run = match.group(0)
        out: list[str] = []
        count = 0
        after_joiner = False
        for ch in run:
            # Never inside a character cluster: before a combining mark or a joiner
            # (variation selectors, ZWJ), or right after a joiner.
            category = unicodedata.category(ch)
            if count >= _LONG_RUN and category not in _JOINERS and not after_joiner:
                out.append("\u200b")
                count = 0
            out.append(ch)
            after_joiner = category == "Cf"
            count += 1
        return "".join(out)

    return _RUN.sub(split, text)


def typst_string(text: str) -> str:
    """`text` as a Typst string literal; shown in markup with `#`, every character is literal."""
    body = "".join(_TYPST_STR.get(ch, ch) for ch in _breakable(clean(text)))
    return f'"{body}"'


def typst_value(value: Any) -> str:
    """Any template value as Typst code: strings become string literals, never markup."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list | tuple):
        return "(" + "".join(typst_value(v) + ", " for v in value) + ")"
    return typst_string(str(value))
