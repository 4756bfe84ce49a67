"""Shared helpers of the sheet tests: the example session, the packs, and reading outputs back.

Each format is read back the way a person would see it (Markdown rendered by a
CommonMark parser, HTML parsed, PDF text extracted), so "appears literally"
means what the reader sees, not what the file contains.
"""

from __future__ import annotations

import io
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from mixerpult import store
from mixerpult.answers import AnswerValue, Session
from mixerpult.packs import load_pack
from mixerpult.questionnaire import Questionnaire

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "answers.da.yaml"
SHIPPED_PACK = ROOT / "questions" / "sygeopfoelgning.yaml"
SMALL_PACK = Path(__file__).resolve().parent / "packs" / "small.yaml"

_PACKS: dict[Path, Questionnaire] = {}


def pack(path: Path = SHIPPED_PACK) -> Questionnaire:
    """A pack, loaded once per test run (packs are frozen, so sharing is safe)."""
    if path not in _PACKS:
        _PACKS[path] = load_pack(path)
    return _PACKS[path]


def example() -> Session:
    """A fresh copy of the example session (tests change it freely)."""
    return store.load(EXAMPLE)


def small_session() -> Session:
    """A session of the small pack, answered in full, nothing private."""
    import datetime as dt

    session = Session.new(pack(SMALL_PACK))
    answers: dict[str, AnswerValue] = {
        "navn": "Kim",
        "dato": dt.date(2026, 12, 3),
        "timer": 37,
        "nu_tekst": "Jeg er træt om eftermiddagen.",
        "plan": "ja",
        "plan_tekst": "Vi har en plan om korte dage.",
        "hjaelp": ["familie", "venner"],
        "forsikring": True,
        "forsikring_hvad": "Samtaler med en psykolog.",
        "behandling": "Fysioterapi om tirsdagen.",
        "delvis": 7.5,
        "spoergsmaal": "Hvem taler med min leder?",
    }
    for qid, value in answers.items():
        session.set_answer(qid, value)
    session.set_fader("tid", position=2, note="Korte dage i starten.")
    session.set_fader("krop", position=1, note="Ingen tunge løft.")
    return session


# -- reading outputs back ----------------------------------------------------------------


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.tags: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in ("style", "script"):
            self._skip += 1
        if tag in ("p", "li", "h1", "h2", "h3", "div", "br", "td", "th", "span"):
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script"):
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(document: str) -> str:
    """The visible text of an HTML document (a soft hyphen shows only at a line's end)."""
    parser = _Text()
    parser.feed(document)
    parser.close()
    return "".join(parser.parts).replace("\u00ad", "")


def html_tags(document: str) -> list[str]:
    parser = _Text()
    parser.feed(document)
    parser.close()
    return parser.tags


def markdown_text(document: str) -> str:
    """What a CommonMark reader shows for a Markdown document (tables and strikethrough on)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return html_text(md.render(document))  # html_text decodes character references once


def pdf_text(data: bytes, footers: bool = True) -> str:
    """The text of every page of a PDF, as pypdf extracts it (without page footers if asked)."""
    from pypdf import PdfReader

    pages = [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]
    if not footers:
        # The footer ("… Side 2 af 5") is the last line of each page; an answer that runs
        # over a page break would otherwise have it in the middle.
        pages = [_FOOTER.sub("", page) for page in pages]
    return "\n".join(pages)


_FOOTER = re.compile(r"\n[^\n]*(Side|Page) \d+ (af|of) \d+\s*$")


def spaced(text: str) -> str:
    """Runs of whitespace as one space: line wrapping and indentation do not count."""
    return " ".join(text.split())


_NOT_IN_PDF_COMPARISON = re.compile(r"[\s\-\u00ad\u2010\u2011\u200b]")


def squeezed(text: str) -> str:
    """For PDF text: no whitespace, no hyphens (line-end hyphenation), compatibility-normalised."""
    return _NOT_IN_PDF_COMPARISON.sub("", unicodedata.normalize("NFKC", text))


def page_fill(data: bytes, bottom_margin: float) -> list[float]:
    """How far down each page of a PDF its text reaches, 0 (empty) to 1 (to the bottom
    margin), not counting the page footer (text inside the bottom margin)."""
    from pypdf import PdfReader

    fills = []
    for page in PdfReader(io.BytesIO(data)).pages:
        top = float(page.mediabox.top)
        ys: list[float] = []

        def visit(
            text: str, cm: list[float], tm: list[float], *_: object, ys: list[float] = ys
        ) -> None:
            if text.strip():
                ys.append(tm[5] * cm[3] + cm[5])  # the text's baseline on the page

        page.extract_text(visitor_text=visit)
        content = [y for y in ys if y > bottom_margin]
        lowest = min(content, default=top)
        fills.append((top - lowest) / (top - bottom_margin))
    return fills
