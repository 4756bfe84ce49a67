"""Hostile text in every free-text field and note: shown, stored and printed literally.

Protects the wizard's fields (text and long-text answers, fader notes, the
agreements' notes and next steps), the review that shows them, the answers
file, and every sheet format against text that looks like Textual markup,
Typst, HTML, Jinja or a terminal escape, and against text that is merely large.
What is checked, from the user's side: nothing crashes or quits, the stored
answer is the very string typed or pasted, the screen shows every printable
character literally and control characters as visible symbols (␛, ␀:
`tui.format.shown`), and each sheet shows the text with control characters
dropped (`sheet.escape.clean`). Hypothesis runs over the sheet's escaping are
in tests/sheet/test_properties.py; here is the fixed corpus of issue 6.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import pytest
from tests.sheet.helpers import html_text, markdown_text, pdf_text, spaced, squeezed
from tests.tui.conftest import AppFactory
from tests.tui.helpers import review_text
from textual.app import App, ComposeResult

from mixerpult import store
from mixerpult.answers import NextStep, Session
from mixerpult.questionnaire import Questionnaire, TextQuestion
from mixerpult.sheet.escape import clean
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view
from mixerpult.tui.format import pictured, shown
from mixerpult.tui.widgets.text_fields import TextInput

from .corpus import CONTROLS, HOSTILE, PRINTABLE, big_text, many_lines
from .wizard import open_field, paste, type_keys

TYPED = "[/] [b]x [@click=app.quit] {{ 7*7 }} $x$ \\"
"""Typed key by key: the markup and template look-alikes most likely to be taken for code."""

PASTED = " ".join(HOSTILE.values())
"""Everything, control characters, joiners and overrides too: what a paste brings."""

FIELDS = {
    "text answer": ("om_dig", "answer-fornavn"),
    "long answer": ("refleksion", "answer-opgaver_kan"),
    "fader note": ("mixerpult", "note-ansvar"),
    "agreements notes": ("agreements", "agreements-notes"),
    "next step what": ("agreements", "step-what"),
    "next step who": ("agreements", "step-who"),
    "next step by": ("agreements", "step-by"),
}


def _stored(session: Session, widget_id: str) -> object:
    """What the session holds for the field `widget_id` (the last row's, for a next step)."""
    if widget_id.startswith("answer-"):
        return session.answers.get(widget_id.removeprefix("answer-"))
    if widget_id.startswith("note-"):
        return session.fader(widget_id.removeprefix("note-")).note
    if widget_id == "agreements-notes":
        return session.agreements.notes
    return getattr(session.agreements.next_steps[-1], widget_id.removeprefix("step-"))


@pytest.mark.parametrize(
    "field", ["text answer", "long answer", "fader note", "agreements notes", "next step what"]
)
async def test_hostile_text_typed_and_pasted_is_kept_and_shown_literally(
    field: str, make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app(save_delay=5)  # the quit at the end saves
    async with app.run_test(size=(120, 50)) as pilot:
        widget = await open_field(app, pilot, *FIELDS[field])
        await type_keys(app, pilot, TYPED)
        paste(widget, PASTED)
        await pilot.pause()
        assert app.is_running, "[@click=app.quit] is text, not an action"
        assert _stored(app.s, FIELDS[field][1]) == TYPED + PASTED
        review = await review_text(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_code == 0
    assert _stored(store.load(answers_path), FIELDS[field][1]) == TYPED + PASTED
    for text in [TYPED, *PRINTABLE]:
        assert text in review


async def test_every_free_text_field_and_note_keeps_its_hostile_text(
    make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    session = Session.new(shipped_pack)
    for qid in ("har_fastholdelsesplan", "sundhedsforsikring"):  # shows the conditional ones
        session.set_answer(qid, "ja")
    store.save(answers_path, session)
    texts = list(HOSTILE.values())
    fields = [
        (page.id, f"answer-{q.id}")
        for page in shipped_pack.steps
        for q in page.questions
        if isinstance(q, TextQuestion)
    ]
    fields += [("mixerpult", f"note-{channel}") for channel in shipped_pack.channels]
    fields += [FIELDS[name] for name in sorted(FIELDS) if FIELDS[name][0] == "agreements"]
    expected: dict[str, str] = {}
    app = make_app(save_delay=5)
    async with app.run_test(size=(120, 50)) as pilot:
        for i, (page, widget_id) in enumerate(fields):
            expected[widget_id] = texts[i % len(texts)]
            paste(await open_field(app, pilot, page, widget_id), expected[widget_id])
            await pilot.pause()  # the paste lands before the next page takes the focus
        review = await review_text(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
    saved = store.load(answers_path)
    assert {key: _stored(saved, key) for key in expected} == expected
    for widget_id, text in expected.items():
        assert shown(text) in review, widget_id


@pytest.mark.parametrize(
    "field",
    [
        "text answer",
        "long answer",
        "fader note",
        "agreements notes",
        "next step what",
    ],
)
async def test_control_characters_are_shown_as_symbols(field: str, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        widget = await open_field(app, pilot, *FIELDS[field])
        paste(widget, PASTED)
        await pilot.pause()
        assert _stored(app.s, FIELDS[field][1]) == PASTED
        review = await review_text(app, pilot)
    assert not CONTROLS & set(review), "no control character reaches the terminal"
    assert shown(PASTED) in review, "printable text literal, controls as symbols"
    assert "␛[2J" in review and "␀" in review


@pytest.mark.parametrize("text", [big_text(), many_lines()], ids=["100 KB", "10,000 lines"])
async def test_a_huge_paste_is_kept_whole(
    text: str, make_app: AppFactory, answers_path: Path
) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        area = await open_field(app, pilot, *FIELDS["long answer"])
        paste(area, text)
        await pilot.pause()
        await pilot.press(*"[/]")
        assert app.is_running
        assert app.s.answers["opgaver_kan"] == text + "[/]"
        assert shown(text)[-100:] in await review_text(app, pilot)
    assert store.load(answers_path).answers["opgaver_kan"] == text + "[/]"


@pytest.mark.parametrize(
    "field", ["text answer", "long answer", "fader note", "agreements notes", "next step what"]
)
async def test_no_control_character_is_drawn_by_an_input(field: str, make_app: AppFactory) -> None:
    app = make_app()
    async with app.run_test(size=(120, 50)) as pilot:
        widget = await open_field(app, pilot, *FIELDS[field])
        paste(widget, HOSTILE["ansi_clear"] + HOSTILE["nul"])
        await pilot.pause()
        drawn = "".join(
            segment.text for y in range(widget.size.height) for segment in widget.render_line(y)
        )
        assert "før" in drawn
        assert not CONTROLS & set(drawn)


# -- the sheet -----------------------------------------------------------------------


def _hostile_session(pack: Questionnaire, texts: list[str]) -> Session:
    """A session with the texts spread over every free-text place, each in several."""
    session = Session.new(pack)
    places = [q.id for q in pack.questions.values() if isinstance(q, TextQuestion)]
    session.set_answer("sygemeldt_grad", "delvis")
    session.set_answer("har_fastholdelsesplan", "ja")
    session.set_answer("sundhedsforsikring", "ja")
    for i, qid in enumerate(places):
        session.set_answer(qid, texts[i % len(texts)])
    for i, channel in enumerate(pack.channels):
        session.set_fader(channel, position=1 + i % 5, note=texts[(i + 3) % len(texts)])
    session.agreements.notes = "\n".join(texts)
    session.agreements.next_steps = [
        NextStep(what=text, who=texts[-1 - i], by=text) for i, text in enumerate(texts)
    ]
    return session


def _readable(text: str) -> str:
    return spaced(clean(text))


DRAWN = [v for k, v in HOSTILE.items() if k not in ("zwj_emoji", "rtl_override")]
"""The PDF's fonts have no emoji, and pypdf reads a right-to-left override out of order."""


def test_every_hostile_text_reads_back_literally_in_every_format(
    shipped_pack: Questionnaire,
) -> None:
    texts = list(HOSTILE.values())
    session = _hostile_session(shipped_pack, texts)
    view = build_view(session, shipped_pack, "da")
    shown_by_format = {
        "md": spaced(markdown_text(render_text(view, "md"))),
        "html": spaced(html_text(render_text(view, "html"))),
        "txt": spaced(render_text(view, "txt")),
    }
    for fmt, shown_text in shown_by_format.items():
        for name, text in HOSTILE.items():
            assert _readable(text) in shown_text, (fmt, name)
        assert not CONTROLS & set(shown_text), f"{fmt}: control characters are dropped"
    assert "<script>" not in render_text(view, "html")

    pdf = render_pdf(view)
    read_back = squeezed(pdf_text(pdf, footers=False))
    for text in DRAWN:
        assert squeezed(clean(text)) in read_back, text
    from pypdf import PdfReader

    widths = {round(float(page.mediabox.width)) for page in PdfReader(io.BytesIO(pdf)).pages}
    assert widths == {595}, "#set page(width: 1cm) stayed text: every page is A4"


def test_a_huge_text_renders_in_every_format(shipped_pack: Questionnaire) -> None:
    # 100 KB in one answer is in tests/sheet/test_properties.py; here 10,000 lines.
    lines = many_lines()
    session = _hostile_session(shipped_pack, ["kort"])
    session.set_fader("timer", note=lines)
    view = build_view(session, shipped_pack, "da")
    for fmt in ("md", "html", "txt"):
        out = render_text(view, fmt)
        text = spaced(
            markdown_text(out) if fmt == "md" else html_text(out) if fmt == "html" else out
        )
        # Under the console in full, and its start in the brief (the timer is among
        # the channels that need the most easing).
        assert text.count("linje 0 [/] {{ 0 }} linje 1 [/]") == 2, fmt
        assert text.count("linje 9999 [/] {{ 9999 }}") == 1, fmt
    assert squeezed("linje 9999 [/] {{ 9999 }}") in squeezed(pdf_text(render_pdf(view)))


def test_the_screen_and_the_sheet_treat_control_characters_alike() -> None:
    # The same line breaks on screen and on paper; any other control character is one
    # visible symbol on screen and nothing on paper; every other character is the same.
    text = "a\r\nb\rc\x0bd\u2028e\tf " + "".join(sorted(CONTROLS)) + " ".join(PRINTABLE)
    on_screen, on_paper = shown(text), clean(text)
    assert on_screen.split("\n")[:4] == on_paper.split("\n")[:4] == ["a", "b", "c", "d"]
    assert all(c in "\n\t" or unicodedata.category(c) != "Cc" for c in on_screen)
    symbols = {shown(c) for c in CONTROLS}
    assert len(symbols) == len(CONTROLS) and all(len(c) == 1 for c in symbols)
    assert "".join(c for c in on_screen if c not in symbols) == on_paper
    assert len(on_screen) == len(on_paper) + len(CONTROLS)


class _OneField(App[None]):
    CSS = "TextInput { width: 20; }"

    def compose(self) -> ComposeResult:
        yield TextInput("\x1b" * 30 + "abc", compact=True)


async def test_a_field_full_of_control_characters_scrolls_to_its_cursor() -> None:
    app = _OneField()
    async with app.run_test(size=(40, 5)) as pilot:
        field = app.query_one(TextInput)
        field.focus()
        field.action_home()
        await pilot.pause()
        field.action_end()
        await pilot.pause()
        drawn = "".join(segment.text for segment in field.render_line(0))
        assert "␛abc" in drawn, "the end of the text is in view, where the cursor is"
        field.value = "abc" + "\x1b" * 30 + "xyz"
        field.action_home()
        await pilot.pause()
        await pilot.click(field, offset=(5, 0))
        assert field.cursor_position == 5, "a click lands on the symbol it points at"


def test_a_field_being_edited_shows_each_control_character_as_one_symbol() -> None:
    # The field's cursor counts characters: one drawn for one typed, line breaks kept.
    text = "a\r\nb" + "".join(sorted(CONTROLS)) + " ".join(PRINTABLE)
    drawn = pictured(text)
    assert len(drawn) == len(text)
    assert drawn.split("\n")[0] == "a␍"
    assert not CONTROLS & set(drawn)
