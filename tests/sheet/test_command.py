"""`mixerpult render`, `render_session` and the templates: files, names, errors, sandbox.

The command is run in-process through `mixerpult.cli.main` (fast), and once in
a subprocess to prove that rendering never imports Textual.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from mixerpult.cli import main
from mixerpult.sheet.render import SheetError, render_session, render_text
from mixerpult.sheet.templates import check_templates
from mixerpult.sheet.view import build_view

from .helpers import EXAMPLE, ROOT, SMALL_PACK, example, pack

ALL = ["forberedelse.md", "forberedelse.html", "forberedelse.txt", "forberedelse.pdf"]


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -- render_session (the wizard's entry point) ---------------------------------------------------


def test_render_session_writes_private_files_named_by_language_and_audience(
    tmp_path: Path,
) -> None:
    made = render_session(example(), pack(), ["pdf", "html", "md", "txt"], tmp_path, "da")
    assert [p.name for p in made] == [
        "forberedelse.pdf",
        "forberedelse.html",
        "forberedelse.md",
        "forberedelse.txt",
    ]
    assert all(_mode(p) == 0o600 for p in made)
    assert made[0].read_bytes().startswith(b"%PDF")
    english = render_session(example(), pack(), ["all"], tmp_path, "en", "arbejdsgiver")
    assert sorted(p.name for p in english) == [
        "preparation-employer.html",
        "preparation-employer.md",
        "preparation-employer.pdf",
        "preparation-employer.txt",
    ]
    employer = render_session(example(), pack(), ["md"], tmp_path, "da", "arbejdsgiver")
    assert employer[0].name == "forberedelse-arbejdsgiver.md"
    # The employer's version never replaces the full one (or the other way round).
    assert (tmp_path / "forberedelse.md").read_text("utf-8") != employer[0].read_text("utf-8")


def test_render_session_creates_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ny" / "mappe"
    render_session(example(), pack(), ["txt"], folder, "da")
    assert _mode(folder) == 0o700


def test_render_session_rejects_unknown_formats_and_audiences(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="format"):
        render_session(example(), pack(), ["docx"], tmp_path, "da")
    with pytest.raises(ValueError, match="audience"):
        render_session(example(), pack(), ["md"], tmp_path, "da", "naboen")


def test_overwriting_a_sheet_keeps_it_private(tmp_path: Path) -> None:
    target = tmp_path / "forberedelse.md"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o644)
    render_session(example(), pack(), ["md"], tmp_path, "da")
    assert _mode(target) == 0o600 and target.read_text("utf-8") != "old"


# -- the command ----------------------------------------------------------------------------------


def test_render_all_into_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["render", str(EXAMPLE), "--format", "all", "-o", f"{out}/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(ALL)
    printed = capsys.readouterr().out
    assert "Forberedelsesarket er gemt:" in printed
    assert all(str(out / name) in printed for name in ALL)


def test_render_one_format_to_a_file_or_a_folder(tmp_path: Path) -> None:
    assert main(["render", str(EXAMPLE), "-f", "html", "-o", str(tmp_path / "ark.html")]) == 0
    assert (tmp_path / "ark.html").read_text("utf-8").startswith("<!DOCTYPE html>")
    assert main(["render", str(EXAMPLE), "-f", "md", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "forberedelse.md").exists()
    assert main(["render", str(EXAMPLE), "-f", "txt", "--lang", "en", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "preparation.txt").read_text("utf-8").startswith("Preparing")


def test_render_defaults_to_pdf_in_the_documents_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not beside the answers, which by default sit in a hidden data folder few would find;
    every folder made on the way is private."""
    answers = tmp_path / "svar.yaml"
    answers.write_bytes(EXAMPLE.read_bytes())
    home = Path(os.environ["HOME"])  # the test's own (tests/conftest.py)
    old = os.umask(0o022)
    try:
        assert main(["render", str(answers)]) == 0
    finally:
        os.umask(old)
    sheet = home / "Documents" / "Mixerpult" / "forberedelse.pdf"
    assert sheet.read_bytes().startswith(b"%PDF")
    assert str(sheet) in capsys.readouterr().out
    assert _mode(home) == 0o700 and _mode(home / "Documents") == 0o700
    assert _mode(sheet.parent) == 0o700 and _mode(sheet) == 0o600
    assert not list(tmp_path.glob("*.pdf"))


