"""Memory: the wizard's peak RSS after a whole journey, beside the minimal Textual app.

Both run as child processes through `_drive.py` (BENCH_UNTIL=journey), headless
at 100×40, driven by a Textual Pilot. The wizard opens a copy of the example
answers (every question answered, so every widget holds text) set back to the
first step, and goes: welcome → "Resume" → every step → the mixerpult (each
fader moved) → review → finish; the anchor gets a name typed into its Input.
The figure is the child's own peak RSS (`getrusage(RUSAGE_SELF).ru_maxrss`,
read when the app has ended). Making the PDF on the finish page loads Typst
(a large native library); it is shown as a separate line, not in the goal.

    .venv/bin/python benchmarks/bench_memory.py
"""

from __future__ import annotations

from _common import RUNS, alternate, child_env, drive, example_answers, finish, report, sandbox

GOAL = 1.5  # issue 16 (was 1.3, issue 6)
RUNS_MEMORY = min(RUNS, 5)
"""Peak RSS varies by well under 1 % from run to run; a journey takes seconds."""


def main(runs: int = RUNS_MEMORY) -> None:
    print(f"== memory (peak RSS after a whole journey, median of {runs})")
    with sandbox() as home:
        env = {**child_env(home), "BENCH_UNTIL": "journey"}
        run = 0

        def wizard(sheet: bool = False) -> list[float]:
            nonlocal run
            run += 1
            answers = example_answers(home / f"answers-{run}.yaml", current_step="om_dig")
            extra = {"BENCH_SHEET": "1"} if sheet else {}
            return list(drive(["wizard", "--file", str(answers)], {**env, **extra}))

        def minimal() -> list[float]:
            return list(drive(["minimal"], env))

        ours, ours_sheet, anchor = alternate([wizard, lambda: wizard(sheet=True), minimal], runs)
    report("peak RSS, whole journey", ours[2], anchor[2], GOAL, "MiB")
    report("  same, and the PDF made at the end", ours_sheet[2], anchor[2], unit="MiB")
    report("  journey wall time (spawn to exit)", ours[1], anchor[1])


if __name__ == "__main__":
    main()
    finish()
