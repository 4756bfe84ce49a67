"""What one audience's sheet holds, as a list the wizard can draw before the sheet is made.

Built from the same overview as the sheet (`build_overview` for the sheet's viewer), so
the preview cannot promise one thing and the sheet print another: every answer the
sheet prints, every note, every suggested tool and agreement, in the sheet's words.
It also names, by their questions only, the answers the employee gave that this
version leaves out, so that a level can be changed where the difference is seen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mixerpult.answers import Level, Session
from mixerpult.i18n import t
from mixerpult.present.disclosure import disclose, sharing_level
from mixerpult.present.overview import Overview, StepSection, build_overview
from mixerpult.present.viewers import Viewer, sheet_viewer
from mixerpult.questionnaire import Questionnaire, tr

Kind = Literal["answer", "note", "fader", "tool", "agreement"]


@dataclass(frozen=True)
class PreviewItem:
    """One thing on the sheet: its heading, its words, and its level if it has one."""

    kind: Kind
    id: str
    """A question id (answer), a channel id (fader, note), a tool id, or the agreement's index."""
    label: str
    text: str
    level: Level | None = None
    """Who it is shared with (answers and notes; None for the rest)."""


@dataclass(frozen=True)
class PreviewSection:
    """A heading and what the sheet holds under it."""

    title: str
    items: tuple[PreviewItem, ...]


@dataclass(frozen=True)
class LeftOut:
    """An answer the employee gave that this version does not hold: its question only."""

    id: str
    label: str
    level: Level


@dataclass(frozen=True)
class Preview:
    """One audience's sheet, as the wizard shows it before it is made."""

    audience: str
    overview: Overview
    sections: tuple[PreviewSection, ...]
    left_out: tuple[LeftOut, ...]

    @property
    def items(self) -> list[PreviewItem]:
        return [item for section in self.sections for item in section.items]

    def answer_ids(self) -> set[str]:
        return {i.id for i in self.items if i.kind == "answer"}

    def note_ids(self) -> set[str]:
        return {i.id for i in self.items if i.kind == "note"}


def _steps(section: StepSection) -> PreviewSection | None:
    items = tuple(
        PreviewItem("answer", i.id, i.label, i.words, i.level)
        for i in section.items
        if not i.hidden and i.answered
    )
    return PreviewSection(section.title, items) if items else None


def build_preview(pack: Questionnaire, session: Session, audience: str, lang: str) -> Preview:
    """What the sheet for `audience` ('jobcenter', 'arbejdsgiver') holds, in `lang`."""
    overview = build_overview(pack, session, sheet_viewer(audience), lang)
    sections: list[PreviewSection] = []
    for section in overview.sections:
        if isinstance(section, StepSection):
            step = _steps(section)
            if step is not None:
                sections.append(step)
            continue
        items: list[PreviewItem] = []
        for channel in section.items:
            if channel.is_set:
                items.append(PreviewItem("fader", channel.id, channel.label, channel.level))
            if channel.note:
                items.append(
                    PreviewItem("note", channel.id, channel.label, channel.note, channel.note_level)
                )
        if items:
            sections.append(PreviewSection(section.title, tuple(items)))
    if overview.suggested:
        tools = tuple(
            PreviewItem("tool", tool.id, tool.name, "; ".join(tool.reasons))
            for tool in overview.suggested
        )
        sections.append(PreviewSection(t("sheet_tools", lang), tools))
    agreements = overview.agreements
    agreed = [
        PreviewItem("agreement", str(s.index), s.what, " · ".join(p for p in (s.who, s.by) if p))
        for s in agreements.next_steps
        if not s.empty
    ]
    if agreements.notes:
        agreed.insert(0, PreviewItem("agreement", "notes", "", agreements.notes))
    if agreed:
        sections.append(PreviewSection(t("sheet_agreements", lang), tuple(agreed)))
    return Preview(audience, overview, tuple(sections), _left_out(pack, session, overview, lang))


def _left_out(
    pack: Questionnaire, session: Session, overview: Overview, lang: str
) -> tuple[LeftOut, ...]:
    # What the employee alone sees answered, and this version does not show: only the
    # questions whose level keeps them off (a step "only for you" is no choice to undo).
    alone = disclose(pack, session, Viewer.ALONE)
    seen = overview.disclosure
    left: list[LeftOut] = []
    for question in pack.questions.values():
        if not alone.shows(question.id) or session.answer(question.id) is None:
            continue
        if seen.shows(question.id):
            continue
        level = sharing_level(question, session)
        if overview.viewer.sees(level):
            continue
        left.append(LeftOut(question.id, tr(question.label, lang), level))
    return tuple(left)
