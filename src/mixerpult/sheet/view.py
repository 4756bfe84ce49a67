"""One view of a session: everything the sheet shows, decided once, for every format.

The templates only loop and test; every decision lives here: which questions
are shown (visible, not private, not health for the employer), how answers
read in words, which tools are suggested and why, which rules date applies.
The view is plain dataclasses of strings, numbers and lists, cleaned of control
characters, so a template (shipped or the user's own) needs nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from mixerpult.answers import AnswerValue, Session
from mixerpult.conditions import Compare, Condition, Facts, comparisons, holds, reasons
from mixerpult.i18n import strings, t
from mixerpult.questionnaire import Channel, Question, Questionnaire, Step, tr
from mixerpult.sheet.escape import clean, paragraphs

AUDIENCES = ("jobcenter", "arbejdsgiver")
FILLED, EMPTY, UNSET = "▮", "▯", "·"


@dataclass(frozen=True)
class AnswerView:
    """A question shown on the sheet, with its answer in words."""

    id: str
    label: str
    answered: bool
    text: str = ""
    """The answer as one string ('' when unanswered)."""
    paragraphs: list[str] = field(default_factory=list)
    """The answer split at blank lines (one item for short answers)."""
    items: list[str] = field(default_factory=list)
    """The chosen options of a multi_choice."""


@dataclass(frozen=True)
class SectionView:
    """A step of the questionnaire that goes on the sheet."""

    id: str
    title: str
    questions: list[AnswerView]


@dataclass(frozen=True)
class ChannelView:
    """One fader of the console."""

    id: str
    label: str
    position: int | None
    scale: int
    level: str
    """The position in words (the pack's level word), or 'Not set'."""
    note: str
    note_paragraphs: list[str]
    bar: str
    """The fader as text, e.g. '▮▮▯▯▯' (position 2 of 5); dots when unset."""
    line: str
    """A full text line: padded label, low end, bar, high end, level."""
    height: float
    """Height of the knob from 0 (low end) to 1 (high end); 0 when unset."""
    ticks: list[float]
    """Heights of the scale's positions, 0 to 1."""

    @property
    def is_set(self) -> bool:
        return self.position is not None


@dataclass(frozen=True)
class ConsoleView:
    """The mixerpult: its heading question, its ends and its channels."""

    title: str
    question: str
    low: str
    high: str
    channels: list[ChannelView]

    @property
    def noted(self) -> list[ChannelView]:
        """The channels that have a note."""
        return [c for c in self.channels if c.note]


@dataclass(frozen=True)
class ToolView:
    """A tool in the law worth asking about, and why it is suggested."""

    id: str
    name: str
    summary: str
    source: str
    reasons: list[str]


@dataclass(frozen=True)
class FactView:
    """A legal fact with its source and the date it was checked."""

    id: str
    text: str
    source: str
    checked: str
    checked_note: str
    """'tjekket <date>' when older than the sheet's rules date, else ''."""


@dataclass(frozen=True)
class NextStepView:
    """One agreed next step."""

    what: str
    who: str
    by: str


@dataclass(frozen=True)
class AgreementsView:
    """What was agreed at the meeting (filled in afterwards, or by hand on paper)."""

    notes: list[str]
    next_steps: list[NextStepView]

    @property
    def has_content(self) -> bool:
        return bool(self.notes or self.next_steps)


@dataclass(frozen=True)
class SheetView:
    """Everything one sheet shows, in one language for one audience."""

    lang: str
    audience: str
    title: str
    first_name: str
    meeting_date: str
    weekly_hours: str
    """The line about usual working hours, '' when not known or not shared."""
    situation: list[AnswerView]
    console: ConsoleView | None
    sections: list[SectionView]
    tools: list[ToolView]
    own_questions: list[AnswerView]
    agreements: AgreementsView
    facts: list[FactView]
    rules_line: str
    """'Regler pr. <date>; spørg altid din kommune' ('' without facts)."""
    share_line: str
    t: dict[str, str]
    """The sheet's fixed words in this language, by key without the 'sheet_' prefix."""

    @property
    def for_employer(self) -> bool:
        return self.audience == "arbejdsgiver"

    @property
    def file_stem(self) -> str:
        """The file name without extension, e.g. 'forberedelse'."""
        return t(f"sheet_file_{self.audience}", self.lang)


# -- words -------------------------------------------------------------------------------


def format_date(value: dt.date, lang: str) -> str:
    """A date in words, e.g. '3. december 2026' / '3 December 2026'."""
    month = t("sheet_months", lang).split()[value.month - 1]
    return t("sheet_date", lang, day=value.day, month=month, year=value.year)


def format_number(value: float, lang: str) -> str:
    """A number as people write it: no '.0', and a decimal comma in Danish."""
    if isinstance(value, int):
        text = str(value)  # exact, and float() of a 400-digit integer would overflow
    else:
        text = str(int(value)) if float(value).is_integer() else repr(float(value))
    return text.replace(".", ",") if lang == "da" else text


def format_answer(question: Question, value: AnswerValue, lang: str) -> tuple[str, list[str]]:
    """An answer in words, and the chosen option labels of a multi_choice.

    A value that does not fit its question (an old file, a hand edit) is shown
    as it was written rather than guessed at.
    """
    if isinstance(value, bool):
        return t("sheet_yes" if value else "sheet_no", lang), []
    if question.type in ("choice", "multi_choice"):
        labels = {o.id: tr(o.label, lang) for o in question.options}
        chosen = value if isinstance(value, list) else [value]
        items = [clean(labels.get(str(v), str(v))) for v in chosen]
        return ", ".join(items), items if question.type == "multi_choice" else []
    if isinstance(value, dt.date):
        return format_date(value, lang), []
    if isinstance(value, int | float):
        text = format_number(value, lang)
        unit = tr(question.unit, lang) if question.type == "number" else ""
        return (f"{text} {clean(unit)}" if unit else text), []
    if isinstance(value, list):
        return ", ".join(clean(str(v)) for v in value), []
    return clean(str(value)), []


# -- what is shared --------------------------------------------------------------------


def _subjects(condition: Condition | None) -> set[tuple[str, str]]:
    return {c.subject for c in comparisons(condition)}


@dataclass
class _Scope:
    """Which questions and channels this sheet may show, and the facts they give away."""

    questions: dict[str, Question]
    channels: dict[str, Channel]
    facts: Facts


def _on_scale(pack: Questionnaire, channel: Channel, position: int | None) -> int | None:
    return pack.mixerpult.on_scale(channel, position) if pack.mixerpult else None


def _scope(session: Session, pack: Questionnaire, audience: str) -> _Scope:
    full = session.facts()
    employer = audience == "arbejdsgiver"
    channels = {cid: ch for cid, ch in pack.channels.items() if not (employer and ch.health)}
    shown: dict[str, Question] = {
        qid: q
        for qid, q in pack.questions.items()
        if holds(q.visible_if, full) and not session.is_private(qid) and not (employer and q.health)
    }
    # A question whose visibility depends on a left-out answer would give that answer
    # away (a follow-up shown only when the private answer was "ja"), so it goes too,
    # and so on down the chain.
    changed = True
    while changed:
        changed = False
        for qid, q in list(shown.items()):
            for kind, ident in _subjects(q.visible_if):
                if (kind == "answer" and ident not in shown) or (
                    kind == "fader" and ident not in channels
                ):
                    del shown[qid]
                    changed = True
                    break
    facts = Facts(
        {qid: v for qid, v in session.answers.items() if qid in shown},
        {
            cid: f.position
            for cid, f in session.faders.items()
            if cid in channels and _on_scale(pack, channels[cid], f.position) is not None
        },
    )
    return _Scope(shown, channels, facts)


def _answer_view(question: Question, session: Session, lang: str) -> AnswerView:
    label = clean(tr(question.label, lang))
    value = session.answer(question.id)
    text, items = format_answer(question, value, lang) if value is not None else ("", [])
    if not text.strip():  # nothing left to show (e.g. only control characters)
        return AnswerView(question.id, label, answered=False)
    return AnswerView(question.id, label, True, text, paragraphs(text), items)


def _step_answers(step: Step, scope: _Scope, session: Session, lang: str) -> list[AnswerView]:
    # A question with a role (name, meeting date, weekly hours) is printed in the
    # sheet's head, not again among the answers.
    return [
        _answer_view(q, session, lang)
        for q in step.questions
        if q.id in scope.questions and q.role is None
    ]


def _role_answer(pack: Questionnaire, role: str, scope: _Scope, session: Session) -> Any:
    question = pack.by_role(role)
    if question is None or question.id not in scope.questions:
        return None
    return session.answer(question.id)


# -- the console -------------------------------------------------------------------------


def _console(pack: Questionnaire, scope: _Scope, session: Session, lang: str) -> ConsoleView | None:
    mixer = pack.mixerpult
    if mixer is None or not scope.channels:
        return None
    low, high = clean(tr(mixer.low, lang)), clean(tr(mixer.high, lang))
    shown = [ch for ch in mixer.channels if ch.id in scope.channels]
    labels = [clean(tr(ch.label, lang)) for ch in shown]
    width = max(len(label) for label in labels)
    channels = []
    for ch, label in zip(shown, labels, strict=True):
        setting = session.fader(ch.id)
        scale = mixer.scale_of(ch)
        position = mixer.on_scale(ch, setting.position)
        level = _level(pack, ch, position, lang)
        if position is None:
            bar = UNSET * scale
            height = 0.0
        else:
            bar = FILLED * position + EMPTY * (scale - position)
            height = round((position - 1) / (scale - 1), 4)
        note = clean(setting.note).strip() if ch.note else ""
        channels.append(
            ChannelView(
                id=ch.id,
                label=label,
                position=position,
                scale=scale,
                level=level,
                note=note,
                note_paragraphs=paragraphs(note),
                bar=bar,
                line=f"{label.ljust(width)}  {low} {bar} {high}  {level}",
                height=height,
                ticks=[round(i / (scale - 1), 4) for i in range(scale)],
            )
        )
    return ConsoleView(
        title=clean(tr(mixer.title, lang)),
        question=clean(tr(mixer.question, lang)),
        low=low,
        high=high,
        channels=channels,
    )


# -- tools -------------------------------------------------------------------------------


def _level(pack: Questionnaire, channel: Channel, position: int | None, lang: str) -> str:
    """A fader position in words; 'Not set' also for a position off the scale (a hand edit)."""
    mixer = pack.mixerpult
    if mixer is None or mixer.on_scale(channel, position) is None:
        return t("sheet_not_set", lang)
    return clean(mixer.level(channel, position, lang))


def _shorten(text: str, limit: int = 80) -> str:
    """The start of a long answer: the answer itself is on the sheet in full already."""
    line = " ".join(text.split())
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] or line[:limit]
    return cut.rstrip(" ,.;:–-") + " …"


