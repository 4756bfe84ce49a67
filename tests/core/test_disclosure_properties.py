"""Properties of the presentation layer over generated packs and sessions.

For every viewer: each answer and note reaches exactly the viewers its sharing level
names; what the overview shows is exactly what the disclosure allows; a
withheld answer never shows through anything (changing it changes nothing the
viewer sees, the tools and their reasons included); every sheet format shows the
answers the overview shows and no others; the shared screens show what the
matching sheets show; and the preview of each audience's sheet lists exactly what
that sheet prints.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mixerpult.answers import LEVELS, FaderSetting, Level, Session
from mixerpult.checker import schema
from mixerpult.present.disclosure import disclose
from mixerpult.present.overview import Overview, build_overview
from mixerpult.present.preview import build_preview
from mixerpult.present.viewers import AUDIENCES, Viewer, audience_of, sheet_viewer
from mixerpult.present.visibility import visible
from mixerpult.questionnaire import HEAD_ROLES, SHEET_PLACES, Questionnaire
from mixerpult.sheet.render import render_text
from mixerpult.sheet.view import build_view

PACK_FILE = Path(__file__).resolve().parents[1] / "tui" / "packs" / "disclosure.yaml"
BASE: dict[str, Any] = yaml.safe_load(PACK_FILE.read_text(encoding="utf-8"))
CHOICES = ("ja", "nej")


def marker(ident: str, kind: str = "ANS") -> str:
    """A word that survives every format's escaping (letters only) and names its source."""
    return kind + ident.replace("_", "") + "X"


def conditions(earlier: list[dict[str, Any]]) -> st.SearchStrategy[dict[str, Any]]:
    def compare(q: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
        answered = st.booleans().map(lambda b: {"answer": q["id"], "answered": b})
        if q["type"] == "choice":
            return answered | st.sampled_from(CHOICES).map(
                lambda v: {"answer": q["id"], "equals": v}
            )
        return answered

    leaf = st.sampled_from(earlier).flatmap(compare)
    return st.recursive(
        leaf,
        lambda inner: (
            st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"any": cs})
            | st.lists(inner, min_size=1, max_size=3).map(lambda cs: {"all": cs})
            | inner.map(lambda c: {"not": c})
        ),
        max_leaves=4,
    )


@st.composite
def packs(draw: st.DrawFn) -> Questionnaire:
    data = copy.deepcopy(BASE)
    questions = [q for step in data["steps"] for q in step["questions"]]
    for step in data["steps"]:
        step["sheet"] = draw(st.sampled_from(SHEET_PLACES))
    for i, q in enumerate(questions):
        q["health"] = draw(st.booleans())
        q.pop("visible_if", None)
        if i and draw(st.booleans()):
            q["visible_if"] = draw(conditions(questions[:i]))
    for channel in data["mixerpult"]["channels"]:
        channel["health"] = draw(st.booleans())
    return schema().validate_python(data)


@st.composite
def sessions(draw: st.DrawFn, pack: Questionnaire) -> Session:
    session = Session.new(pack, "en")
    for q in pack.questions.values():
        if not draw(st.booleans()):
            continue
        # Every free answer is a marker that can be searched for on every view.
        value = draw(st.sampled_from(CHOICES)) if q.type == "choice" else marker(q.id)
        session.set_answer(q.id, value)
        session.set_level(q.id, draw(st.sampled_from((None, *LEVELS))))
    for cid in pack.channels:
        position = draw(st.none() | st.integers(1, 5))
        note = marker(cid, "NOTE") if draw(st.booleans()) else ""
        session.faders = {**session.faders, cid: FaderSetting(position=position, note=note)}
        session.set_note_level(cid, draw(st.sampled_from((None, *LEVELS))))
    return session


REACHES: dict[Level, set[Viewer]] = {
    "everyone": set(Viewer),
    "municipality": {Viewer.ALONE, Viewer.CASEWORKER, Viewer.MUNICIPALITY_SHEET},
    "me": {Viewer.ALONE},
}
"""Who sees what is shared at each level: the promise, written out once more by hand."""


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_each_level_reaches_exactly_its_viewers(data: st.DataObject) -> None:
    pack = data.draw(packs())
    session = data.draw(sessions(pack))
    for viewer in Viewer:
        disclosure = disclose(pack, session, viewer)
        alone = disclose(pack, session, Viewer.ALONE)
        for q in pack.questions.values():
            if alone.state(q.id) == "absent" or disclosure.state(q.id) == "absent":
                continue  # not shown at all, or shown only because of a withheld answer
            only_for_you = pack.step_of[q.id].sheet == "none" and q.role not in HEAD_ROLES
            # Not chosen: an answer about health is "only the municipality".
            level = session.chosen_level(q.id) or ("municipality" if q.health else "everyone")
            expected = viewer in REACHES[level] and not (
                only_for_you and viewer is not Viewer.ALONE
            )
            assert disclosure.shows(q.id) == expected, (viewer, q.id, level)
        for cid in disclosure.channels:
            channel = pack.channels[cid]
            level = session.chosen_note_level(cid) or (
                "municipality" if channel.health else "everyone"
            )
            assert (cid in disclosure.notes) == (channel.note and viewer in REACHES[level])


