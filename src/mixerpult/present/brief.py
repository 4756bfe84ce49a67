"""What a caseworker reads first: the brief, the proposals, every tool in a line.

A follow-up conversation is short. The sheet opens with "Kort fortalt" (in brief):
what the employee wants, the proposed start, the channels that need the most easing
with their notes, the return plan's first row, what is already agreed with the
workplace and what matters most. The answers about work are then set out as part 1
of the mulighedserklæring is (what is hard now, which job functions it affects,
proposals: hours, tasks, aids, other, how long), and every tool of the pack appears,
the ones not suggested in one line. The same answers also make a sheet of their own:
a draft of that part 1 (`Statement`), for employer and employee to fill in together.
The questions are found by their `role` in the pack, never by their ids. All of it
is built from an `Overview`, so it shows only what that overview's viewer sees (the
employer's brief has no answer about health in it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mixerpult.present.overview import AnswerItem, ChannelItem, Overview, StepSection, ToolItem
from mixerpult.present.words import shortened

BRIEF_ROLES = ("wish", "already_agreed", "most_important")
"""Answers printed in the brief only: the sheet does not print them again."""
PROPOSAL_ROLES = (
    "hard_now",
    "job_functions",
    "proposed_hours",
    "proposed_tasks",
    "proposed_aids",
    "expected_duration",
)
"""Answers that make the parts of the proposals. (`proposed_other` is not one: on the
preparation sheet it stays under its own question, among the step's other answers.)"""
MOST_EASED = 3
"""How many channels the brief names at most."""
BRIEF_NOTE = 160
"""The longest channel note the brief quotes in full (it is in full under the console)."""


@dataclass(frozen=True)
class Brief:
    """The sheet's "Kort fortalt": each part None (or empty) when not answered or not seen."""

    wish: AnswerItem | None
    proposed_hours: AnswerItem | None
    usual_hours: AnswerItem | None
    """The usual weekly hours, beside the proposed start ("12 of normally 37")."""
    duration: AnswerItem | None
    """How long the changes are expected to last, after the proposed start."""
    eased: tuple[ChannelItem, ...]
    """The channels that need the most easing, lowest first."""
    already_agreed: AnswerItem | None
    most_important: AnswerItem | None
    plan_start: str = ""
    """The return plan's first row in words ('Fra uge 1: 12 timer om ugen'), '' if none."""

    @property
    def empty(self) -> bool:
        parts = (
            self.wish,
            self.proposed_hours,
            self.duration,
            self.already_agreed,
            self.most_important,
        )
        return not self.eased and not self.plan_start and all(p is None for p in parts)


@dataclass(frozen=True)
class Proposals:
    """One step's answers as part 1 of the mulighedserklæring sets them out."""

    step: StepSection
    hard_now: AnswerItem | None
    job_functions: AnswerItem | None
    hours: AnswerItem | None
    tasks: AnswerItem | None
    aids: AnswerItem | None
    other: tuple[AnswerItem, ...]
    """The step's other answers, in the pack's order (unanswered ones too)."""
    duration: AnswerItem | None = None
    """How long the changes are expected to last (on the preparation sheet in the
    brief, after the proposed start: a line there, not a part of its own)."""


def _answered(overview: Overview, role: str) -> AnswerItem | None:
    item = overview.role(role)
    return item if item is not None and item.answered else None


def most_eased(overview: Overview, limit: int = MOST_EASED) -> tuple[ChannelItem, ...]:
    """The channels set lowest, below the top of their scale, at most `limit`; on a tie,
    in the console's order."""
    console = overview.console
    if console is None:
        return ()
    below_top = [c for c in console.items if c.position is not None and c.position < c.scale]
    ranked = sorted(enumerate(below_top), key=lambda ic: (ic[1].position, ic[0]))
    return tuple(c for _i, c in ranked[:limit])


def brief_note(channel: ChannelItem) -> str:
    """A channel's note as the brief quotes it: at a glance, a long one shortened."""
    return shortened(channel.note, BRIEF_NOTE) if channel.note.strip() else ""


def build_brief(overview: Overview) -> Brief:
    """The brief of what `overview`'s viewer sees."""
    return Brief(
        wish=_answered(overview, "wish"),
        proposed_hours=_answered(overview, "proposed_hours"),
        usual_hours=_answered(overview, "weekly_hours"),
        duration=_answered(overview, "expected_duration"),
        eased=most_eased(overview),
        already_agreed=_answered(overview, "already_agreed"),
        most_important=_answered(overview, "most_important"),
        plan_start=plan_start(overview),
    )


def plan_start(overview: Overview) -> str:
    """The first row of the return plan the viewer sees, in words ('' if none)."""
    plan = overview.plan
    lines = plan.words.strip().splitlines() if plan is not None else []
    return lines[0] if lines else ""


def build_proposals(overview: Overview) -> Proposals | None:
    """The proposals, from the step that holds the questions with proposal roles (the
    first such step), or None when the pack has none of them."""
    for step in overview.steps:
        roles = {item.question.role: item for item in step.items if not item.hidden}
        if not any(role in roles for role in PROPOSAL_ROLES):
            continue
        other = tuple(
            i
            for i in step.items
            if not i.hidden and i.question.role not in (*PROPOSAL_ROLES, *BRIEF_ROLES)
        )
        return Proposals(
            step,
            hard_now=roles.get("hard_now"),
            job_functions=roles.get("job_functions"),
            hours=roles.get("proposed_hours"),
            tasks=roles.get("proposed_tasks"),
            aids=roles.get("proposed_aids"),
            other=other,
            duration=roles.get("expected_duration"),
        )
    return None


@dataclass(frozen=True)
class Statement:
    """A draft of part 1 of the mulighedserklæring, which employer and employee fill in
    together: each part None when not answered (a line to fill in by hand) or not seen.

    It is built from the employer's overview, so no answer about health is in it; part 2
    is the doctor's, and no diagnosis is asked for anywhere.
    """

    first_name: AnswerItem | None
    workplace: tuple[AnswerItem, ...]
    """Job title, workplace and nearest manager, those answered."""
    hard_now: AnswerItem | None
    job_functions: AnswerItem | None
    hours: AnswerItem | None
    usual_hours: AnswerItem | None
    tasks: AnswerItem | None
    aids: AnswerItem | None
    other: AnswerItem | None
    duration: AnswerItem | None


STATEMENT_HEAD_ROLES = ("job_title", "workplace", "nearest_leader")
"""Who and where: the practical answers the mulighedserklæring's head repeats."""


def build_statement(overview: Overview) -> Statement:
    """The mulighedserklæring's part 1 from what `overview`'s viewer sees (the employer's
    overview: no answer about health)."""
    head = (_answered(overview, role) for role in STATEMENT_HEAD_ROLES)
    return Statement(
        first_name=_answered(overview, "first_name"),
        workplace=tuple(item for item in head if item is not None),
        hard_now=_answered(overview, "hard_now"),
        job_functions=_answered(overview, "job_functions"),
        hours=_answered(overview, "proposed_hours"),
        usual_hours=_answered(overview, "weekly_hours"),
        tasks=_answered(overview, "proposed_tasks"),
        aids=_answered(overview, "proposed_aids"),
        other=_answered(overview, "proposed_other"),
        duration=_answered(overview, "expected_duration"),
    )


# A sentence ends at . ! or ? before a space and a capital letter (so "f.eks. en"
# and "§ 56-aftale" do not end one).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])")


def first_sentence(text: str) -> str:
    """The first sentence of `text` (all of it when it has one)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0]


def one_line(tool: ToolItem) -> str:
    """A tool that is not suggested, in one line: its summary's first sentence."""
    return first_sentence(tool.summary)
