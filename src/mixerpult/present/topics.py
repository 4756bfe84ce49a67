"""What an agreed next step can be about: a channel of the console, a row of the plan.

The agreements page offers these to choose from, on the employee's own screen and on
a shared one; so they come from the viewer's overview, like everything else on a
screen: a plan the viewer does not see offers no rows (a step never points into it
there), and a channel is named as the console names it.
"""

from __future__ import annotations

from dataclasses import dataclass

from mixerpult.present.overview import Overview, plan_row_words


@dataclass(frozen=True)
class Topics:
    """The choices, each as (value stored, words shown), in the console's and plan's
    order: 'Række 2 i planen, uge 4'."""

    channels: tuple[tuple[str, str], ...]
    plan_rows: tuple[tuple[int, str], ...]


def step_topics(overview: Overview) -> Topics:
    """What `overview`'s viewer may tie a next step to."""
    console = overview.console
    channels = tuple((item.id, item.label) for item in console.items) if console else ()
    plan = overview.plan
    rows = []
    for number, cells in enumerate(plan.table if plan is not None else (), start=1):
        words = plan_row_words(number, cells[0] if cells else "", overview.lang)
        rows.append((number, words[:1].upper() + words[1:]))  # a choice of its own
    return Topics(channels, tuple(rows))
