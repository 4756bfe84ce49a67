"""A first start, on a new file, shows its welcome before it needs PyYAML and the rest.

Each module a start does not need costs every start its import (PyYAML alone is
10 ms of some 300): PyYAML is for reading and writing an answers file, the overview
for a session with answers, the broken-file screen for a file that cannot be read.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

LATER = ("yaml", "mixerpult.present.overview", "mixerpult.tui.screens.broken")

SCRIPT = f"""\
import asyncio, sys
from pathlib import Path
from mixerpult.packs import load_pack
from mixerpult.resources import default_pack_path
from mixerpult.tui.app import MixerpultApp

app = MixerpultApp(Path(sys.argv[1]), load_pack(default_pack_path()), lock=False)

async def main():
    async with app.run_test() as pilot:
        await pilot.pause()
        print(type(app.screen).__name__, *(m in sys.modules for m in {LATER!r}))

asyncio.run(main())
"""


def _start(answers: Path, tmp_path: Path) -> list[str]:
    env = {
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "PATH": "",
        "PYTHONPATH": str(ROOT / "src"),
    }
    run = [sys.executable, "-c", SCRIPT, str(answers)]
    done = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    return done.stdout.split()[-1 - len(LATER) :]


def test_a_new_file_shows_the_welcome_without_yaml_the_overview_or_the_broken_screen(
    tmp_path: Path,
) -> None:
    new = tmp_path / "new.yaml"
    _start(new, tmp_path)  # the first start ever reads and checks the pack, and caches it
    assert not new.exists()
    assert _start(new, tmp_path) == ["WelcomeScreen", "False", "False", "False"]


def test_a_file_with_answers_is_read_with_yaml(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_bytes((ROOT / "examples" / "answers.da.yaml").read_bytes())
    answers.chmod(0o600)
    _start(answers, tmp_path)
    screen, yaml, *_ = _start(answers, tmp_path)
    assert (screen, yaml) == ("WelcomeScreen", "True")
