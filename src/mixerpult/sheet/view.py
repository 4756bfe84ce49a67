"""One view of a session: everything the sheet shows, decided once, for every format.

What each audience sees and how an answer reads are decided by the presentation
layer (`mixerpult.present`): this module only lays its overview out for the
templates, as plain dataclasses of strings, numbers and lists cleaned of control
characters, so a template (shipped or the user's own) needs nothing else. The
templates only loop and test.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field

from mixerpult.answers import Session
from mixerpult.hyphenation import soft_hyphenated
from mixerpult.i18n import format_date, strings, t
from mixerpult.present.brief import (
    BRIEF_ROLES,
    Brief,
    Proposals,
    Statement,
    brief_note,
    build_brief,
    build_proposals,
    build_statement,
    one_line,
)
from mixerpult.present.conversation import (
    FOLLOW_UP_ROLE,
    PRACTICAL_ROLES,
    AfterMeeting,
    after_meeting,
    practical,
)
from mixerpult.present.overview import AnswerItem, ConsoleSection, Overview, build_overview
from mixerpult.present.timeline import Timeline, build_timeline
from mixerpult.present.viewers import AUDIENCES, sheet_viewer
from mixerpult.present.words import fader_bar
from mixerpult.questionnaire import HEAD_ROLES, Questionnaire, tr
from mixerpult.sheet.escape import clean, paragraphs
from mixerpult.sheet.formats import PREPARATION, STATEMENT

__all__ = ["AUDIENCES", "SheetView", "build_view", "sheet_strings"]


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
    columns: list[str] = field(default_factory=list)
    """The headings of an answer that is a table (a return plan); [] for any other."""
    table: list[list[str]] = field(default_factory=list)
    """Its rows, a cell under each heading."""

    @property
    def short(self) -> bool:
        """A one-line answer (a choice, a number, a date) that fits beside its question."""
        return (
            len(self.text) <= 40
            and "\n" not in self.text
            and len(self.items) <= 1
            and not self.table
        )


@dataclass(frozen=True)
class ProposalsView:
    """A step's answers set out as part 1 of the mulighedserklæring: what is hard now,
    the job functions it affects, proposed changes (hours, tasks, aids) and the rest.
    Each answer's label is the part's name; a part the viewer does not see is None."""

    hard_now: AnswerView | None
    job_functions: AnswerView | None
    changes: list[AnswerView]
    """Hours, tasks, aids: those the pack asks about."""
    other: list[AnswerView]
    """The step's other answers, under their own questions."""


@dataclass(frozen=True)
class SectionView:
    """A step of the questionnaire that goes on the sheet."""

    id: str
    title: str
    questions: list[AnswerView]
    """Every answer of the step in the pack's order (what a template without
    `proposals` prints)."""
    proposals: ProposalsView | None = None
    """The step holding the proposals, set out as the mulighedserklæring does."""
    lead: str = ""


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
    """The fader as text, e.g. '○●○○○' (position 2 of 5); dots when unset."""
    line: str
    """A full text line: padded label, low end, bar, high end, level."""
    height: float
    """Height of the knob from 0 (low end) to 1 (high end); 0 when unset."""
    ticks: list[float]
    """Heights of the scale's positions, 0 to 1."""
    label_hyphenated: str = ""
    """The label with soft hyphens where it may best break (the narrow columns under the
    faders in HTML and PDF: "Arbejds-intensitet", never "Arbejdsintensi|tet")."""
    level_hyphenated: str = ""
    bad: int | None = None
    """The bad-day end when it differs from `position` (a pack with ranges), else None."""
    bad_height: float | None = None
    """Height of the bad-day knob, 0 to 1; None for one position (no band to draw)."""
    unagreed: bool = False
    """Needs easing, and no step agreed at the meeting is about it (after the meeting)."""

    @property
    def is_set(self) -> bool:
        return self.position is not None

    @property
    def band(self) -> tuple[float, float] | None:
        """The band between the two ends, low and high, 0 to 1 (None without one)."""
        if self.bad_height is None:
            return None
        low, high = sorted((self.height, self.bad_height))
        return low, high


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

    @property
    def has_band(self) -> bool:
        """Whether any channel has a bad day of its own (a sheet without one is drawn,
        and its styles written, exactly as before ranges were)."""
        return any(c.band for c in self.channels)

    @property
    def unagreed(self) -> list[ChannelView]:
        """The channels that need easing with nothing agreed about them (after the meeting)."""
        return [c for c in self.channels if c.unagreed]


