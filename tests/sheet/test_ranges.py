"""Good days and bad days on the sheet: the band in PDF and HTML, both ends in words in
Markdown and text, golden files in both languages, and a sheet without ranges as before."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mixerpult.answers import Session
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import SMALL_PACK, html_text, pack, pdf_text, small_session, squeezed

RANGES_PACK = Path(__file__).resolve().parent / "packs" / "ranges.yaml"
GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def ranged_session() -> Session:
    """The small session on the pack with ranges: one channel with a bad day of its own
    (2 of 5 on a good day, 1 on a bad), one alike on both days, one not set."""
    session = small_session()
    session.questionnaire.id = "lille_dage"
    session.set_fader("tid", position=4, bad_day=2)
    return session


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


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_text_formats_with_ranges_match_golden(fmt: str, lang: str) -> None:
    view = build_view(ranged_session(), pack(RANGES_PACK), lang)
    _check(GOLDEN / f"ranges-{lang}.{fmt}", render_text(view, fmt))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_pdf_with_ranges_matches_golden(lang: str) -> None:
    view = build_view(ranged_session(), pack(RANGES_PACK), lang)
    actual = pdf_text(render_pdf(view))
    path = GOLDEN / f"ranges-{lang}.pdf.txt"
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    _check(path, actual, same=squeezed(actual) == squeezed(expected))


def test_both_ends_are_written_and_the_band_drawn() -> None:
    view = build_view(ranged_session(), pack(RANGES_PACK), "da")
    both = "God dag: Næsten alm. vilkår, dårlig dag: Skånebehov"
    md, txt = render_text(view, "md"), render_text(view, "txt")
    assert "○●━●○" in md and "○●━●○" in txt
    assert both in md and both in txt
    html = render_text(view, "html")
    assert html.count('class="band"') == 1 and html.count('class="knob bad"') == 1
    assert "(4, 2/5)" in html_text(html)
    typst = render_text(view, "pdf")
    assert typst.count("bad: 0.25") == 1
    assert squeezed(both) in squeezed(pdf_text(render_pdf(view)))


def test_a_bad_day_is_not_drawn_where_the_pack_has_no_ranges() -> None:
    session = small_session()
    session.set_fader("tid", position=4, bad_day=2)
    view = build_view(session, pack(SMALL_PACK), "da")
    html = render_text(view, "html")
    assert 'class="band"' not in html and ".band" not in html
    assert "dårlig dag" not in render_text(view, "md")
