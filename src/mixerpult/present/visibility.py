"""Which questions are shown at all: one rule for every view, and the checker's.

A question is visible when its `visible_if` holds; the answer to a question that is
not visible reads as unanswered, so a question that depends on a hidden question
follows it (visibility is transitive). Questions are decided once, in the pack's
order; the checker refuses a condition on a later question, so nothing a
condition looks at is still undecided.
"""

from __future__ import annotations

from typing import Any

from mixerpult.answers import Session
from mixerpult.conditions import Facts, holds
from mixerpult.questionnaire import Questionnaire


def fader_facts(pack: Questionnaire, session: Session) -> dict[str, int]:
    """The fader positions conditions see: those on their channel's scale (one off it,
    from a hand edit, counts as not set, as every view shows it)."""
    mixer = pack.mixerpult
    if mixer is None:
        return {}
    positions: dict[str, int] = {}
    for channel in mixer.channels:
        position = mixer.on_scale(channel, session.fader(channel.id).position)
        if position is not None:
            positions[channel.id] = position
    return positions


def bad_day_facts(pack: Questionnaire, session: Session) -> dict[str, int]:
    """The bad-day ends conditions see, in a pack with ranges: those on their channel's
    scale, of a fader that is set; a channel missing here is one position on both days.
    """
    mixer = pack.mixerpult
    if mixer is None or not mixer.range:
        return {}
    ends: dict[str, int] = {}
    for channel in mixer.channels:
        setting = session.fader(channel.id)
        bad = mixer.on_scale(channel, setting.bad_day)
        if bad is not None and mixer.on_scale(channel, setting.position) is not None:
            ends[channel.id] = bad
    return ends


def visible(pack: Questionnaire, session: Session) -> frozenset[str]:
    """The ids of the questions shown now, given the answers so far."""
    answers: dict[str, Any] = {}
    facts = Facts(answers, fader_facts(pack, session), bad_day_facts(pack, session))
    shown: set[str] = set()
    for question in pack.questions.values():
        if holds(question.visible_if, facts):
            shown.add(question.id)
            value = session.answer(question.id)
            if value is not None:
                answers[question.id] = value
    return frozenset(shown)
