"""The conversation itself on the sheet: the practical head, the mulighedserklæring's
part 1 (goldens in every format, one A4 page), the next follow-up and the channels
left open after the meeting."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest

from mixerpult.answers import NextStep
from mixerpult.sheet.formats import STATEMENT
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import example, pack, pdf_text, squeezed
from .test_golden import GOLDEN, _check


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_statement_matches_golden(fmt: str, lang: str) -> None:
    view = build_view(example(), pack(), lang, sheet=STATEMENT)
    _check(GOLDEN / f"{lang}-mulighedserklaering.{fmt}", render_text(view, fmt))


@pytest.mark.parametrize("lang", ["da", "en"])
def test_statement_pdf_is_one_page_and_matches_golden(lang: str) -> None:
    import pypdf

    data = render_pdf(build_view(example(), pack(), lang, sheet=STATEMENT))
    assert len(pypdf.PdfReader(io.BytesIO(data)).pages) == 1
    actual = pdf_text(data)
    path = GOLDEN / f"{lang}-mulighedserklaering.pdf.txt"
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    _check(path, actual, same=squeezed(actual) == squeezed(expected))


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "pdf"])
def test_statement_leaves_out_health_and_says_part_2_is_the_doctors(fmt: str) -> None:
    session = example()
    view = build_view(session, pack(), "da", "jobcenter", sheet=STATEMENT)
    text = pdf_text(render_pdf(view)) if fmt == "pdf" else render_text(view, fmt)
    flat = squeezed(text)
    assert squeezed("Del 2 udfylder lægen") in flat
    assert "udkast" in flat
    # `behandling` and the insurance's help are about health: never on this sheet.
    assert squeezed("hver anden tirsdag") not in flat
    assert "psykolog" not in flat
    assert "Pædagog" in flat


def test_statement_leaves_room_for_an_unanswered_part() -> None:
    session = example()
    session.set_answer("varighed", None)
    view = build_view(session, pack(), "da", sheet=STATEMENT)
    assert view.statement is not None and not view.statement.duration.answered
    assert "Udfyldes sammen" in render_text(view, "txt").split("vare")[-1]


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "pdf"])
def test_practical_answers_in_the_head_and_a_private_one_withheld(fmt: str) -> None:
    session = example()
    session.set_answer("tolk", "arabisk")
    session.set_private("naermeste_leder", True)
    view = build_view(session, pack(), "da")
    raw = pdf_text(render_pdf(view)) if fmt == "pdf" else render_text(view, fmt)
    # Read as a person does: without the Markdown stars and the HTML tags.
    text = squeezed(re.sub(r"<[^>]+>|\*", "", raw))
    assert squeezed("Tolk: arabisk") in text
    assert squeezed("Bisidder med til samtalen: Ja") in text
    assert "Hanne Madsen" not in text


def _after_meeting() -> tuple[object, ...]:
    session = example()
    session.agreements.next_steps = [
        NextStep(
            what="Plan for timerne", who="Mette og Hanne", by=dt.date(2026, 12, 17), channel="timer"
        ),
        NextStep(what="Aftale om opgaver", by=dt.date(2026, 12, 10), channel="opgaver"),
    ]
    return (session,)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "pdf"])
def test_after_the_meeting_follow_up_on_top_and_open_channels_marked(fmt: str) -> None:
    (session,) = _after_meeting()
    view = build_view(session, pack(), "da")  # type: ignore[arg-type]
    assert view.follow_up is not None and view.follow_up.when == "10. december 2026"
    assert view.console is not None
    # Ansvar (1), forudsigelighed (2) and arbejdsintensitet (2) need easing, no step is
    # about them; timer and opgaver have one; fysiske rammer (3) is at the middle.
    assert [c.id for c in view.console.unagreed] == [
        "ansvar",
        "forudsigelighed",
        "arbejdsintensitet",
    ]
    text = squeezed(pdf_text(render_pdf(view)) if fmt == "pdf" else render_text(view, fmt))
    top = text.split(squeezed("Kort fortalt"))[0]
    assert squeezed("Næste opfølgning: 10. december 2026") in top
    assert squeezed("Skånebehov, der endnu ikke er aftalt noget om") in text


def test_own_follow_up_question_wins_and_nothing_is_marked_before_the_meeting() -> None:
    session = example()
    view = build_view(session, pack(), "da")
    assert view.follow_up is None
    assert view.console is not None and not view.console.unagreed
    session.set_answer("naeste_opfoelgning", dt.date(2027, 1, 7))
    (with_steps,) = _after_meeting()
    with_steps.set_answer("naeste_opfoelgning", dt.date(2027, 1, 7))  # type: ignore[attr-defined]
    view = build_view(with_steps, pack(), "en")  # type: ignore[arg-type]
    assert view.follow_up is not None and view.follow_up.what == ""
    assert "2027" in view.follow_up.when


def test_render_command_makes_the_statement(tmp_path: Path) -> None:
    from mixerpult.cli import main

    from .helpers import EXAMPLE

    out = tmp_path / "out"
    assert (
        main(["render", str(EXAMPLE), "--sheet", "mulighedserklaering", "-f", "md", "-o", str(out)])
        == 0
    )
    written = out / "mulighedserklaering-del-1.md"
    assert "Mulighedserklæring, del 1" in written.read_text(encoding="utf-8")