def test_render_leaves_an_existing_documents_folder_as_it_is(tmp_path: Path) -> None:
    answers = tmp_path / "svar.yaml"
    answers.write_bytes(EXAMPLE.read_bytes())
    documents = Path(os.environ["HOME"]) / "Documents"
    documents.mkdir(parents=True)
    documents.chmod(0o755)
    assert main(["render", str(answers), "-f", "md"]) == 0
    assert _mode(documents) == 0o755
    assert _mode(documents / "Mixerpult") == 0o700


def test_render_without_an_answers_file_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(tmp_path / "ingen.yaml")]) == 1
    err = capsys.readouterr().err
    assert "Der er ingen svarfil" in err and "ingen.yaml" in err
    # No argument: the default answers file (in the test's private data folder).
    assert main(["render", "--lang", "en"]) == 1
    assert "There is no answers file" in capsys.readouterr().err


def test_render_a_corrupt_answers_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "svar.yaml"
    broken.write_text("format: 1\nanswers: [\n", encoding="utf-8")
    assert main(["render", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "kan ikke læses" in err and "linje 3" in err
    broken.write_text("- just\n- a list\n", encoding="utf-8")
    assert main(["render", str(broken)]) == 1
    assert "ikke en svarfil" in capsys.readouterr().err


def test_render_with_a_broken_or_missing_pack(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = ROOT / "tests" / "packs" / "broken" / "02_misspelt_key.yaml"
    assert main(["render", str(EXAMPLE), "--questions", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "kan ikke bruges" in err and "02_misspelt_key.yaml:" in err
    assert main(["render", str(EXAMPLE), "--questions", str(tmp_path / "nej.yaml")]) == 1
    assert "findes ikke" in capsys.readouterr().err


def test_render_refuses_output_paths_that_do_not_fit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["render", str(EXAMPLE), "-f", "all", "-o", str(tmp_path / "ark.pdf")]) == 1
    assert "skal -o være en mappe" in capsys.readouterr().err
    assert main(["render", str(EXAMPLE), "-f", "pdf", "-o", str(tmp_path / "ark.html")]) == 1
    assert ".pdf" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


def test_render_reports_a_changed_questionnaire_but_renders(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = tmp_path / "svar.yaml"
    text = EXAMPLE.read_text("utf-8").replace('version: "2026.12"', 'version: "2025.01"')
    answers.write_text(text.replace("answers:\n", "answers:\n  gammelt_svar: hej\n"), "utf-8")
    assert main(["render", str(answers), "-f", "md"]) == 0
    err = capsys.readouterr().err
    assert "Spørgeskemaet er ændret" in err and "gammelt_svar" in err


def test_render_a_number_too_large_for_a_float(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A hand-edited answer of 400 digits is shown as written (float() would overflow)."""
    answers = tmp_path / "svar.yaml"
    huge = "9" * 400
    answers.write_text(EXAMPLE.read_text("utf-8").replace("timer_uge: 37", f"timer_uge: {huge}"))
    assert main(["render", str(answers), "-f", "txt", "-o", str(tmp_path / "ark.txt")]) == 0
    assert huge[:60] in (tmp_path / "ark.txt").read_text("utf-8").replace("\n", "")
    assert "Traceback" not in capsys.readouterr().err


def test_render_does_not_import_textual(tmp_path: Path) -> None:
    code = (
        "import sys, mixerpult.cli\n"
        f"rc = mixerpult.cli.main(['render', {str(EXAMPLE)!r}, '--format', 'all', '-o', {str(tmp_path)!r}])\n"
        "assert rc == 0, rc\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] == 'textual')\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "forberedelse.pdf").exists()


# -- templates ------------------------------------------------------------------------------------


def test_shipped_templates_check_clean() -> None:
    assert check_templates(None) == []


def test_check_reports_a_broken_template_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "sheet.md.j2").write_text(
        "# {{ view.title }}\n\n{% for x in view.tools %}\n{{ x }\n", "utf-8"
    )
    (tmp_path / "sheet.txt.j2").write_text("line one\n{{ view.title|no_such_filter }}\n", "utf-8")
    problems = check_templates(tmp_path)
    assert [(p.file.name, p.line, p.severity) for p in problems] == [
        ("sheet.md.j2", 4, "error"),
        ("sheet.txt.j2", 2, "error"),
    ]
    assert "no_such_filter" in problems[1].message
    assert str(problems[0]).startswith(f"{tmp_path / 'sheet.md.j2'}:4:1: error: template error")


def test_check_command_includes_templates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sheet.html.j2").write_text("{% if %}\n", "utf-8")
    assert main(["check", "--templates", str(tmp_path)]) == 1
    assert f"{tmp_path / 'sheet.html.j2'}:1:1: error" in capsys.readouterr().out
    assert main(["check", "--templates", str(tmp_path / "nowhere")]) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["check", "--templates", str(empty)]) == 0
    assert "warning: no sheet template here" in capsys.readouterr().out


def test_user_templates_override_the_shipped_ones(tmp_path: Path) -> None:
    (tmp_path / "sheet.md.j2").write_text(
        "{{ view.title }} / {{ view.first_name }} / {{ t.not_answered }} / {{ '*' }}\n", "utf-8"
    )
    view = build_view(example(), pack(), "da")
    assert render_text(view, "md", tmp_path) == (
        "Forberedelse til opfølgningssamtalen / Mette / Ikke besvaret / \\*\n"
    )
    # Formats without a template of the user's fall back to the shipped one.
    assert render_text(view, "txt", tmp_path).startswith("Forberedelse")
    out = tmp_path / "out"
    assert (
        main(["render", str(EXAMPLE), "-f", "md", "--templates", str(tmp_path), "-o", str(out)])
        == 0
    )
    assert (out / "forberedelse.md").read_text("utf-8").startswith("Forberedelse til")


@pytest.mark.parametrize(
    "source",
    [
        "{{ view.__class__.__mro__[1].__subclasses__() }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{{ view.t.__class__.__init__.__globals__ }}",
        "{{ cycler.__init__.__globals__.os.popen('id').read() }}",
    ],
)
def test_user_templates_run_in_the_sandbox(tmp_path: Path, source: str) -> None:
    (tmp_path / "sheet.txt.j2").write_text(source, "utf-8")
    with pytest.raises(SheetError):
        render_text(build_view(example(), pack(), "da"), "txt", tmp_path)


def test_a_template_error_at_render_time_names_file_and_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "sheet.txt.j2").write_text("ok\n\n{{ view.no_such_thing }}\n", "utf-8")
    with pytest.raises(SheetError, match=r"sheet\.txt\.j2:3: .*no_such_thing"):
        render_text(build_view(example(), pack(), "da"), "txt", tmp_path)
    assert (
        main(
            ["render", str(EXAMPLE), "-f", "txt", "--templates", str(tmp_path), "-o", str(tmp_path)]
        )
        == 1
    )
    assert "Arket kunne ikke laves" in capsys.readouterr().err


def test_any_runtime_error_in_a_user_template_is_reported(tmp_path: Path) -> None:
    (tmp_path / "part.txt.j2").write_text("fine\n{{ 1 / 0 }}\n", "utf-8")
    (tmp_path / "sheet.txt.j2").write_text("{% include 'part.txt.j2' %}\n", "utf-8")
    with pytest.raises(SheetError, match=r"part\.txt\.j2:2: division by zero"):
        render_text(build_view(example(), pack(), "da"), "txt", tmp_path)


def test_a_typst_error_in_a_user_template_is_reported(tmp_path: Path) -> None:
    (tmp_path / "sheet.typ.j2").write_text("#let x = (\n", "utf-8")
    from mixerpult.sheet.render import render_pdf

    with pytest.raises(SheetError, match="Typst"):
        render_pdf(build_view(example(), pack(), "da"), tmp_path)


def test_small_pack_renders_in_every_format(tmp_path: Path) -> None:
    from .helpers import small_session

    made = render_session(small_session(), pack(SMALL_PACK), ["all"], tmp_path, "da")
    assert len(made) == 4