def seen(overview: Overview) -> tuple[Any, ...]:
    """Everything a viewer sees, as plain data."""
    answers = tuple((i.id, i.state, i.words, i.items) for i in overview.answers)
    console = overview.console
    channels = tuple((c.id, c.level, c.note) for c in console.items) if console else ()
    tools = tuple((t.id, t.reasons) for t in overview.suggested)
    return answers, channels, tools


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_withheld_answer_shows_through_nothing(data: st.DataObject) -> None:
    pack = data.draw(packs())
    session = data.draw(sessions(pack))
    for viewer in Viewer:
        disclosure = disclose(pack, session, viewer)
        overview = build_overview(pack, session, viewer, "en")
        # The overview shows exactly what the disclosure allows, hidden ones without words.
        assert [i.id for i in overview.answers] == [
            q for q, state in disclosure.states.items() if state != "absent"
        ]
        assert all(not i.words and not i.items for i in overview.answers if i.hidden)
        # Only visible questions are ever shown.
        assert {i.id for i in overview.answers} <= visible(pack, session)
        # Change every answer the viewer may not see: nothing they see changes.
        other = copy.deepcopy(session)
        for qid, state in disclosure.states.items():
            if state != "shown" and pack.questions[qid].type != "choice":
                other.set_answer(qid, None if other.answer(qid) else f"OTHER-{qid}")
            elif state != "shown":
                flipped = {"ja": "nej", "nej": None, None: "ja"}[other.answer(qid)]  # type: ignore[index]
                other.set_answer(qid, flipped)
        for cid in pack.channels:
            if cid not in disclosure.channels:
                other.set_fader(cid, position=3, note="OTHER")
        assert seen(build_overview(pack, other, viewer, "en")) == seen(overview), viewer


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_every_sheet_format_and_screen_show_the_same_answers(data: st.DataObject) -> None:
    pack = data.draw(packs())
    session = data.draw(sessions(pack))
    markers = {q: marker(q) for q in pack.questions}
    for viewer in (Viewer.MUNICIPALITY_SHEET, Viewer.EMPLOYER_SHEET):
        overview = build_overview(pack, session, viewer, "en")
        shown = {i.id for i in overview.answers if not i.hidden and i.answered}
        view = build_view(session, pack, "en", audience_of(viewer))
        for fmt in ("md", "txt", "html", "pdf"):
            text = render_text(view, fmt)
            for qid, word in markers.items():
                if pack.questions[qid].type == "choice":
                    continue
                assert (word in text) == (qid in shown), (viewer, fmt, qid)
            for cid in pack.channels:
                note = marker(cid, "NOTE")
                console = overview.console
                noted = console is not None and any(c.note == note for c in console.items)
                assert (note in text) == noted, (viewer, fmt, cid)
        # The screen shared with the person the sheet is for shows the same answers.
        screen = Viewer.EMPLOYER if viewer.withholds_health else Viewer.CASEWORKER
        assert seen(build_overview(pack, session, screen, "en")) == seen(overview)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_the_preview_lists_exactly_what_each_sheet_prints(data: st.DataObject) -> None:
    pack = data.draw(packs())
    session = data.draw(sessions(pack))
    for audience in AUDIENCES:
        preview = build_preview(pack, session, audience, "en")
        text = render_text(build_view(session, pack, "en", audience), "txt")
        free = [q for q in pack.questions.values() if q.type != "choice"]
        printed = {q.id for q in free if marker(q.id) in text}
        assert {q for q in preview.answer_ids() if pack.questions[q].type != "choice"} == printed
        noted = {cid for cid in pack.channels if marker(cid, "NOTE") in text}
        assert preview.note_ids() == noted, audience
        # What is listed as left out is on the sheet neither, and has a level that
        # keeps it off: changing that level is what would bring it.
        viewer = sheet_viewer(audience)
        for left in preview.left_out:
            assert left.id not in preview.answer_ids()
            assert not viewer.sees(left.level)
            if pack.questions[left.id].type != "choice":
                assert marker(left.id) not in text
