"""Start-up: from process start to the wizard's first page being interactive.

Both apps run as child processes through `_drive.py`, headless at 100×40:
the wizard through its real command line (`mixerpult --file TMP/answers.yaml`),
the anchor as a minimal Textual app (Header, Label, Input, Footer). The figure
is the time from just before the child is spawned to the child's first paint
of a screen with a focused widget (the page is drawn and can take a key);
spawn-to-exit is shown as well, and a first start with an empty cache (the
validated pack is cached after the first start). Runs alternate between the two apps, one
untimed warm-up each, median of RUNS.

    .venv/bin/python benchmarks/bench_startup.py
"""

from __future__ import annotations

from _common import RUNS, alternate, child_env, drive, example_answers, finish, report, sandbox

GOAL = 1.3  # issue 16 (was 1.15, issue 6)


def main(runs: int = RUNS) -> None:
    print(f"== start-up (median of {runs}, headless, 100×40)")
    with sandbox() as home:
        env = child_env(home)
        new_file = home / "new-answers.yaml"  # never written: opening the wizard writes nothing
        resumed = example_answers(home / "example-answers.yaml")

        def wizard() -> list[float]:
            return list(drive(["wizard", "--file", str(new_file)], env))

        def wizard_resume() -> list[float]:
            return list(drive(["wizard", "--file", str(resumed)], env))

        def minimal() -> list[float]:
            return list(drive(["minimal"], env))

        # The warm-up leaves the validated pack in the cache, as any earlier start
        # would; a first start ever (or after the pack changed) reads and checks it.
        first_starts = iter(range(1_000_000))

        def wizard_first() -> list[float]:
            cache = home / f"empty-cache-{next(first_starts)}"
            return list(
                drive(["wizard", "--file", str(new_file)], {**env, "XDG_CACHE_HOME": str(cache)})
            )

        ours, ours_resume, ours_first, anchor = alternate(
            [wizard, wizard_resume, wizard_first, minimal], runs
        )
    report("start-up to first page interactive", ours[0], anchor[0], GOAL)
    report("  same, resuming the example answers", ours_resume[0], anchor[0])
    report("  same, first start (pack not in the cache yet)", ours_first[0], anchor[0])
    report("  spawn to exit (new file)", ours[1], anchor[1])
    report("  CPU time of the whole process (new file)", ours[3], anchor[3])


if __name__ == "__main__":
    main()
    finish()
