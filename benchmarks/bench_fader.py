"""Fader response: from a key press to the fader's new position being painted.

In-process and headless (`App.run_test()` at 100×40). The wizard is opened on
a new answers file and taken straight to the mixerpult page, where the first
fader has the focus; the anchor is the minimal app with its bare `Input`
focused. Each run sends PRESSES key events the way a terminal would (through
the driver's queue): up/down alternately to the fader, so that every press
moves it, and "a" to the Input. For each press the clock runs from sending
the key to the first paint in which the widget was rendered with its new
value (`_apps.PaintWatch` + `RenderedValue`).

Not `pilot.press()` + `pilot.pause()`: Pilot waits for CPU idle in steps of
20 ms after every key, which would bury a figure of a few milliseconds.

Textual paints at most TEXTUAL_FPS frames a second (60 by default), and after
a paint its frame timer may sleep up to two frames before it can paint again;
a press in that window waits for the timer, whatever the app. So before each
press we wait until nothing has been painted for two frames, and this process
runs Textual at 240 frames a second (both apps alike): each press then costs
one paint, and the figure is the work the key causes, not the phase of the
frame timer (at 60 fps the same 2,000 presses would take over a minute of
waiting). At 60 fps a key that comes within two frames of the previous paint
waits up to 17 ms more, in either app. The wizard keeps its real autosave
(0.5 s throttle), which falls inside some presses as it would for a user.

Figure: the mean over PRESSES presses, median of RUNS runs. Also shown: the
p95 of the median run, and the time to the last paint a press causes (the
wizard writes the fader's level in words and the page status in a second
frame), median.

    .venv/bin/python benchmarks/bench_fader.py
"""

from __future__ import annotations

import asyncio
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

FPS = 240
# Before Textual is imported: its frame rate is a constant read at import time.
if "textual" in sys.modules:
    raise SystemExit("bench_fader.py must run in a process of its own (it sets TEXTUAL_FPS)")
os.environ["TEXTUAL_FPS"] = str(FPS)

from textual.widget import Widget  # noqa: E402

from _apps import SIZE, MinimalApp, PaintWatch, RenderedValue, send_key  # noqa: E402
from _common import SHIPPED_PACK, finish, isolate_this_process, report, sandbox  # noqa: E402

GOAL = 1.5
PRESSES = 200
RUNS = 5
QUIET = 2 / FPS + 0.002
"""No paint for two frames before a press: the screen's frame timer is then idle."""


async def _press_and_time(
    app: Any, widget: Widget, keys: list[str], expected: list[Any]
) -> list[tuple[float, float]]:
    """Press each key in turn. For each: seconds from sending it to the first paint of the
    `expected` value, and to the last paint it caused (the screen quiet again)."""
    watch = PaintWatch(app)
    rendered = RenderedValue(widget)
    timings = []
    for key, value in zip(keys, expected, strict=True):
        await watch.quiet(QUIET)

        def painted(value: Any = value) -> bool:
            return bool(rendered.value == value)

        watch.when(painted)
        start = time.monotonic()
        send_key(app, key)
        first = await watch.wait() - start
        await watch.quiet(QUIET)
        timings.append((first, watch.last_paint - start))
    return timings


async def wizard_run(
    home: Path, pack: Any, run: int, presses: int = PRESSES
) -> list[tuple[float, float]]:
    from mixerpult.tui.app import MixerpultApp
    from mixerpult.tui.widgets.fader import Fader

    app = MixerpultApp(home / f"answers-{run}.yaml", pack)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.go("mixerpult")
        await pilot.pause()
        fader = app.focused
        assert isinstance(fader, Fader), f"the focus is on {fader!r}, not a fader"
        await pilot.press("up")  # an unset fader first lands in the middle (3)
        await pilot.pause()
        start = fader.value
        keys = ["up" if i % 2 == 0 else "down" for i in range(presses)]
        expected = [start + 1 if i % 2 == 0 else start for i in range(presses)]
        latencies = await _press_and_time(app, fader, keys, expected)
        assert app.s.fader(fader.id.removeprefix("fader-")).position == start  # type: ignore[union-attr]
        await pilot.pause()
    return latencies


async def anchor_run(presses: int = PRESSES) -> list[tuple[float, float]]:
    from textual.widgets import Input

    app = MinimalApp()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.focused
        assert isinstance(field, Input)
        keys = ["a"] * presses
        expected = ["a" * (i + 1) for i in range(presses)]
        latencies = await _press_and_time(app, field, keys, expected)
        await pilot.pause()
    return latencies


def main(runs: int = RUNS) -> None:
    print(
        f"== fader response ({PRESSES} presses a run, median of {runs} runs, headless, {FPS} fps)"
    )
    with sandbox() as home:
        isolate_this_process(home)
        from mixerpult.packs import load_pack

        pack = load_pack(SHIPPED_PACK)

        Runs = list[list[tuple[float, float]]]

        async def all_runs() -> tuple[Runs, Runs]:
            await wizard_run(home, pack, -1, 20)  # warm-up: imports, CSS, caches
            await anchor_run(20)
            ours: Runs = []
            anchor: Runs = []
            for run in range(runs):
                ours.append(await wizard_run(home, pack, run))
                anchor.append(await anchor_run())
            return ours, anchor

        ours, anchor = asyncio.run(all_runs())

    def summary(runs_: list[list[tuple[float, float]]]) -> tuple[float, float, float]:
        firsts = [[first for first, _ in run] for run in runs_]
        means = [statistics.fmean(r) for r in firsts]
        middle = firsts[means.index(statistics.median_low(means))]
        p95 = statistics.quantiles(middle, n=20)[-1]
        settled = statistics.median(statistics.median(last for _, last in run) for run in runs_)
        return statistics.median(means) * 1000, p95 * 1000, settled * 1000

    ours_mean, ours_p95, ours_settled = summary(ours)
    anchor_mean, anchor_p95, anchor_settled = summary(anchor)
    report("key press to paint, mean (fader vs Input)", ours_mean, anchor_mean, GOAL, "ms")
    report("  p95 of the median run", ours_p95, anchor_p95, unit="ms")
    report(
        "  press to its last paint, median",
        ours_settled,
        anchor_settled,
        unit="ms",
        note="the wizard paints the level words and the status in a second frame",
    )


if __name__ == "__main__":
    main()
    finish()
