"""Page change: from "next" to the next step's page painted with a question focused.

In-process and headless (`App.run_test()` at 100×40), 240 frames a second (both
apps alike, as in bench_fader.py: the frame timer's phase would otherwise add up
to a frame of noise to either figure).

Ours: the wizard on the page before a step; Ctrl+N ("next") is sent the way a
terminal delivers it, and the clock runs from sending it to the first paint of
the step's page with a widget focused (the page can take the next key). Then
Escape goes back (untimed) and the next press is timed again. Before each press
the script waits READING seconds (0.5; BENCH_READING sets it), as a user reads a
page before "next": the wizard builds the next step's page in that time
(`tui/ahead.py`), the anchor has nothing to do. What that costs is shown too: the
CPU time of this process over a whole round (reading, "next", the page shown,
Escape and the page before shown again), which holds every page built, ahead or
not, and every collection. Two steps:

- the shipped pack's largest step (most questions), with the example answers,
  so that its fields are filled as a returning user's are;
- a step of 10 questions of a generated pack (`generate_pack`: six question
  types, the tenth question shown only once the ninth is answered), on a new
  answers file.

Anchor: the page change Textual itself needs for such a page. A bare Textual app
whose screen is a Header, a VerticalScroll holding one Label + Static +
Input (a TextArea for a long_text question) per question of the same step, with
the same label and help texts, two Buttons and a Footer; a key switches to a new
such screen, timed to its first paint with a widget focused the same way. It runs
in a process of its own (`bench_pages.py --anchor`, the fields on stdin), which
imports Textual and not mixerpult: a bare app's heap, so that its cycle
collections scan what a bare app's would, not the wizard's modules and pack.

Runs take turns (ours, anchor, ours, …), one untimed warm-up of each; each run
times PRESSES presses after one untimed one; figure: the mean of a run, median
of RUNS runs.

    .venv/bin/python benchmarks/bench_pages.py
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

FPS = 240
# Before Textual is imported: its frame rate is a constant read at import time.
if "textual" in sys.modules:
    raise SystemExit("bench_pages.py must run in a process of its own (it sets TEXTUAL_FPS)")
os.environ["TEXTUAL_FPS"] = str(FPS)

from textual.app import App, ComposeResult  # noqa: E402
from textual.binding import Binding  # noqa: E402
from textual.containers import Horizontal, VerticalScroll  # noqa: E402
from textual.screen import Screen  # noqa: E402
from textual.widgets import Button, Footer, Header, Input, Label, Static, TextArea  # noqa: E402

from _apps import SIZE, PaintWatch, send_key  # noqa: E402
from _common import (  # noqa: E402
    SHIPPED_PACK,
    example_answers,
    finish,
    generate_pack,
    isolate_this_process,
    report,
    sandbox,
)

GOAL = 1.3
PRESSES = 5
RUNS = 5
READING = float(os.environ.get("BENCH_READING", "0.5"))
"""Seconds the page before is shown before "next" is pressed."""
QUIET = 2 / FPS + 0.002
"""No paint for two frames before a press: the screen's frame timer is then idle."""

Field = tuple[str, str, bool]
"""One question of the anchor's page: label, help, whether it is a long text."""


# -- the anchor -------------------------------------------------------------------


class AnchorPage(Screen[None]):
    """Header, a scroll of Label + Static + Input/TextArea per question, two Buttons, Footer."""

    BINDINGS: ClassVar[list[Any]] = [
        Binding("ctrl+n", "app.flip", "Next"),
        Binding("escape", "app.flip", "Back"),
    ]

    def __init__(self, page: str, fields: list[Field]) -> None:
        super().__init__()
        self.page = page
        self.fields = fields

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll():
            for label, help_text, long in self.fields:
                yield Label(label)
                yield Static(help_text)
                yield TextArea() if long else Input()
        with Horizontal(classes="nav"):
            yield Button("Back")
            yield Button("Next", variant="primary")
        yield Footer()


class AnchorApp(App[None]):
    CSS = """
    .nav { height: auto; }
    TextArea { height: 6; }
    """

    def __init__(self, fields: list[Field]) -> None:
        super().__init__()
        self.fields = fields
        self.turn = 0

    def on_mount(self) -> None:
        self.push_screen(AnchorPage("before", self.fields))

    def action_flip(self) -> None:
        self.turn += 1
        self.switch_screen(AnchorPage("step" if self.turn % 2 else "before", self.fields))


# -- timing -------------------------------------------------------------------------


def cpu() -> float:
    return time.process_time()


