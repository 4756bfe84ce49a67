"""Golden files: the example answers rendered in every format, language and audience.

A change to a template or the view shows up here as a readable diff. After an
intended change, regenerate with `UPDATE_GOLDEN=1 pytest tests/sheet/test_golden.py`
and read the diff before committing. The PDF is compared by its extracted text
(bytes change with every Typst release), with whitespace and line-end hyphens
ignored, so only a change in what the page says fails the test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mixerpult.answers import Session
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import example, pack, pdf_text, squeezed

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"
CASES = [(lang, audience) for lang in ("da", "en") for audience in ("jobcenter", "arbejdsgiver")]


def _check(path: Path, actual: str, same: bool | None = None) -> None:
    if UPDATE or not path.exists():
        path.write_text(actual, encoding="utf-8")
        if not UPDATE:
            pytest.fail(f"{path.name} did not exist and was written: check it and run again")
        return
    expected = path.read_text(encoding="utf-8")
    if same is None:
        assert actual == expected, f"{path.name} differs (UPDATE_GOLDEN=1 regenerates)"
    else:
        assert same, f"{path.name} differs in text (UPDATE_GOLDEN=1 regenerates)"


@pytest.mark.parametrize(("lang", "audience"), CASES)
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_text_formats_match_golden(fmt: str, lang: str, audience: str) -> None:
    view = build_view(example(), pack(), lang, audience)
    _check(GOLDEN / f"{lang}-{audience}.{fmt}", render_text(view, fmt))


@pytest.mark.parametrize(("lang", "audience"), CASES)
def test_pdf_text_matches_golden(lang: str, audience: str) -> None:
    view = build_view(example(), pack(), lang, audience)
    actual = pdf_text(render_pdf(view))
    path = GOLDEN / f"{lang}-{audience}.pdf.txt"
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    _check(path, actual, same=squeezed(actual) == squeezed(expected))


def _levelled() -> Session:
    """The example with an item at each level: an answer about health shared with
    everyone, a wish and a note only for the municipality, a note only for me."""
    session = example()
    session.set_level("situation_nu", "everyone")
    session.set_level("oenske", "municipality")
    session.set_note_level("opgaver", "municipality")
    session.set_note_level("timer", "me")
    return session


@pytest.mark.parametrize("audience", ["jobcenter", "arbejdsgiver"])
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_each_sharing_level_matches_golden(fmt: str, audience: str) -> None:
    view = build_view(_levelled(), pack(), "da", audience)
    _check(GOLDEN / f"da-levels-{audience}.{fmt}", render_text(view, fmt))
