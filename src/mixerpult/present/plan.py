"""The return plan as one viewer may see it worked out: its first sketch and its checks.

Both draw on other answers (the usual weekly hours, a proposed start, the hours
channel), and the plan is edited on shared screens too (the walkthrough): so they
use only what the viewer sees. A private number of usual hours neither seeds a row
on the caseworker's screen nor shows through a warning there.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from mixerpult.answers import Session
from mixerpult.kinds.base import is_number
from mixerpult.kinds.plan import plan_warnings, seed_rows
from mixerpult.present.disclosure import Disclosure, disclose
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import PlanQuestion, Questionnaire


def _hours(pack: Questionnaire, session: Session, seen: Disclosure, role: str) -> float | None:
    question = pack.by_role(role)
    if question is None or not seen.shows(question.id):
        return None
    value = session.answer(question.id)
    return value if is_number(value) else None  # type: ignore[return-value]


def usual_hours(pack: Questionnaire, session: Session, viewer: Viewer) -> float | None:
    """The usual weekly hours (role `weekly_hours`), if answered and seen by `viewer`."""
    return _hours(pack, session, disclose(pack, session, viewer), "weekly_hours")


def first_sketch(
    pack: Questionnaire, session: Session, question: PlanQuestion, viewer: Viewer
) -> list[dict[str, Any]]:
    """Rows to start an empty plan with, from what `viewer` sees ([] if nothing)."""
    seen = disclose(pack, session, viewer)
    usual = _hours(pack, session, seen, "weekly_hours")
    proposed = _hours(pack, session, seen, "proposed_hours")
    position = scale = None
    mixer, cid = pack.mixerpult, question.hours_channel
    if mixer is not None and cid is not None and cid in seen.channels:
        channel = pack.channels[cid]
        position = mixer.on_scale(channel, session.fader(cid).position)
        scale = mixer.scale_of(channel)
    return seed_rows(usual, proposed, position, scale)


def warnings(
    pack: Questionnaire, session: Session, rows: Sequence[Any], viewer: Viewer, lang: str
) -> list[str]:
    """The plan's kind warnings for `viewer`, in `lang` (see `kinds.plan.plan_warnings`)."""
    return plan_warnings(rows, usual_hours(pack, session, viewer), lang)
