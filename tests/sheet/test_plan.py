"""The return plan on the sheet: a table in every format, its first row in the brief,
withheld like any answer, and user text in its cells kept literal."""

from __future__ import annotations

import pytest

from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import example, pack, pdf_text, squeezed

PLAN = "tilbage_plan"


def test_the_first_row_is_in_the_brief_and_the_rows_in_a_table() -> None:
    view = build_view(example(), pack(), "da", "jobcenter")
    assert view.brief is not None
    assert view.brief.plan_start.startswith("Fra uge 1: 12 timer om ugen; man, ons, tor, fre")
    (plan,) = [q for s in view.sections for q in s.questions if q.id == PLAN]
    assert plan.columns == ["Fra", "Timer om ugen", "Dage", "Det, der lettes"]
    assert plan.table[2] == ["Uge 8", "37", "", ""]
    assert not plan.short


def test_a_private_plan_is_on_no_sheet_and_not_in_the_brief() -> None:
    session = example()
    session.set_private(PLAN, True)
    for audience in ("jobcenter", "arbejdsgiver"):
        view = build_view(session, pack(), "da", audience)
        assert view.brief is None or not view.brief.plan_start
        for fmt in ("md", "html", "txt"):
            text = render_text(view, fmt)
            assert "forældresamtaler med en kollega" not in text, (audience, fmt)


@pytest.mark.parametrize("fmt", ["md", "html", "txt", "pdf"])
def test_cells_are_user_text_in_every_format(fmt: str) -> None:
    session = example()
    hostile = 'a | b *c* <b>d</b> "] #set page(width: 1cm) \\ [/] {{ x }}'
    session.set_answer(PLAN, [{"from": 1, "hours": 10, "days": "ma\nti", "eased": hostile}])
    view = build_view(session, pack(), "da", "jobcenter")
    if fmt == "pdf":
        assert squeezed(hostile) in squeezed(pdf_text(render_pdf(view)))
        return
    text = render_text(view, fmt)
    if fmt == "md":
        assert r"a \| b \*c\* \<b\>d\</b\>" in text
        assert "| Uge 1 | 10 | ma ti |" in text, "a line break does not break the table"
    elif fmt == "html":
        assert "&lt;b&gt;d&lt;/b&gt;" in text and "<b>d</b>" not in text
    else:
        assert squeezed(hostile) in squeezed(text)


def test_a_next_step_points_to_a_plan_row_only_where_the_plan_is_seen() -> None:
    from mixerpult.answers import NextStep

    session = example()
    session.agreements.next_steps = [NextStep(what="Tale med lederen", plan_row=2)]
    text = render_text(build_view(session, pack(), "da", "jobcenter"), "md")
    assert "Tale med lederen (række 2 i planen, uge 4)" in text
    session.set_private(PLAN, True)
    text = render_text(build_view(session, pack(), "da", "jobcenter"), "md")
    assert "Tale med lederen" in text and "række 2" not in text
