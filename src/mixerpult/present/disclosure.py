"""What one viewer may see of a session: the one place that decides it.

For each question the disclosure says `shown` (the answer is seen), `hidden` (the
question is seen, its answer is not: a screen says so, a sheet leaves it out) or
`absent` (not seen at all). An answer is withheld from a viewer when its sharing level
does not reach that viewer (`sharing_level`: everyone on the sheet, only the
municipality, only me; an answer about health is "only the municipality" until the
employee chooses), or when it is in a step "only for you" (`sheet: none`, but for a
question of the sheet's head). A channel's note follows its own level the same way.

A withheld answer must not show through anything else: a follow-up question, a
tool's suggestion or its reason. So every condition is judged on what the viewer
sees alone, in three values: a comparison on a withheld answer is *unknown*, and
only a condition that holds whatever the withheld answers are counts as holding
(`all`/`any`/`not` as in Kleene's logic). A follow-up shown only because the
private answer was "ja" is then absent; one shown because a shared answer was
"ja" stays, whatever the private answer is.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from mixerpult.answers import Level, Session
from mixerpult.conditions import AllOf, AnyOf, Compare, Condition, Facts, NotOf, compare_holds
from mixerpult.present.viewers import Viewer
from mixerpult.present.visibility import bad_day_facts, fader_facts, visible
from mixerpult.questionnaire import HEAD_ROLES, Channel, Question, Questionnaire, Tool

State = Literal["shown", "hidden", "absent"]
Subject = tuple[str, str]


def _judge(condition: Condition | None, facts: Facts, unknown: set[Subject]) -> bool | None:
    """`condition` in three values: True, False, or None when it depends on `unknown`."""
    if condition is None:
        return True
    if isinstance(condition, AllOf | AnyOf):
        children = condition.all if isinstance(condition, AllOf) else condition.any
        values = [_judge(c, facts, unknown) for c in children]
        decisive = isinstance(condition, AnyOf)  # True decides an `any`, False an `all`
        if decisive in values:
            return decisive
        return None if None in values else not decisive
    if isinstance(condition, NotOf):
        value = _judge(condition.not_, facts, unknown)
        return None if value is None else not value
    if condition.subject in unknown:
        return None
    return compare_holds(condition, facts)


def _reasons(condition: Condition, facts: Facts, unknown: set[Subject]) -> list[Compare]:
    """The comparisons, all on what the viewer sees, that make `condition` hold."""
    if isinstance(condition, AllOf):
        return [r for c in condition.all for r in _reasons(c, facts, unknown)]
    if isinstance(condition, AnyOf):
        return [
            r
            for c in condition.any
            if _judge(c, facts, unknown) is True
            for r in _reasons(c, facts, unknown)
        ]
    if isinstance(condition, NotOf):
        return []  # a negation gives no positive reason
    return [condition] if _judge(condition, facts, unknown) is True else []


@dataclass(frozen=True)
class Disclosure:
    """What `viewer` sees of one session."""

    viewer: Viewer
    states: dict[str, State]
    """Every question of the pack by id, in the pack's order."""
    channels: tuple[str, ...]
    """The channels this viewer sees, in the console's order."""
    notes: frozenset[str]
    """The channels whose note this viewer sees (a channel without notes has none)."""
    facts: Facts
    """The answers and fader positions this viewer sees: what conditions are judged on."""
    unknown: frozenset[Subject]
    """What this viewer cannot see: a condition that depends on it is not decided."""

    def state(self, question_id: str) -> State:
        return self.states.get(question_id, "absent")

    def shows(self, question_id: str) -> bool:
        return self.state(question_id) == "shown"

    def holds(self, condition: Condition | None) -> bool:
        """Whether `condition` holds on what this viewer sees, whatever else is true."""
        return _judge(condition, self.facts, set(self.unknown)) is True

    def reasons(self, condition: Condition) -> list[Compare]:
        """Why `condition` holds, from what this viewer sees only."""
        return _reasons(condition, self.facts, set(self.unknown))

    def suggested(self, tools: list[Tool]) -> list[Tool]:
        """The tools whose `suggest_if` holds for this viewer (a tool without one is
        listed, never suggested)."""
        return [t for t in tools if t.suggest_if is not None and self.holds(t.suggest_if)]


def sharing_level(question: Question, session: Session) -> Level:
    """Who the answer to `question` is shared with: the employee's choice, else "only
    the municipality" for an answer about health and "everyone" for any other."""
    chosen = session.chosen_level(question.id)
    if chosen is not None:
        return chosen
    return "municipality" if question.health else "everyone"


def note_level(channel: Channel, session: Session) -> Level:
    """Who the note of `channel` is shared with (defaults as for answers)."""
    chosen = session.chosen_note_level(channel.id)
    if chosen is not None:
        return chosen
    return "municipality" if channel.health else "everyone"


def withheld(question: Question, pack: Questionnaire, session: Session, viewer: Viewer) -> bool:
    """Whether `viewer` may not see the answer to `question`, whatever it is."""
    # A step "only for you" keeps its answers off every other view, but for the ones
    # with a role of the head (name, meeting date, weekly hours): those head the sheet.
    # Any other role (the brief's, the proposals') stays as private as its step.
    only_for_you = pack.step_of[question.id].sheet == "none" and question.role not in HEAD_ROLES
    if viewer.withholds_private and only_for_you:
        return True
    return not viewer.sees(sharing_level(question, session))


def disclose(pack: Questionnaire, session: Session, viewer: Viewer) -> Disclosure:
    """What `viewer` sees of `session`."""
    shown_now = visible(pack, session)
    channels = tuple(
        ch.id for ch in pack.channels.values() if not (viewer.withholds_health and ch.health)
    )
    unknown: set[Subject] = {("fader", cid) for cid in pack.channels if cid not in channels}
    positions = fader_facts(pack, session)
    bad = bad_day_facts(pack, session)
    answers: dict[str, Any] = {}
    facts = Facts(
        answers,
        {cid: p for cid, p in positions.items() if cid in channels},
        {cid: p for cid, p in bad.items() if cid in channels},
    )
    states: dict[str, State] = {}
    for question in pack.questions.values():
        # In the pack's order: a condition looks only at questions decided before it.
        seen = _judge(question.visible_if, facts, unknown)
        if seen is None or (seen and question.id not in shown_now):
            # Whether it is shown depends on what this viewer cannot see: so is its answer.
            states[question.id] = "absent"
            unknown.add(("answer", question.id))
        elif not seen:
            states[question.id] = "absent"  # not shown to anyone, and the viewer can tell
        elif withheld(question, pack, session, viewer):
            states[question.id] = "hidden"
            unknown.add(("answer", question.id))
        else:
            states[question.id] = "shown"
            value = session.answer(question.id)
            if value is not None:
                answers[question.id] = value
    notes = frozenset(
        cid
        for cid in channels
        if pack.channels[cid].note and viewer.sees(note_level(pack.channels[cid], session))
    )
    return Disclosure(viewer, states, channels, notes, facts, frozenset(unknown))
