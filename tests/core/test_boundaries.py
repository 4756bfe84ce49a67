"""The core knows nothing of Textual; `check` and `render` never load it."""

from __future__ import annotations

import subprocess
import sys

CORE = ["questionnaire", "conditions", "answers", "store", "checker", "yamlsource", "i18n", "cli"]


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
