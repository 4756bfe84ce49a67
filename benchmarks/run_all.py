"""Run every benchmark, each in a process of its own, and print a summary table.

    .venv/bin/python benchmarks/run_all.py                  # this checkout
    .venv/bin/python benchmarks/run_all.py --only startup sheet
    .venv/bin/python benchmarks/run_all.py --tree DIR       # another source tree
    .venv/bin/python benchmarks/run_all.py --json out.json  # the figures as JSON too
    .venv/bin/python benchmarks/run_all.py --tree DIR --label "commit abc1234"

`--tree DIR` measures the mixerpult in DIR (e.g. a commit exported with
`git archive COMMIT | tar -x -C DIR`): DIR/src goes first on PYTHONPATH of every
process, and its questions/ and examples/ are used. The summary is a Markdown
table, ready for benchmarks/README.md. Exits 1 if a goal is missed.
"""

from __future__ import annotations

import argparse
import compileall
import datetime as dt
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
NAMES = ("startup", "fader", "pages", "sheet", "scale", "memory")


def machine() -> list[str]:
    """CPU model, cores, Python, OS and platform of this machine."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    system = platform.system()
    try:
        for line in Path("/etc/os-release").read_text().splitlines():
            if line.startswith("PRETTY_NAME="):
                system = line.split("=", 1)[1].strip('"')
    except OSError:
        pass
    return [
        f"CPU: {cpu}, {os.cpu_count()} cores",
        f"Python: {platform.python_implementation()} {platform.python_version()}",
        f"OS: {system}; platform {platform.platform()}",
    ]


def revision(tree: Path) -> str:
    """The commit of `tree`, with '+changes' when its work tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "-C", str(tree), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return f"{tree} (not a git checkout)"
    changed = subprocess.run(
        ["git", "-C", str(tree), "status", "--porcelain", "--", "src", "questions", "templates"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    return commit + (" +uncommitted changes in src/" if changed else "")


def table(rows: list[dict[str, object]]) -> list[str]:
    def figure(value: object, unit: object) -> str:
        if not isinstance(value, int | float):
            return "-"
        if unit == "s":
            return f"{value:.3f} s"
        if unit == "ms":
            return f"{value:.2f} ms"
        return f"{value:.1f} {unit}"

    lines = [
        "| benchmark | figure | mixerpult | anchor | ratio | goal | verdict |",
        "| --- | --- | ---: | ---: | ---: | --- | --- |",
    ]
    for row in rows:
        unit = row["unit"]
        ratio = row["ratio"]
        goal = []
        if row["limit"] is not None:
            goal.append(f"< {row['limit']:g} {unit}")
        if row["goal_ratio"] is not None:
            goal.append(f"ratio ≤ {row['goal_ratio']:g}")
        name = str(row["name"]).strip()
        if str(row["name"]).startswith(" "):
            name = "↳ " + name
        lines.append(
            f"| {str(row['bench']).removeprefix('bench_')} | {name} "
            f"| {figure(row['ours'], unit)} | {figure(row['anchor'], unit)} "
            f"| {'-' if not isinstance(ratio, int | float) else f'{ratio:.2f}'} "
            f"| {' and '.join(goal) or '-'} | {row['verdict']} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="+", choices=NAMES, default=list(NAMES))
    parser.add_argument("--tree", type=Path, help="measure the mixerpult in this source tree")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("--label", help="what is measured, for the heading (default: its commit)")
    args = parser.parse_args(argv)

    load_before = os.getloadavg()[0]
    env = dict(os.environ)
    tree = BENCH.parent
    if args.tree:
        tree = args.tree.resolve()
        env["MIXERPULT_TREE"] = str(tree)
        paths = [str(tree / "src"), env.get("PYTHONPATH")]
        env["PYTHONPATH"] = os.pathsep.join(p for p in paths if p)
    # Bytecode, as any earlier start would have left it: with PYTHONDONTWRITEBYTECODE
    # set (this sandbox sets it) an exported tree would be compiled at every start,
    # 40-60 ms that an installed mixerpult never pays, and Textual (compiled when
    # installed) neither.
    compileall.compile_dir(tree / "src", quiet=1)
    rows: list[dict[str, object]] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mixerpult-bench-") as tmp:
        for name in args.only:
            out = Path(tmp) / f"{name}.json"
            began = time.perf_counter()
            status = subprocess.run(
                [sys.executable, str(BENCH / f"bench_{name}.py")],
                env={**env, "BENCH_RESULTS": str(out)},
            ).returncode
            print(f"   ({name}: {time.perf_counter() - began:.0f} s)\n", flush=True)
            if status or not out.exists():
                print(f"bench_{name}.py failed (exit status {status})", file=sys.stderr)
                return 2
            rows.extend(json.loads(out.read_text(encoding="utf-8")))
    total = time.perf_counter() - started

    label = args.label or revision(tree)
    print(f"## Figures of {dt.date.today().isoformat()} (mixerpult {label})\n")
    for line in machine():
        print(f"- {line}")
    print(f"- all benchmarks together: {total:.0f} s")
    print(
        f"- load average (1 min) at the start {load_before:.2f}, at the end "
        f"{os.getloadavg()[0]:.2f}: anything above 0 is other work sharing the cores\n"
    )
    print("\n".join(table(rows)))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n", "utf-8")
    missed = [r for r in rows if r["verdict"] == "MISS"]
    if missed:
        print(f"\n{len(missed)} goal(s) missed: " + "; ".join(str(r["name"]) for r in missed))
    return 1 if missed else 0


if __name__ == "__main__":
    raise SystemExit(main())
