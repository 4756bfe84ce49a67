"""The conversation itself: its practical side, and what is left open after it.

Before the meeting, the practical questions (job, workplace, nearest manager, whether
the municipality may contact the employer, a round-table meeting, a companion, an
interpreter, the energy the employee has for the meeting) go in the sheet's head.
After it, the review and the sheet show the next follow-up date at the top, and mark
each channel that needs easing and that no agreed step is about.

All of it is built from an `Overview`, so each viewer sees only what the overview
shows them (a private answer is not in any head). The questions are found by role.
"""

from __future__ import annotations

from dataclasses import dataclass

from mixerpult.present.overview import AnswerItem, ChannelItem, NextStepItem, Overview

PRACTICAL_ROLES = (
    "job_title",
    "workplace",
    "nearest_leader",
    "employer_contact",
    "round_table",
    "companion",
    "interpreter",
    "meeting_energy",
)
"""The practical questions printed in the sheet's head, in this order."""
FOLLOW_UP_ROLE = "next_follow_up"
"""The question of the next follow-up's date (shown at the top, not among the answers)."""


def practical(overview: Overview) -> tuple[AnswerItem, ...]:
    """The answered practical questions `overview`'s viewer sees, in `PRACTICAL_ROLES`'
    order."""
    items = (overview.role(role) for role in PRACTICAL_ROLES)
    return tuple(item for item in items if item is not None and item.answered)


def needs_easing(channel: ChannelItem) -> bool:
    """A channel set on the Skånebehov half of its scale (below its middle)."""
    return channel.position is not None and 2 * channel.position < channel.scale + 1


@dataclass(frozen=True)
class FollowUp:
    """When the next follow-up is: the own question's date, else the first dated step."""

    when: str
    """The date in words."""
    step: NextStepItem | None = None
    """The agreed step it comes from (None: from the question)."""


@dataclass(frozen=True)
class AfterMeeting:
    """What the review and the sheet show once something is agreed at the meeting."""

    follow_up: FollowUp | None
    unagreed: tuple[ChannelItem, ...]
    """Channels that need easing with no agreed step about them, in the console's order
    (empty before the meeting: nothing is agreed yet, so nothing is missing)."""

    @property
    def unagreed_ids(self) -> frozenset[str]:
        return frozenset(channel.id for channel in self.unagreed)

    @property
    def empty(self) -> bool:
        return self.follow_up is None and not self.unagreed


def held(overview: Overview) -> bool:
    """Whether the meeting has left anything agreed (notes or a next step)."""
    agreements = overview.agreements
    return bool(agreements.notes) or any(not step.empty for step in agreements.next_steps)


def next_follow_up(overview: Overview) -> FollowUp | None:
    """The next follow-up date the viewer sees, or None."""
    own = overview.role(FOLLOW_UP_ROLE)
    if own is not None and own.answered:
        return FollowUp(own.words)
    dated = [step for step in overview.agreements.next_steps if step.date is not None]
    if not dated:
        return None
    first = min(dated, key=lambda step: (step.date, step.index))
    return FollowUp(first.by, first)


def after_meeting(overview: Overview) -> AfterMeeting:
    """The follow-up date and the channels left open, as `overview`'s viewer sees them."""
    follow_up = next_follow_up(overview)
    console = overview.console
    if console is None or not held(overview):
        return AfterMeeting(follow_up, ())
    about = {step.channel for step in overview.agreements.next_steps if not step.empty}
    unagreed = tuple(c for c in console.items if needs_easing(c) and c.id not in about)
    return AfterMeeting(follow_up, unagreed)
