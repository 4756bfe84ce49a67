"""The questionnaire model: steps, questions, the mixerpult, tools and facts.

Everything a user sees is data from a YAML pack; this module only validates
its shape and offers the queries the wizard and the sheet need.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Literal

from mixerpult.conditions import Condition
from mixerpult.model import Frozen, Pydantic

Ident = Annotated[str, Pydantic("StringConstraints", pattern=r"^[a-z][a-z0-9_]*$", max_length=64)]
Text = dict[str, str]
"""A user-visible string: language code -> text."""

QUESTION_TYPES = ("text", "long_text", "number", "choice", "multi_choice", "yes_no", "date", "plan")
SHEET_PLACES = ("situation", "answers", "own_questions", "none")
ROLE_TYPES: dict[str, tuple[str, ...]] = {
    # role: the question types that can play it
    "first_name": ("text",),  # the sheet's head
    "meeting_date": ("date",),  # the sheet's head
    "weekly_hours": ("number",),  # the sheet's head
    "first_sick_day": ("date",),  # dates the facts' timeline
    "wish": ("text", "long_text"),  # the brief: what the employee wants
    "proposed_hours": ("number",),  # the brief and the proposals: hours a week to start
    "already_agreed": ("text", "long_text"),  # the brief: agreed with the workplace
    "most_important": ("text", "long_text"),  # the brief: what matters most
    "hard_now": ("text", "long_text"),  # the proposals (mulighedserklæring part 1)
    "job_functions": ("text", "long_text"),  # the proposals: job functions affected
    "proposed_tasks": ("text", "long_text"),  # the proposals: changes to the tasks
    "proposed_aids": ("text", "long_text"),  # the proposals: aids and adaptations
    "proposed_other": ("text", "long_text"),  # the proposals: other changes
    "expected_duration": ("text", "long_text", "choice"),  # the proposals: how long
    "job_title": ("text",),  # the sheet's head: the practical questions
    "workplace": ("text",),  # the sheet's head
    "nearest_leader": ("text",),  # the sheet's head
    "employer_contact": ("choice", "yes_no"),  # the head: may the municipality call
    "round_table": ("choice", "yes_no"),  # the head: a wish for a rundbordssamtale
    "companion": ("choice", "yes_no", "text"),  # the head: a bisidder
    "interpreter": ("choice", "yes_no", "text"),  # the head: an interpreter
    "meeting_energy": ("text", "long_text", "choice"),  # the head: length, breaks
    "next_follow_up": ("date",),  # the top of the review and the sheet, after it
}
ROLES = tuple(ROLE_TYPES)
HEAD_ROLES = ("first_name", "meeting_date", "weekly_hours")
"""The roles printed in the sheet's head (and on it even from a step "only for you")."""
# Pages of the wizard that are not steps of a pack; a step may not take their names,
# since the answers file records the page the user was on by this id.
CONSOLE = "mixerpult"
"""The page of the console among the steps (`Questionnaire.pages`)."""
RESERVED_STEP_IDS = ("welcome", "mixerpult", "review", "walkthrough", "agreements", "finish")


def tr(text: Text | None, lang: str, fallback: str = "da") -> str:
    """`text` in `lang`, else in the fallback language, else any; '' for None."""
    if not text:
        return ""
    return text.get(lang) or text.get(fallback) or next(iter(text.values()), "")


def _known_role(role: str) -> str:
    # Checked against the table when validating, not as a Literal, so that a new role
    # is one line of ROLE_TYPES; reported like a Literal's error, with a did-you-mean.
    # Only the checker calls this, so pydantic is imported only there.
    if role not in ROLE_TYPES:
        from pydantic_core import PydanticCustomError

        expected = ", ".join(f"'{r}'" for r in ROLE_TYPES)
        raise PydanticCustomError(
            "literal_error", "Input should be {expected}", {"expected": expected}
        )
    return role


Role = Annotated[str, Pydantic("AfterValidator", _known_role)]
# Constraints the checker enforces, as pydantic reads them from `field(metadata=...)`.
_NOT_EMPTY: dict[str, Any] = {"min_length": 1}


class _Model(Frozen):
    __slots__ = ()


@dataclass(frozen=True, kw_only=True, slots=True)
class Option(_Model):
    id: Ident
    label: Text


@dataclass(frozen=True, kw_only=True, slots=True)
class _QuestionBase(_Model):
    id: Ident
    label: Text
    help: Text | None = None
    required: Literal["hard", "soft"] | None = None
    error: Text | None = None
    health: bool = False
    visible_if: Condition | None = None
    role: Role | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class TextQuestion(_QuestionBase):
    type: Literal["text", "long_text"]
    max_length: int | None = field(default=None, metadata={"gt": 0})


@dataclass(frozen=True, kw_only=True, slots=True)
class NumberQuestion(_QuestionBase):
    type: Literal["number"]
    min: float | None = None
    max: float | None = None
    unit: Text | None = None


@dataclass(frozen=True, kw_only=True, slots=True)
class ChoiceQuestion(_QuestionBase):
    type: Literal["choice", "multi_choice"]
    options: list[Option] = field(metadata=_NOT_EMPTY)


@dataclass(frozen=True, kw_only=True, slots=True)
class PlainQuestion(_QuestionBase):
    type: Literal["yes_no", "date"]


@dataclass(frozen=True, kw_only=True, slots=True)
class PlanQuestion(_QuestionBase):
    """A return plan: rows of from week (or date), hours a week, days, what is eased."""

    type: Literal["plan"]
    hours_channel: Ident | None = None
    """The console's channel for working hours: where it stands suggests the first
    row's hours when the plan is opened empty and no start is proposed."""


