"""Scale: a generated pack of 1,000 questions in 100 steps, beside the shipped pack.

- check: whole-process `mixerpult check BIG.yaml`, beside `mixerpult check` of the
  shipped questions (each also compiles the shipped templates, as the command does).
- start-up: `mixerpult --questions BIG.yaml` to its first page interactive, beside
  `--questions` the shipped pack (the method of bench_startup.py).
- step to step: in-process and headless (`App.run_test()` at 100×40), "next"
  (Ctrl+N) pressed on every page from the first step to the last; for each press
  the clock runs from sending the key to the first paint of the next page with a
  widget focused (the page can take the next key). Before each press the app is
  left until nothing has been painted for two frames. The growth check compares
  the big pack with a small generated pack of the same shape (100 questions in
  10 steps, 10 a step): only the number of steps differs, so any difference is
  growth with pack size. The per-step figure of each is the median over blocks
  of BLOCK consecutive steps of the mean step in the block: the 100-step pack is
  walked BIG_WALKS times (20 blocks), the 10-step pack RUNS_STEPS times (5
  blocks). A walk of 100 steps takes about half a minute, so five of them would
  take the whole suite past its few minutes. The shipped pack is walked too
  (RUNS_STEPS times, with the example answers, so no required answer stops it);
  its steps are smaller, so it is shown for reference.

check and start-up: medians of RUNS runs, taking turns, after a warm-up each.

    .venv/bin/python benchmarks/bench_scale.py
"""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from _apps import SIZE, PaintWatch, send_key
from _common import (
    RUNS,
    SHIPPED_PACK,
    alternate,
    child_env,
    drive,
    example_answers,
    finish,
    generate_pack,
    isolate_this_process,
    python,
    report,
    sandbox,
    timed,
)

CHECK_LIMIT = 0.5
STARTUP_GOAL = 1.3
GROWTH_GOAL = 1.2
"""Per-step time in the 100-step pack at most this many times the 10-step pack's."""
RUNS_STEPS = 5
"""Walks of the small and the shipped pack."""
BIG_WALKS = 2
"""Walks of the 100-step pack: about half a minute each."""
BLOCK = 10
"""Per-step figures are medians over blocks of this many consecutive steps."""
QUIET = 2 / 60 + 0.002


async def walk(answers: Path, pack: Any) -> list[float]:
    """Seconds from each "next" to the following step painted and focused, first step to
    last (the mixerpult page, where the pack puts it, counts as a step)."""
    from mixerpult.tui.app import MixerpultApp

    app = MixerpultApp(answers, pack)
    pages = [p for p in app.flow.pages if p not in ("review", "finish")]
    times = []
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.go(pages[0])
        await pilot.pause()
        watch = PaintWatch(app)
        for page in pages[1:]:
            await watch.quiet(QUIET)

            def arrived(page: str = page) -> bool:
                screen = app.screen
                return getattr(screen, "page", None) == page and screen.focused is not None

            watch.when(arrived)
            start = time.monotonic()
            send_key(app, "ctrl+n")
            times.append(await watch.wait() - start)
        assert app.page == pages[-1], f"stopped on {app.page!r}"
    return times


def main(runs: int = RUNS) -> None:
    print(f"== scale (1,000 questions in 100 steps; median of {runs}, steps {RUNS_STEPS})")
    with sandbox() as home:
        env = child_env(home)
        big = generate_pack(home / "big.yaml", 1000, 100)
        small = generate_pack(home / "small.yaml", 100, 10)

        def check_big() -> list[float]:
            return list(timed(python("-m", "mixerpult", "check", str(big)), env))

        def check_shipped() -> list[float]:
            return list(timed(python("-m", "mixerpult", "check"), env))

        check_ours, check_anchor = alternate([check_big, check_shipped], runs)
        report("check, 1,000-question pack", check_ours[0], check_anchor[0], limit=CHECK_LIMIT)
        report("  CPU time of check", check_ours[1], check_anchor[1])

        def start(pack: Path, name: str) -> list[float]:
            return list(
                drive(["wizard", "--file", str(home / name), "--questions", str(pack)], env)
            )

        start_big, start_shipped = alternate(
            [lambda: start(big, "big.yaml.answers"), lambda: start(SHIPPED_PACK, "s.answers")],
            runs,
        )
        report("start-up, 1,000-question pack", start_big[0], start_shipped[0], STARTUP_GOAL)

        isolate_this_process(home)
        from mixerpult.packs import load_pack

        packs = {name: load_pack(path) for name, path in (("big", big), ("small", small))}
        packs["shipped"] = load_pack(SHIPPED_PACK)

        async def walks() -> dict[str, list[list[float]]]:
            found: dict[str, list[list[float]]] = {name: [] for name in packs}
            for run in range(-1, RUNS_STEPS):  # run -1: the warm-up (imports, CSS, caches)
                for name, pack in packs.items():
                    if name == "big" and not 0 <= run < BIG_WALKS:
                        continue
                    answers = home / f"walk-{name}-{run}.yaml"
                    if name == "shipped":
                        example_answers(answers)
                    times = await walk(answers, pack)
                    if run >= 0:
                        found[name].append(times)
            return found

        found = asyncio.run(walks())

    def blocks(name: str) -> list[float]:
        """Mean seconds a step in each block of BLOCK consecutive presses, every walk."""
        return [
            statistics.fmean(times[i : i + BLOCK])
            for times in found[name]
            for i in range(0, len(times), BLOCK)
        ]

    def per_step(name: str) -> float:
        return statistics.median(blocks(name)) * 1000

    def part(name: str, where: slice) -> float:
        return statistics.median(statistics.fmean(t[where]) for t in found[name]) * 1000

    presses = {name: len(found[name][0]) for name in found}
    report(
        "step to step, per step (100 vs 10 steps)",
        per_step("big"),
        per_step("small"),
        GROWTH_GOAL,
        "ms",
        note=f"median of {len(blocks('big'))} and {len(blocks('small'))} blocks of {BLOCK} steps",
    )
    report(
        "  last 10 vs first 10 steps (100 steps)",
        part("big", slice(-10, None)),
        part("big", slice(0, 10)),
        unit="ms",
    )
    report(
        "  100-step pack vs shipped pack",
        per_step("big"),
        statistics.median(statistics.fmean(t) for t in found["shipped"]) * 1000,
        unit="ms",
        note=f"shipped: {presses['shipped']} presses a walk, 1-10 questions a step",
    )
    whole = statistics.median(sum(t) for t in found["big"])
    report("  whole walk, step 1 to step 100", whole, None, note=f"{presses['big']} presses")


if __name__ == "__main__":
    main()
    finish()