@dataclass(frozen=True)
class ToolView:
    """A tool in the law worth asking about, and why it is suggested."""

    id: str
    name: str
    summary: str
    source: str
    reasons: list[str]


@dataclass(frozen=True)
class OtherToolView:
    """A tool of the pack not suggested on what the viewer sees: one line."""

    id: str
    name: str
    line: str
    """The summary's first sentence."""


@dataclass(frozen=True)
class EasedView:
    """A channel that needs much easing, as the brief names it."""

    label: str
    level: str
    note: str


@dataclass(frozen=True)
class BriefView:
    """The sheet's "Kort fortalt": each part '' or empty when not answered or not seen."""

    wish: list[str]
    """Paragraphs of the employee's wish."""
    start: str
    """The proposed start: '12 timer pr. uge (normalt 37 timer)'."""
    eased: list[EasedView]
    agreed: list[str]
    most_important: list[str]
    plan_start: str = ""
    """The return plan's first row: 'Fra uge 1: 12 timer om ugen; man, ons'."""

    @property
    def has_content(self) -> bool:
        parts = (self.wish, self.start, self.eased, self.agreed, self.most_important)
        return any(parts) or bool(self.plan_start)


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
class TimelineEntryView:
    """One dated deadline, window or point in time of the sick leave."""

    id: str
    kind: str
    """'by', 'until' or 'at' (the fact's `timeline.kind`)."""
    week: int
    when: str
    """'Senest 9. december 2026 (uge 4)'."""
    label: str
    passed: bool
    note: str
    """'datoen er passeret' when passed, else ''."""

    @property
    def label_note(self) -> str:
        """The label, with the note in brackets when there is one."""
        return f"{self.label} ({self.note})" if self.note else self.label


@dataclass(frozen=True)
class TimelineView:
    """The facts' dates, counted from the first sick day (only when it is given)."""

    title: str
    first_day: str
    """'Første sygedag: 12. november 2026.'"""
    now: str
    """Which week of the sick leave the conversation (or today) is in; may be ''."""
    entries: list[TimelineEntryView]

    @property
    def intro(self) -> str:
        """The first sick day and the week of the conversation, as one paragraph."""
        return f"{self.first_day} {self.now}" if self.now else self.first_day


@dataclass(frozen=True)
class HeadItemView:
    """A practical answer in the sheet's head: the sheet's own short label, the answer."""

    role: str
    label: str
    text: str


@dataclass(frozen=True)
class FollowUpView:
    """The next follow-up, at the top of the sheet."""

    when: str
    what: str
    """The agreed step it comes from ('' when it is the answer to its own question)."""


@dataclass(frozen=True)
class StatementView:
    """A draft of part 1 of the mulighedserklæring: every part is there, an unanswered
    one as room to fill in by hand (`answered` false)."""

    title: str
    draft: str
    """That it is a draft, made together with the employer; part 2 is the doctor's."""
    who: list[HeadItemView]
    """Name, job title, workplace and nearest manager, those answered."""
    hard_now: AnswerView
    job_functions: AnswerView
    changes: list[AnswerView]
    """Hours, tasks, aids and other changes, always all four."""
    duration: AnswerView
    fill_in: str
    """The words in the room left for an unanswered part."""


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
    timeline: TimelineView | None = None
    """The dated deadlines; None without a first sick day (the sheet looks as before)."""
    brief: BriefView | None = None
    """'Kort fortalt', first on the sheet; None when there is nothing to say in it."""
    other_tools: list[OtherToolView] = field(default_factory=list)
    """The pack's tools not suggested, one line each ('Andre redskaber')."""
    practical: list[HeadItemView] = field(default_factory=list)
    """The practical answers in the head (job, workplace, companion, interpreter …)."""
    follow_up: FollowUpView | None = None
    """The next follow-up date, at the top; None when none is known."""
    sheet: str = PREPARATION
    """Which sheet: the preparation sheet, or the mulighedserklæring's part 1."""
    statement: StatementView | None = None
    """The mulighedserklæring's part 1 (only on that sheet)."""

    @property
    def for_employer(self) -> bool:
        return self.audience == "arbejdsgiver"

    @property
    def file_stem(self) -> str:
        """The file name without extension, e.g. 'forberedelse'."""
        if self.sheet == STATEMENT:
            return t("sheet_file_statement", self.lang)
        return t(f"sheet_file_{self.audience}", self.lang)