def _reason(compare: Compare, pack: Questionnaire, session: Session, lang: str) -> str:
    kind, ident = compare.subject
    if kind == "fader":
        channel = pack.channels[ident]
        level = _level(pack, channel, session.fader(ident).position, lang)
        return t("sheet_reason_fader", lang, channel=clean(tr(channel.label, lang)), level=level)
    question = pack.questions[ident]
    value = session.answer(ident)
    answer = (
        format_answer(question, value, lang)[0]
        if value is not None
        else t("sheet_not_answered", lang)
    )
    if question.type in ("text", "long_text"):
        answer = _shorten(answer)
    return t("sheet_reason_answer", lang, question=clean(tr(question.label, lang)), answer=answer)


def _tools(pack: Questionnaire, scope: _Scope, session: Session, lang: str) -> list[ToolView]:
    tools = []
    for tool in pack.tools:
        # Decided on the shared answers alone: a tool that appeared (or not) because of a
        # private or left-out answer would give that answer away. A left-out answer counts
        # as unanswered here, just as the reader of the sheet sees it.
        if tool.suggest_if is None or not holds(tool.suggest_if, scope.facts):
            continue
        why: list[str] = []
        for compare in reasons(tool.suggest_if, scope.facts):
            kind, ident = compare.subject
            if ident not in (scope.questions if kind == "answer" else scope.channels):
                continue
            line = _reason(compare, pack, session, lang)
            if line not in why:
                why.append(line)
        tools.append(
            ToolView(
                id=tool.id,
                name=clean(tr(tool.name, lang)),
                summary=clean(tr(tool.summary, lang)),
                source=clean(tool.source),
                reasons=why,
            )
        )
    return tools