Question = Annotated[
    TextQuestion | NumberQuestion | ChoiceQuestion | PlainQuestion | PlanQuestion,
    Pydantic("Discriminator", "type"),
]


@dataclass(frozen=True, kw_only=True, slots=True)
class Step(_Model):
    id: Ident
    title: Text
    intro: Text | None = None
    sheet: Literal["situation", "answers", "own_questions", "none"] = "answers"
    questions: list[Question] = field(default_factory=list)


@dataclass(frozen=True, kw_only=True, slots=True)
class Channel(_Model):
    id: Ident
    label: Text
    help: Text | None = None
    scale: int | None = None
    levels: list[Text] | None = None
    """Words for this channel's own positions, low to high; else the mixerpult's."""
    note: bool = True
    health: bool = False


@dataclass(frozen=True, kw_only=True, slots=True)
class Mixerpult(_Model):
    after: Ident | None = None
    title: Text
    question: Text
    help: Text | None = None
    low: Text
    high: Text
    scale: int = 5
    levels: list[Text] | None = None
    note_label: Text | None = None
    channels: list[Channel] = field(metadata=_NOT_EMPTY)
    range: bool = False
    """Each channel may hold a range: its position on a good day and on a bad day."""

    def scale_of(self, channel: Channel) -> int:
        """The number of positions on `channel`'s fader."""
        return channel.scale or self.scale

    def on_scale(self, channel: Channel, position: int | None) -> int | None:
        """`position` if `channel`'s fader has it; None if not, as for a fader not set.

        A saved position can be off the scale: a file edited by hand, or a pack whose
        scale was made shorter. It is kept in the file and shown as not set.
        """
        if position is None or not 1 <= position <= self.scale_of(channel):
            return None
        return position

    def level(self, channel: Channel, position: int | None, lang: str) -> str:
        """The position in words, e.g. 'Noget skånebehov' (or '3/5' without levels
        that fit the channel's scale); '' for a fader not set or off the scale.

        The channel's own levels come first, then the mixerpult's if there are as
        many as the channel has positions."""
        position = self.on_scale(channel, position)
        if position is None:
            return ""
        scale = self.scale_of(channel)
        for levels in (channel.levels, self.levels):
            if levels and len(levels) == scale:
                return tr(levels[position - 1], lang)
        return f"{position}/{scale}"


@dataclass(frozen=True, kw_only=True, slots=True)
class Tool(_Model):
    id: Ident
    name: Text
    summary: Text
    suggest_if: Condition | None = None
    source: str


TIMELINE_KINDS = ("by", "until", "at")
"""How a timeline mark reads: a deadline ("senest"), a window that closes ("til og
med"; no advice after it), or a point in time (a date, no more)."""


@dataclass(frozen=True, kw_only=True, slots=True)
class TimelineMark(_Model):
    """Where a fact falls on the sick leave's timeline, counted from the first sick day.

    Week N ends on day 7·N, the first sick day being day 1: so "within the first 5
    weeks" and "by the end of week 8" are week 5 and week 8, and "4 weeks after the
    first sick day" is week 4, one day early, which is the safe side for a deadline.
    The range of `week` is checked by the checker (`mixerpult check`).
    """

    week: int = field(metadata={"strict": True})  # strict: YAML's `yes` is no week
    kind: Literal["by", "until", "at"]
    label: Text
    """A short name for the timeline, e.g. 'Sygefraværssamtale med din arbejdsgiver'."""


@dataclass(frozen=True, kw_only=True, slots=True)
class LegalFact(_Model):
    id: Ident
    timeline: TimelineMark | None = None
    text: Text
    source: str
    checked: dt.date


# Not slots: `cached_property` keeps its value in the instance's __dict__.
@dataclass(frozen=True, kw_only=True)
class Questionnaire(_Model):
    format: Literal[1]
    id: Ident
    version: str
    languages: list[str] = field(metadata=_NOT_EMPTY)
    title: Text
    intro: Text | None = None
    audiences: dict[Literal["jobcenter", "arbejdsgiver"], Text] | None = None
    """Who each version of the sheet is for, in the pack's words (else the program's)."""
    steps: list[Step] = field(metadata=_NOT_EMPTY)
    mixerpult: Mixerpult | None = None
    tools: list[Tool] = field(default_factory=list)
    facts: list[LegalFact] = field(default_factory=list)
    content_hash: str = field(default="", metadata={"exclude": True})
    """The pack file's fingerprint (`content_hash`), set by whoever read the file."""

    @cached_property
    def questions(self) -> dict[str, Question]:
        """Every question by id, in questionnaire order."""
        return {q.id: q for step in self.steps for q in step.questions}

    @cached_property
    def step_of(self) -> dict[str, Step]:
        """The step that holds each question id."""
        return {q.id: step for step in self.steps for q in step.questions}

    @cached_property
    def channels(self) -> dict[str, Channel]:
        """The mixerpult's channels by id."""
        return {c.id: c for c in self.mixerpult.channels} if self.mixerpult else {}

    @cached_property
    def pages(self) -> list[str]:
        """The steps' ids in order, with `CONSOLE` where the console is shown: after the
        step `mixerpult.after`, else last."""
        pages = [step.id for step in self.steps]
        if self.mixerpult is not None:
            after = self.mixerpult.after
            pages.insert(pages.index(after) + 1 if after in pages else len(pages), CONSOLE)
        return pages

    def step(self, step_id: str) -> Step:
        """The step with id `step_id` (KeyError if none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    def by_role(self, role: str) -> Question | None:
        """The question that plays `role` (one of `ROLES`)."""
        return next((q for q in self.questions.values() if q.role == role), None)


def content_hash(raw: bytes) -> str:
    """A stable fingerprint of a pack file, stored with the answers."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()
