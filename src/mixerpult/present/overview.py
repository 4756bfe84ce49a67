"""The whole session as one viewer sees it: sections of items, in the wizard's order.

The review, the walkthrough and every sheet are drawn from this one structure, so
they cannot disagree about what is shown or how it reads. Items carry plain words;
a view only styles and escapes them. A hidden item carries no part of its answer.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from mixerpult.answers import Level, Session
from mixerpult.conditions import Compare
from mixerpult.i18n import t
from mixerpult.kinds import kind_of
from mixerpult.present.disclosure import Disclosure, State, disclose, note_level, sharing_level
from mixerpult.present.viewers import Viewer
from mixerpult.present.words import (
    answer_items,
    answer_table,
    answer_words,
    bad_end,
    by_words,
    quoted,
    range_words,
)
from mixerpult.questionnaire import CONSOLE, Channel, Question, Questionnaire, Step, Tool, tr


@dataclass(frozen=True)
class AnswerItem:
    """A question the viewer sees, with its answer in words (none when hidden)."""

    question: Question
    page: str
    """The step where it is answered."""
    label: str
    state: State
    """'shown', or 'hidden': the question is seen, its answer is not."""
    words: str = ""
    """The answer in words ('' when unanswered or hidden)."""
    items: tuple[str, ...] = ()
    """The chosen options of a multi_choice."""
    draft: str = ""
    """Typed into a number or date field, but no answer (yet)."""
    level: Level = "everyone"
    """Who the answer is shared with (chosen, or its question's default)."""
    columns: tuple[str, ...] = ()
    """The headings of an answer that is a table (a plan); () for any other."""
    table: tuple[tuple[str, ...], ...] = ()
    """Its rows, each a cell in words under each heading (a row that cannot be read
    is shown as written in its first cell)."""

    @property
    def id(self) -> str:
        return self.question.id

    @property
    def private(self) -> bool:
        """Only me: on no sheet and no shared screen."""
        return self.level == "me"

    @property
    def answered(self) -> bool:
        return bool(self.words.strip())

    @property
    def hidden(self) -> bool:
        return self.state == "hidden"


@dataclass(frozen=True)
class StepSection:
    """A step of the questionnaire and the questions of it the viewer sees."""

    step: Step
    title: str
    items: tuple[AnswerItem, ...]

    @property
    def id(self) -> str:
        return self.step.id

    @property
    def place(self) -> str:
        """Where the step goes on the sheet (`Step.sheet`)."""
        return self.step.sheet


@dataclass(frozen=True)
class ChannelItem:
    """One fader of the console."""

    channel: Channel
    label: str
    position: int | None
    """On the channel's scale, or None (not set, or off the scale)."""
    scale: int
    level: str
    """The position in words ('not set' when it has none)."""
    note: str = ""
    """The channel's note, '' when none or not seen by this viewer."""
    takes_note: bool = True
    """Whether the channel has a note at all (`note: false` in the pack: never)."""
    bad: int | None = None
    """The bad-day end, in a pack with ranges, when it differs from `position` (the good
    day); None: one position on both days. `level` then says both ends."""
    end_levels: tuple[str, str] = ("", "")
    """The words of the good day and of the bad day, each alone ('' when not set; the
    same twice for one position)."""
    note_level: Level = "everyone"
    """Who the note is shared with (chosen, or the channel's default)."""

    @property
    def id(self) -> str:
        return self.channel.id

    @property
    def is_set(self) -> bool:
        return self.position is not None


@dataclass(frozen=True)
class ConsoleSection:
    """The mixerpult: its heading question, its ends and the channels the viewer sees."""

    title: str
    question: str
    low: str
    high: str
    items: tuple[ChannelItem, ...]

    id = CONSOLE

    @property
    def faders_set(self) -> int:
        return sum(item.is_set for item in self.items)


@dataclass(frozen=True)
class ToolItem:
    """A tool in the law, and why it is suggested (from what the viewer sees)."""

    tool: Tool
    name: str
    summary: str
    source: str
    reasons: tuple[str, ...]

    @property
    def id(self) -> str:
        return self.tool.id


@dataclass(frozen=True)
class NextStepItem:
    """An agreed next step (what, who, by when)."""

    index: int
    what: str
    who: str
    by: str
    date: dt.date | None = None
    """The "by when" as a date (None when not given, or written as no date)."""
    channel: str = ""
    """The console's channel the step is about ('' for none)."""
    plan_row: int | None = None
    """The row of the return plan the step belongs to (from 1), if it names one."""
    plan_ref: str = ""
    """That row in words ('række 2 i planen, uge 4'), '' when the viewer does not see it."""

    @property
    def empty(self) -> bool:
        return not (self.what or self.who or self.by)


@dataclass(frozen=True)
class AgreementsSection:
    """What was agreed at the meeting: seen by everyone it was agreed with."""

    notes: str
    next_steps: tuple[NextStepItem, ...]


Section = StepSection | ConsoleSection


@dataclass(frozen=True)
class Overview:
    """Everything one viewer sees of a session, in one language."""

    viewer: Viewer
    lang: str
    disclosure: Disclosure
    sections: tuple[Section, ...]
    """The steps and the console, in the wizard's order."""
    suggested: tuple[ToolItem, ...]
    """Tools worth asking about, with their reasons."""
    other_tools: tuple[ToolItem, ...]
    """The pack's other tools (no reason to suggest them on what the viewer sees)."""
    agreements: AgreementsSection

    @property
    def steps(self) -> list[StepSection]:
        return [s for s in self.sections if isinstance(s, StepSection)]

    @property
    def console(self) -> ConsoleSection | None:
        return next((s for s in self.sections if isinstance(s, ConsoleSection)), None)

    @property
    def answers(self) -> list[AnswerItem]:
        """Every question the viewer sees, in order."""
        return [item for step in self.steps for item in step.items]

    @property
    def plan(self) -> AnswerItem | None:
        """The first return plan the viewer sees with rows in it, if any."""
        return next((i for i in self.answers if i.table and not i.hidden), None)

    def role(self, role: str) -> AnswerItem | None:
        """The shown answer of the question playing `role`, if any."""
        return next((i for i in self.answers if i.question.role == role and not i.hidden), None)

    @property
    def answered_count(self) -> int:
        """How many of the answers the viewer sees are given."""
        return sum(item.answered for item in self.answers)


def _answer(
    question: Question, step: Step, state: State, session: Session, lang: str
) -> AnswerItem:
    label = tr(question.label, lang)
    level = sharing_level(question, session)
    if state == "hidden":
        return AnswerItem(question, step.id, label, state, level=level)
    value = session.answer(question.id)
    return AnswerItem(
        question,
        step.id,
        label,
        state,
        words=answer_words(question, value, lang),
        items=tuple(answer_items(question, value, lang)),
        draft=session.drafts.get(question.id, "") if value is None else "",
        level=level,
        columns=kind_of(question).columns(question, lang),
        table=tuple(answer_table(question, value, lang)),
    )


def _console(pack: Questionnaire, seen: Disclosure, session: Session, lang: str) -> ConsoleSection:
    mixer = pack.mixerpult
    assert mixer is not None
    items = []
    for cid in seen.channels:
        channel = pack.channels[cid]
        setting = session.fader(cid)
        position = mixer.on_scale(channel, setting.position)
        bad = bad_end(mixer, channel, position, setting.bad_day)
        good_words = mixer.level(channel, position, lang)
        items.append(
            ChannelItem(
                channel,
                tr(channel.label, lang),
                position,
                mixer.scale_of(channel),
                range_words(mixer, channel, position, bad, lang),
                note=setting.note.strip() if cid in seen.notes else "",
                takes_note=channel.note,
                bad=bad,
                end_levels=(good_words, mixer.level(channel, bad, lang) or good_words),
                note_level=note_level(channel, session),
            )
        )
    return ConsoleSection(
        tr(mixer.title, lang),
        tr(mixer.question, lang),
        tr(mixer.low, lang),
        tr(mixer.high, lang),
        tuple(items),
    )


def _reason(compare: Compare, pack: Questionnaire, session: Session, lang: str) -> str:
    kind, ident = compare.subject
    if kind == "fader":
        channel = pack.channels[ident]
        assert pack.mixerpult is not None
        setting = session.fader(ident)
        level = range_words(pack.mixerpult, channel, setting.position, setting.bad_day, lang)
        return t("words_reason_fader", lang, channel=tr(channel.label, lang), level=level)
    question = pack.questions[ident]
    answer = quoted(question, session.answer(ident), lang)
    return t("words_reason_answer", lang, question=tr(question.label, lang), answer=answer)


def _tool(tool: Tool, reasons: list[str], lang: str) -> ToolItem:
    return ToolItem(tool, tr(tool.name, lang), tr(tool.summary, lang), tool.source, tuple(reasons))


def _tools(
    pack: Questionnaire, seen: Disclosure, session: Session, lang: str
) -> tuple[tuple[ToolItem, ...], tuple[ToolItem, ...]]:
    suggested: list[ToolItem] = []
    others: list[ToolItem] = []
    chosen = {tool.id for tool in seen.suggested(pack.tools)}
    for tool in pack.tools:
        if tool.id not in chosen or tool.suggest_if is None:
            others.append(_tool(tool, [], lang))
            continue
        why: list[str] = []
        for compare in seen.reasons(tool.suggest_if):
            line = _reason(compare, pack, session, lang)
            if line not in why:
                why.append(line)
        suggested.append(_tool(tool, why, lang))
    return tuple(suggested), tuple(others)


def _plan_ref(row: int | None, plan: AnswerItem | None, lang: str) -> str:
    # Only to a viewer who sees the plan: a step must not point into a hidden one.
    if row is None or plan is None or not 1 <= row <= len(plan.table):
        return ""
    cells = plan.table[row - 1]
    return plan_row_words(row, cells[0] if cells else "", lang)


def plan_row_words(row: int, when: str, lang: str) -> str:
    """A row of the plan in a sentence's middle: 'række 2 i planen, uge 4'."""
    when = when[:1].lower() + when[1:]
    return t("plan_row_ref_when" if when else "plan_row_ref", lang, row=row, when=when)


def _agreements(session: Session, lang: str, plan: AnswerItem | None = None) -> AgreementsSection:
    steps = [
        NextStepItem(
            i,
            s.what.strip(),
            s.who.strip(),
            by_words(s.by, lang),
            s.by if isinstance(s.by, dt.date) else None,
            s.channel,
            s.plan_row,
            _plan_ref(s.plan_row, plan, lang),
        )
        for i, s in enumerate(session.agreements.next_steps)
    ]
    return AgreementsSection(session.agreements.notes.strip(), tuple(steps))


def build_overview(pack: Questionnaire, session: Session, viewer: Viewer, lang: str) -> Overview:
    """What `viewer` sees of `session`, in `lang`."""
    seen = disclose(pack, session, viewer)
    sections: list[Section] = []
    for page in pack.pages:
        if page == CONSOLE:
            sections.append(_console(pack, seen, session, lang))
            continue
        step = pack.step(page)
        items = tuple(
            _answer(q, step, seen.state(q.id), session, lang)
            for q in step.questions
            if seen.state(q.id) != "absent"
        )
        sections.append(StepSection(step, tr(step.title, lang), items))
    suggested, others = _tools(pack, seen, session, lang)
    plan = next(
        (i for sec in sections if isinstance(sec, StepSection) for i in sec.items if i.table),
        None,
    )
    agreements = _agreements(session, lang, plan)
    return Overview(viewer, lang, seen, tuple(sections), suggested, others, agreements)