# -- the whole sheet ---------------------------------------------------------------------


def _agreements(session: Session, lang: str) -> AgreementsView:
    steps = []
    for step in session.agreements.next_steps:
        by = step.by
        when = format_date(by, lang) if isinstance(by, dt.date) else clean(str(by or "")).strip()
        what, who = clean(step.what).strip(), clean(step.who).strip()
        if what or who or when:
            steps.append(NextStepView(what, who, when))
    return AgreementsView(paragraphs(session.agreements.notes), steps)


def sheet_strings(lang: str) -> dict[str, str]:
    """The sheet's fixed words in `lang`, keyed without the 'sheet_' prefix."""
    return {
        key.removeprefix("sheet_"): t(key, lang) for key in strings() if key.startswith("sheet_")
    }


def build_view(
    session: Session, pack: Questionnaire, lang: str, audience: str = "jobcenter"
) -> SheetView:
    """The sheet of `session` in `lang` for `audience` ('jobcenter' or 'arbejdsgiver')."""
    if audience not in AUDIENCES:
        raise ValueError(f"unknown audience {audience!r} (one of: {', '.join(AUDIENCES)})")
    scope = _scope(session, pack, audience)

    name = _role_answer(pack, "first_name", scope, session)
    date = _role_answer(pack, "meeting_date", scope, session)
    hours_q = pack.by_role("weekly_hours")
    hours = _role_answer(pack, "weekly_hours", scope, session)
    weekly = ""
    if hours_q is not None and hours is not None:
        weekly = t("sheet_weekly_hours", lang, hours=format_answer(hours_q, hours, lang)[0])

    situation: list[AnswerView] = []
    sections: list[SectionView] = []
    own: list[AnswerView] = []
    for step in pack.steps:
        answers = _step_answers(step, scope, session, lang)
        if step.sheet == "situation":
            situation += answers
        elif step.sheet == "own_questions":
            own += answers
        elif step.sheet == "answers" and answers:
            sections.append(SectionView(step.id, clean(tr(step.title, lang)), answers))

    # The sheet says "rules as of <the latest check>"; a fact checked before that says so
    # itself, so no fact claims to be fresher than it is.
    latest = max((f.checked for f in pack.facts), default=None)
    facts = [
        FactView(
            f.id,
            clean(tr(f.text, lang)),
            clean(f.source),
            format_date(f.checked, lang),
            t("sheet_checked", lang, date=format_date(f.checked, lang))
            if f.checked != latest
            else "",
        )
        for f in pack.facts
    ]
    return SheetView(
        lang=lang,
        audience=audience,
        title=clean(tr(pack.title, lang)),
        first_name=clean(str(name)).strip() if name is not None else "",
        meeting_date=(
            format_date(date, lang)
            if isinstance(date, dt.date)
            else clean(str(date)).strip()
            if date is not None
            else ""
        ),
        weekly_hours=weekly,
        situation=situation,
        console=_console(pack, scope, session, lang),
        sections=sections,
        tools=_tools(pack, scope, session, lang),
        own_questions=own,
        agreements=_agreements(session, lang),
        facts=facts,
        rules_line=t("sheet_rules", lang, date=format_date(latest, lang)) if latest else "",
        share_line=t("sheet_share", lang),
        t=sheet_strings(lang),
    )