# -- laying the overview out ---------------------------------------------------------


def _answer_view(item: AnswerItem) -> AnswerView:
    text = clean(item.words)
    label = clean(item.label)
    if not text.strip():  # nothing left to show (e.g. only control characters)
        return AnswerView(item.id, label, answered=False)
    return AnswerView(
        item.id,
        label,
        True,
        text,
        paragraphs(text),
        [clean(i) for i in item.items],
        [clean(c) for c in item.columns] if item.table else [],
        # A cell is one line in every format (a Markdown table row cannot break).
        [[" ".join(clean(cell).split()) for cell in row] for row in item.table],
    )


_NOT_AGAIN = (*HEAD_ROLES, *BRIEF_ROLES, *PRACTICAL_ROLES, FOLLOW_UP_ROLE)


def _shown(items: tuple[AnswerItem, ...]) -> list[AnswerView]:
    # A hidden answer is left out of a sheet; the name, meeting date, weekly hours and
    # the practical answers are printed in the sheet's head (the next follow-up above
    # it), the wish, what is agreed and what matters most in its brief: not again
    # among the answers.
    return [_answer_view(i) for i in items if not i.hidden and i.question.role not in _NOT_AGAIN]


def _relabelled(item: AnswerItem | None, label: str) -> AnswerView | None:
    if item is None:
        return None
    view = _answer_view(item)
    return dataclasses.replace(view, label=label)


def _proposals(proposals: Proposals, lang: str) -> ProposalsView:
    changes = [
        _relabelled(item, t(f"sheet_proposal_{key}", lang))
        for key, item in (
            ("hours", proposals.hours),
            ("tasks", proposals.tasks),
            ("aids", proposals.aids),
        )
    ]
    return ProposalsView(
        hard_now=_relabelled(proposals.hard_now, t("sheet_hard_now", lang)),
        job_functions=_relabelled(proposals.job_functions, t("sheet_job_functions", lang)),
        changes=[c for c in changes if c is not None],
        other=_shown(proposals.other),
    )


def _brief(brief: Brief, lang: str) -> BriefView | None:
    if brief.empty:
        return None

    def words(item: AnswerItem | None) -> str:
        return clean(item.words).strip() if item is not None else ""

    start, usual = words(brief.proposed_hours), words(brief.usual_hours)
    if start and usual:
        start = t("sheet_brief_start_of", lang, hours=start, usual=usual)
    duration = words(brief.duration)
    if duration and start:
        start = t("sheet_brief_start_duration", lang, start=start, duration=duration)
    elif duration:
        start = t("sheet_brief_duration", lang, duration=duration)
    return BriefView(
        wish=paragraphs(words(brief.wish)),
        start=start,
        eased=[
            EasedView(clean(c.label), clean(c.level), clean(brief_note(c))) for c in brief.eased
        ],
        agreed=paragraphs(words(brief.already_agreed)),
        most_important=paragraphs(words(brief.most_important)),
        plan_start=clean(brief.plan_start).strip(),
    )


