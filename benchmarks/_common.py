"""Helpers shared by the benchmark scripts: timing whole processes, medians, packs, verdicts."""

from __future__ import annotations

import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

BENCH = Path(__file__).resolve().parent
ROOT = Path(os.environ.get("MIXERPULT_TREE") or BENCH.parent).resolve()
"""The source tree being measured: this checkout, or MIXERPULT_TREE (see run_all.py --tree),
whose `src` is then put first on PYTHONPATH so that its mixerpult is the one imported."""
if os.environ.get("MIXERPULT_TREE") and str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))
DRIVER = BENCH / "_drive.py"
SHIPPED_PACK = ROOT / "questions" / "sygeopfoelgning.yaml"
EXAMPLE_ANSWERS = ROOT / "examples" / "answers.da.yaml"
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


# -- results -------------------------------------------------------------------


@dataclass
class Result:
    """One figure beside its anchor, and whether it meets its goal."""

    bench: str
    name: str
    ours: float
    anchor: float | None
    unit: str
    goal_ratio: float | None = None
    """ours / anchor must be at most this (None: no ratio goal)."""
    limit: float | None = None
    """ours must be below this (None: no absolute goal)."""
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.anchor is None:
            return None
        return self.ours / self.anchor if self.anchor else float("inf")

    @property
    def has_goal(self) -> bool:
        return self.goal_ratio is not None or self.limit is not None

    @property
    def passed(self) -> bool:
        ok = True
        if self.goal_ratio is not None:
            ok = self.ratio is not None and self.ratio <= self.goal_ratio
        if self.limit is not None:
            ok = ok and self.ours < self.limit
        return ok

    @property
    def verdict(self) -> str:
        if not self.has_goal:
            return "info"
        return "PASS" if self.passed else "MISS"

    @property
    def goal(self) -> str:
        parts = []
        if self.limit is not None:
            parts.append(f"< {self.limit:g} {self.unit}")
        if self.goal_ratio is not None:
            parts.append(f"ratio ≤ {self.goal_ratio:g}")
        return " and ".join(parts) or "-"

    def figure(self, value: float | None) -> str:
        if value is None:
            return "-"
        if self.unit == "s":
            return f"{value:.3f} s"
        if self.unit == "ms":
            return f"{value:.2f} ms"
        return f"{value:.1f} {self.unit}"

    def line(self) -> str:
        ratio = "-" if self.ratio is None else f"{self.ratio:.2f}"
        text = (f"{self.name:<42} mixerpult {self.figure(self.ours):>11}   "
                f"anchor {self.figure(self.anchor):>11}   ratio {ratio:>5}   "
                f"goal {self.goal:<22} {self.verdict}")  # fmt: skip
        return text + (f"   ({self.note})" if self.note else "")


RESULTS: list[Result] = []
"""Every figure reported in this process, in order (run_all prints them as a table)."""


def report(
    name: str,
    ours: float,
    anchor: float | None,
    goal: float | None = None,
    unit: str = "s",
    *,
    limit: float | None = None,
    note: str = "",
    bench: str = "",
) -> Result:
    """Print one line (our figure, the anchor, the ratio, the goal, PASS/MISS) and keep it."""
    result = Result(bench or _bench_name(), name, ours, anchor, unit, goal, limit, note)
    print(result.line(), flush=True)
    RESULTS.append(result)
    return result


def _bench_name() -> str:
    main = sys.modules.get("__main__")
    file = getattr(main, "__file__", None) or "?"
    return Path(file).stem


def save_results(path: Path) -> None:
    """The figures of this process as JSON, for the summary and the README."""
    rows = [{**vars(r), "ratio": r.ratio, "verdict": r.verdict} for r in RESULTS]
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def finish() -> None:
    """At the end of a benchmark script: hand its figures to run_all.py, if it started us."""
    path = os.environ.get("BENCH_RESULTS")
    if path:
        save_results(Path(path))


# -- measuring -----------------------------------------------------------------


def medians(samples: Sequence[Sequence[float]]) -> list[float]:
    """The median of each column of `samples` (one row per run)."""
    return [statistics.median(column) for column in zip(*samples, strict=True)]


def alternate(
    actions: Sequence[Callable[[], Sequence[float]]], runs: int = RUNS
) -> list[list[float]]:
    """Run each action once untimed, then `runs` rounds of all of them in turn.

    Taking turns (A B A B …) rather than all of A then all of B spreads any drift
    of the machine (another process, CPU frequency) evenly over the figures being
    compared. Returns, for each action, the column medians of what it returned.
    """
    for action in actions:
        action()
    samples: list[list[Sequence[float]]] = [[] for _ in actions]
    for _ in range(runs):
        for i, action in enumerate(actions):
            samples[i].append(action())
    return [medians(s) for s in samples]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(args: Sequence[str], env: dict[str, str] | None = None) -> Sequence[float]:
    """One whole process: [wall seconds from spawn to exit, its CPU seconds (user+sys)].

    CPU time barely moves when other processes load the machine; wall time does.
    """
    cpu = _children_cpu()
    start = time.perf_counter()
    result = subprocess.run(args, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode:
        raise RuntimeError(f"{' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return [elapsed, _children_cpu() - cpu]


def drive(args: Sequence[str], env: dict[str, str]) -> Sequence[float]:
    """Run `_drive.py ARGS`; returns [seconds to ready, seconds to exit, peak RSS in MiB,
    CPU seconds of the whole process].

    Both times count from just before the child is spawned; the child reports the
    CLOCK_MONOTONIC time of its first interactive paint.
    """
    cpu = _children_cpu()
    start = time.monotonic()
    result = subprocess.run(python(str(DRIVER), *args), env=env, capture_output=True, text=True)
    end = time.monotonic()
    if result.returncode:
        raise RuntimeError(f"_drive.py {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    data = json.loads(result.stdout.strip().splitlines()[-1])
    used = _children_cpu() - cpu
    return [data["ready"] - start, end - start, data["maxrss_kib"] / 1024, used]


# -- a private place for every run ----------------------------------------------


@contextlib.contextmanager
def sandbox() -> Iterator[Path]:
    """A temporary folder that is HOME and the XDG folders of every child process, so no
    benchmark can read or touch a real answers file."""
    folder = Path(tempfile.mkdtemp(prefix="mixerpult-bench-"))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_STATE_HOME=str(home / "state"),
        XDG_CACHE_HOME=str(home / "cache"),
        TERM="xterm-256color",
    )
    if os.environ.get("MIXERPULT_TREE"):
        env["PYTHONPATH"] = os.pathsep.join(
            [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
        )
    for name in ("NO_COLOR", "TEXTUAL", "TEXTUAL_FPS", "TEXTUAL_PRESS", "TEXTUAL_SCREENSHOT"):
        env.pop(name, None)
    return env


def isolate_this_process(home: Path) -> None:
    """Point this process's HOME and XDG folders into `home` (the in-process benchmarks)."""
    os.environ.update(child_env(home))
    os.environ.pop("NO_COLOR", None)


def example_answers(path: Path, current_step: str | None = None) -> Path:
    """The example answers at `path`, matched to the shipped pack (so no "changed" notice)."""
    from mixerpult.packs import load_pack

    data = yaml.safe_load(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    data["questionnaire"]["hash"] = load_pack(SHIPPED_PACK).content_hash
    if current_step is not None:
        data["current_step"] = current_step
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    path.chmod(0o600)
    return path


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
