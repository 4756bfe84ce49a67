"""A plain (not editable) install of the wheel finds its questions and templates."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(out), str(ROOT)],
        check=True, timeout=300,
    )  # fmt: skip
    (found,) = out.glob("mixerpult-*.whl")
    return found


def test_wheel_carries_data_folders(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "mixerpult/_data/questions/sygeopfoelgning.yaml" in names
    assert "mixerpult/_data/templates/sheet.typ.j2" in names
    assert "mixerpult/strings/core.yaml" in names
    assert "mixerpult/web/page/app_index.html" in names


def test_installed_wheel_checks_its_pack_from_another_folder(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    # The fresh venv sees this environment's dependencies but not its editable mixerpult,
    # so the test needs no network and still proves the wheel is self-sufficient.
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    deps = [p for p in sys.path if p.endswith("site-packages")]
    Path(site, "deps.pth").write_text("\n".join(deps) + "\n", encoding="utf-8")
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": ""}
    code = (
        "import sys, mixerpult; from mixerpult.cli import main; "
        "assert mixerpult.__file__.startswith(sys.argv[1]), mixerpult.__file__; sys.exit(main(['check']))"
    )
    result = subprocess.run([str(python), "-c", code, site], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert "_data/questions" in result.stdout
    assert "_data/templates" in result.stdout  # the templates were compiled too

    render = "import sys; from mixerpult.cli import main; sys.exit(main(sys.argv[1:]))"
    example = ROOT / "examples" / "answers.da.yaml"
    result = subprocess.run([str(python), "-c", render, "render", str(example), "--format", "all",
                             "-o", str(tmp_path / "out")],
                            cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    made = sorted(p.suffix for p in (tmp_path / "out").iterdir())
    assert made == [".html", ".md", ".pdf", ".txt"]