def _console(
    console: ConsoleSection | None, lang: str, unagreed: frozenset[str] = frozenset()
) -> ConsoleView | None:
    if console is None or not console.items:
        return None
    low, high = clean(console.low), clean(console.high)
    labels = [clean(item.label) for item in console.items]
    width = max(len(label) for label in labels)
    channels = []
    for item, label in zip(console.items, labels, strict=True):
        scale, position = item.scale, item.position
        bar = fader_bar(position, scale, item.bad)
        height = 0.0 if position is None else round((position - 1) / (scale - 1), 4)
        bad_height = None if item.bad is None else round((item.bad - 1) / (scale - 1), 4)
        level = clean(item.level)
        note = clean(item.note).strip()
        channels.append(
            ChannelView(
                id=item.id,
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
                label_hyphenated=soft_hyphenated(label, lang, balanced=True),
                level_hyphenated=soft_hyphenated(level, lang, balanced=True),
                bad=item.bad,
                bad_height=bad_height,
                unagreed=item.id in unagreed,
            )
        )
    return ConsoleView(clean(console.title), clean(console.question), low, high, channels)


def _tools(overview: Overview) -> list[ToolView]:
    return [
        ToolView(
            tool.id,
            clean(tool.name),
            clean(tool.summary),
            clean(tool.source),
            [clean(r) for r in tool.reasons],
        )
        for tool in overview.suggested
    ]


def _agreements(overview: Overview) -> AgreementsView:
    steps = [
        NextStepView(
            # The plan row it belongs to goes with what is to be done, in every format.
            clean(
                f"{s.what} ({s.plan_ref})" if s.what and s.plan_ref else s.what or s.plan_ref
            ).strip(),
            clean(s.who).strip(),
            clean(s.by).strip(),
        )
        for s in overview.agreements.next_steps
    ]
    return AgreementsView(
        paragraphs(overview.agreements.notes), [s for s in steps if s.what or s.who or s.by]
    )


def _head(overview: Overview, role: str) -> str:
    item = overview.role(role)
    return clean(item.words).strip() if item is not None else ""


def _practical(overview: Overview, lang: str) -> list[HeadItemView]:
    return [
        HeadItemView(str(item.question.role), t(f"sheet_role_{item.question.role}", lang), text)
        for item in practical(overview)
        if (text := " ".join(clean(item.words).split()))
    ]


def _follow_up(after: AfterMeeting) -> FollowUpView | None:
    follow_up = after.follow_up
    if follow_up is None:
        return None
    what = clean(follow_up.step.what).strip() if follow_up.step is not None else ""
    return FollowUpView(clean(follow_up.when).strip(), what)


def _part(item: AnswerItem | None, label: str) -> AnswerView:
    view = _relabelled(item, label)
    return view if view is not None else AnswerView("", label, answered=False)


def _statement(statement: Statement, lang: str) -> StatementView:
    who = [
        HeadItemView(role, t(f"sheet_role_{role}", lang), " ".join(clean(item.words).split()))
        for role, item in (
            ("first_name", statement.first_name),
            *((str(i.question.role), i) for i in statement.workplace),
        )
        if item is not None
    ]
    hours = _part(statement.hours, t("sheet_proposal_hours", lang))
    if hours.answered and statement.usual_hours is not None:
        usual = clean(statement.usual_hours.words).strip()
        text = t("sheet_brief_start_of", lang, hours=hours.text, usual=usual)
        hours = AnswerView(hours.id, hours.label, True, text, [text])
    return StatementView(
        title=t("sheet_statement_title", lang),
        draft=t("sheet_statement_draft", lang),
        who=[w for w in who if w.text],
        hard_now=_part(statement.hard_now, t("sheet_hard_now", lang)),
        job_functions=_part(statement.job_functions, t("sheet_job_functions", lang)),
        changes=[
            hours,
            _part(statement.tasks, t("sheet_proposal_tasks", lang)),
            _part(statement.aids, t("sheet_proposal_aids", lang)),
            _part(statement.other, t("sheet_proposal_other_changes", lang)),
        ],
        duration=_part(statement.duration, t("sheet_proposal_duration", lang)),
        fill_in=t("sheet_statement_fill_in", lang),
    )


