"""Helpers shared by the benchmark scripts: timing whole processes, medians, packs."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def median_seconds(action: Callable[[], Any], runs: int = RUNS) -> float:
    """The median wall time of `action` over `runs` runs (one untimed warm-up first)."""
    action()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_process(args: Sequence[str], **kwargs: Any) -> None:
    """Run a command to completion, failing loudly."""
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kwargs)


def python(*args: str) -> list[str]:
    return [sys.executable, *args]


def report(name: str, ours: float, anchor: float, goal: float, unit: str = "s") -> str:
    """One line: our figure, the anchor, the ratio and whether the goal is met."""
    ratio = ours / anchor if anchor else float("inf")
    verdict = "ok" if ratio <= goal else "MISSES GOAL"
    line = (f"{name:<38} mixerpult {ours:8.3f} {unit}   anchor {anchor:8.3f} {unit}   "
            f"ratio {ratio:5.2f} (goal ≤ {goal})  {verdict}")  # fmt: skip
    print(line, flush=True)
    return line


def generate_pack(path: Path, questions: int = 1000, steps: int = 100) -> Path:
    """A large valid pack (`questions` in `steps` steps) for the scale benchmark."""
    per_step = questions // steps
    types = ["text", "long_text", "number", "yes_no", "date", "choice"]
    step_list = []
    for s in range(steps):
        qs = []
        for i in range(per_step):
            n = s * per_step + i
            q: dict[str, Any] = {
                "id": f"q{n}",
                "type": types[n % len(types)],
                "label": {"da": f"Spørgsmål {n}", "en": f"Question {n}"},
            }
            if q["type"] == "choice":
                q["options"] = [
                    {"id": "ja", "label": {"da": "Ja", "en": "Yes"}},
                    {"id": "nej", "label": {"da": "Nej", "en": "No"}},
                ]
            if n % 10 == 9:
                q["visible_if"] = {"answer": f"q{n - 1}", "answered": True}
            qs.append(q)
        title = {"da": f"Trin {s}", "en": f"Step {s}"}
        step_list.append({"id": f"s{s}", "title": title, "questions": qs})
    shipped = yaml.safe_load((ROOT / "questions" / "sygeopfoelgning.yaml").read_text("utf-8"))
    pack = {**shipped, "id": "stor", "steps": step_list}
    pack["mixerpult"] = {**shipped["mixerpult"], "after": "s0"}
    # Conditions in the shipped tools name its question ids, which this pack lacks.
    pack["tools"] = [{k: v for k, v in t.items() if k != "suggest_if"} for t in shipped["tools"]]
    path.write_text(yaml.safe_dump(pack, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