async def press_and_time(pilot: Any, page: str) -> tuple[float, float]:
    """Seconds from Ctrl+N to the first paint of `page` with a widget focused, then
    Escape back (untimed); and the CPU seconds this process spent over the round."""
    app = pilot.app
    watch = PaintWatch(app)

    def arrived(page: str = page) -> bool:
        screen = app.screen
        return getattr(screen, "page", None) == page and screen.focused is not None

    used = cpu()
    await asyncio.sleep(READING)
    await watch.quiet(QUIET)
    watch.when(arrived)
    start = time.monotonic()
    send_key(app, "ctrl+n")
    wall = await watch.wait() - start
    before = getattr(app.screen, "page", None)
    # Let the page finish what it started after its first paint (the Header's title is
    # set by a callback that fails on a screen already gone), untimed.
    await pilot.pause()
    await watch.quiet(QUIET)

    def back() -> bool:
        return getattr(app.screen, "page", None) != before and app.screen.focused is not None

    watch.when(back)
    send_key(app, "escape")
    await watch.wait()
    await pilot.pause()
    return wall, cpu() - used


async def timed_run(
    app: App[Any], start: Callable[[], Awaitable[None]], page: str, presses: int
) -> list[float]:
    """[mean seconds, mean CPU seconds of a round] of `presses` presses (after one
    untimed one)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await start()
        await pilot.pause()
        await press_and_time(pilot, page)
        times = [await press_and_time(pilot, page) for _ in range(presses)]
    return [statistics.fmean(t[0] for t in times), statistics.fmean(t[1] for t in times)]


def fields_of(step: Any, lang: str = "da") -> list[Field]:
    from mixerpult.questionnaire import tr

    return [
        (tr(q.label, lang), tr(q.help, lang) if q.help else "", q.type == "long_text")
        for q in step.questions
    ]


def main(runs: int = int(os.environ.get("BENCH_RUNS", RUNS))) -> None:
    print(f"== page change (median of {runs} runs of {PRESSES} presses, headless, 100×40)")
    with sandbox() as home:
        isolate_this_process(home)
        generated = generate_pack(home / "ten.yaml", 100, 10)

        from mixerpult.packs import load_pack
        from mixerpult.tui.app import MixerpultApp

        shipped = load_pack(SHIPPED_PACK)
        ten = load_pack(generated)
        largest = max(shipped.steps, key=lambda s: len(s.questions))
        cases = [
            ("shipped", shipped, largest, f"shipped pack's largest step ({largest.id})"),
            ("ten", ten, ten.steps[4], "10-question step, generated pack"),
        ]
        counter = iter(range(1_000_000))

        def ours(name: str, pack: Any, step: Any) -> Callable[[int], list[float]]:
            def run(presses: int) -> list[float]:
                answers = home / f"{name}-{next(counter)}.yaml"
                if name == "shipped":
                    example_answers(answers)
                app = MixerpultApp(answers, pack, lock=False)
                before = app.flow.previous(step.id)
                assert before is not None

                async def start() -> None:
                    app.go(before)

                return asyncio.run(timed_run(app, start, step.id, presses))

            return run

        def anchor(step: Any) -> Callable[[int], list[float]]:
            fields = fields_of(step)

            def run(presses: int) -> list[float]:
                child = subprocess.run(
                    [sys.executable, __file__, "--anchor", str(presses)],
                    input=json.dumps(fields),
                    capture_output=True,
                    text=True,
                    check=True,
                )
                figures: list[float] = json.loads(child.stdout)
                return figures

            return run

        actions = []
        for name, pack, step, _label in cases:
            actions += [ours(name, pack, step), anchor(step)]
        for action in actions:  # warm-up: imports, CSS, caches
            action(1)
        samples: list[list[list[float]]] = [[] for _ in actions]
        for _ in range(runs):
            for i, action in enumerate(actions):
                samples[i].append(action(PRESSES))
    figures = [[statistics.median(column) for column in zip(*s, strict=True)] for s in samples]
    for index, (_name, _pack, step, label) in enumerate(cases):
        mine, bare = figures[2 * index], figures[2 * index + 1]
        count = len(step.questions)
        note = f"{count} questions"
        report(f"next to page, {label}", mine[0] * 1000, bare[0] * 1000, GOAL, "ms", note=note)
        report("  CPU time of a whole round", mine[1] * 1000, bare[1] * 1000, unit="ms")


def anchor_child(presses: int) -> None:
    """The anchor's runs, in this process of its own: fields on stdin, figures on stdout."""
    fields = [tuple(field) for field in json.load(sys.stdin)]

    async def start() -> None:
        pass

    print(json.dumps(asyncio.run(timed_run(AnchorApp(fields), start, "step", presses))))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--anchor"]:
        anchor_child(int(sys.argv[2]))
    else:
        main()
        finish()