def _timeline(timeline: Timeline | None) -> TimelineView | None:
    if timeline is None:
        return None
    entries = [
        TimelineEntryView(
            e.id, e.kind, e.week, clean(e.when), clean(e.label), e.passed, clean(e.note)
        )
        for e in timeline.entries
    ]
    return TimelineView(
        clean(timeline.title), clean(timeline.first_day_line), clean(timeline.now_line), entries
    )


def sheet_strings(lang: str) -> dict[str, str]:
    """The sheet's fixed words in `lang`, keyed without the 'sheet_' prefix."""
    # The words every view shares (`words_…`) and the sheet's own (`sheet_…`).
    return {
        key.split("_", 1)[1]: t(key, lang)
        for key in strings()
        if key.startswith(("sheet_", "words_"))
    }


def build_view(
    session: Session,
    pack: Questionnaire,
    lang: str,
    audience: str = "jobcenter",
    *,
    today: dt.date | None = None,
    sheet: str = PREPARATION,
) -> SheetView:
    """The sheet of `session` in `lang` for `audience` ('jobcenter' or 'arbejdsgiver').

    `today`: the day the timeline is judged on when no conversation date is given
    (default: the clock's). `sheet`: the preparation sheet, or the mulighedserklæring's
    part 1 (`STATEMENT`), which is always the employer's: no answer about health.
    """
    if sheet == STATEMENT:
        audience = "arbejdsgiver"
    elif sheet != PREPARATION:
        raise ValueError(f"unknown sheet {sheet!r} (one of: {PREPARATION}, {STATEMENT})")
    viewer = sheet_viewer(audience)
    overview = build_overview(pack, session, viewer, lang)
    after = after_meeting(overview)
    timeline = build_timeline(
        pack, session, viewer, lang, today=today or dt.date.today(), seen=overview.disclosure
    )
    # A window that has closed (fast track after week 5) is no longer offered as advice.
    closed = timeline.closed if timeline is not None else frozenset()
    situation: list[AnswerView] = []
    sections: list[SectionView] = []
    own: list[AnswerView] = []
    proposals = build_proposals(overview)
    for step in overview.steps:
        answers = _shown(step.items)
        if proposals is not None and step.id == proposals.step.id:
            sections.append(
                SectionView(
                    step.id,
                    t("sheet_proposals", lang),
                    answers,
                    _proposals(proposals, lang),
                    t("sheet_proposals_lead", lang),
                )
            )
        elif step.place == "situation":
            situation += answers
        elif step.place == "own_questions":
            own += answers
        elif step.place == "answers" and answers:
            sections.append(SectionView(step.id, clean(step.title), answers))
    hours = _head(overview, "weekly_hours")
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
        if f.id not in closed
    ]
    return SheetView(
        lang=lang,
        audience=audience,
        title=clean(tr(pack.title, lang)),
        first_name=_head(overview, "first_name"),
        meeting_date=_head(overview, "meeting_date"),
        weekly_hours=t("sheet_weekly_hours", lang, hours=hours) if hours else "",
        situation=situation,
        console=_console(overview.console, lang, after.unagreed_ids),
        sections=sections,
        tools=[tool for tool in _tools(overview) if tool.id not in closed],
        own_questions=own,
        agreements=_agreements(overview),
        facts=facts,
        rules_line=t("sheet_rules", lang, date=format_date(latest, lang)) if latest else "",
        share_line=t("sheet_share", lang),
        t=sheet_strings(lang),
        timeline=_timeline(timeline),
        brief=_brief(build_brief(overview), lang),
        other_tools=[
            OtherToolView(tool.id, clean(tool.name), clean(one_line(tool)))
            # A tool dated by the fact of the same id goes with it once its window closed.
            for tool in overview.other_tools
            if tool.id not in closed
        ],
        practical=_practical(overview, lang),
        follow_up=_follow_up(after),
        sheet=sheet,
        statement=_statement(build_statement(overview), lang) if sheet == STATEMENT else None,
    )
