"""The layers of the program hold: the import contracts in pyproject.toml, and no Textual at
run time in the core, so `check` and `render` never load it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import mixerpult

ROOT = Path(__file__).resolve().parents[2]
CORE = [
    "questionnaire",
    "conditions",
    "answers",
    "store",
    "files",
    "packs",
    "language",
    "checker",
    "yamlsource",
    "i18n",
    "cli",
]


def test_import_contracts_hold() -> None:
    # import-linter reads the contracts from pyproject.toml and the code from the tree
    # under test (the `src` that `mixerpult` was imported from), never from a cache.
    source = str(Path(mixerpult.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}
    code = (
        "import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_core_modules_do_not_import_textual() -> None:
    imports = "; ".join(f"import mixerpult.{name}" for name in CORE)
    code = (
        f"import sys; {imports}; print(sorted(m for m in sys.modules if m.startswith('textual')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def test_tui_package_import_is_cheap() -> None:
    code = "import sys, mixerpult.tui; print('textual.app' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr
