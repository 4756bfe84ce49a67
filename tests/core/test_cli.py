"""One language per run of the command line: its help, argparse's own words, its messages.

`--help` and mistakes on the command line speak `--lang`, else Danish; a command speaks
`--lang`, else the answers file's language, else the pack's, else Danish.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from mixerpult.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "answers.da.yaml"
BROKEN_PACK = ROOT / "tests" / "packs" / "broken" / "02_misspelt_key.yaml"

ENGLISH = ("usage:", "error:", "options", "show this help", "required", "invalid choice",
           "unrecognized", "expected one argument", "default:", "answers file", "version number")  # fmt: skip
DANISH = ("brug:", "fejl:", "tilvalg", "vis denne hjælp", "mangler", "ugyldigt valg", "ukendte",
          "standard:", "svarfil")  # fmt: skip


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    out = capsys.readouterr()
    return code, out.out + out.err


def _english_answers(tmp_path: Path) -> Path:
    answers = tmp_path / "answers.yaml"
    answers.write_text(EXAMPLE.read_text("utf-8").replace("language: da", "language: en"), "utf-8")
    return answers


ENGLISH_METAVARS = ("PATH", "DIR", "PACK", "ANSWERS", "COMMAND", "HOST")


def _no_english(text: str) -> None:
    lower = text.lower()
    assert [w for w in ENGLISH if w in lower] == [], text
    assert [m for m in ENGLISH_METAVARS if re.search(rf"\b{m}\b", text)] == [], text


def _no_danish(text: str) -> None:
    lower = text.lower()
    assert [w for w in DANISH if w in lower] == [], text


@pytest.mark.parametrize(
    "argv",
    [
        ["--help"],
        ["check", "--help"],
        ["render", "--help"],
        ["serve", "--help"],
    ],
)
def test_help_speaks_one_language(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(argv, capsys)
    assert code == 0
    assert text.startswith("brug: mixerpult"), text
    _no_english(text)
    code, text = _run([*argv, "--lang", "en"], capsys)
    assert code == 0
    assert text.startswith("usage: mixerpult"), text
    _no_danish(text)


@pytest.mark.parametrize(
    ("argv", "danish"),
    [
        (["render", "--format", "docx"], "ugyldigt valg: 'docx'"),
        (["render", "--bogus"], "ukendte argumenter: --bogus"),
        (["render", "--output"], "mangler en værdi"),
        (["serve", "--port", "otte"], "'otte' er ikke et helt tal"),
        (["mixer"], "ugyldigt valg: 'mixer'"),
    ],
)
def test_mistakes_on_the_command_line_are_told_in_one_language(
    argv: list[str], danish: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, text = _run(argv, capsys)
    assert code == 2
    assert text.startswith("brug: mixerpult") and "mixerpult" in text and "fejl: " in text, text
    assert danish in text, text
    _no_english(text)
    code, text = _run(["--lang", "en", *argv], capsys)
    assert code == 2
    assert text.startswith("usage: mixerpult") and "error: " in text, text
    _no_danish(text)


def test_every_option_has_help_in_both_languages() -> None:
    def options(parser: argparse.ArgumentParser) -> dict[str, str]:
        found: dict[str, str] = {}
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.update({f"{name} {k}": v for k, v in options(child).items()})
                continue
            found[action.dest] = action.help or ""
        return found

    danish, english = options(build_parser("da")), options(build_parser("en"))
    assert "serve port" in danish
    for option, text in danish.items():
        assert text, f"{option} has no help"
        if option.split()[-1] != "help":  # argparse's own, translated as it is used
            assert text != english[option], f"{option} is not translated"


@pytest.mark.parametrize(
    ("word", "audience"),
    [
        ("kommune", "jobcenter"),
        ("municipality", "jobcenter"),
        ("jobcenter", "jobcenter"),
        ("arbejdsgiver", "arbejdsgiver"),
        ("employer", "arbejdsgiver"),
    ],
)
def test_audience_takes_the_words_of_both_languages(word: str, audience: str) -> None:
    assert build_parser().parse_args(["render", "--audience", word]).audience == audience


def test_audience_is_shown_in_the_runs_language(capsys: pytest.CaptureFixture[str]) -> None:
    _, danish = _run(["render", "--help"], capsys)
    assert "{kommune,arbejdsgiver}" in danish
    _, english = _run(["render", "--help", "--lang", "en"], capsys)
    assert "{municipality,employer}" in english
    code, text = _run(["render", "--audience", "chef"], capsys)
    assert code == 2 and "ugyldigt valg: 'chef' (vælg mellem 'kommune', 'arbejdsgiver')" in text


def test_a_lang_before_the_command_holds_for_it(tmp_path: Path) -> None:
    args = build_parser().parse_args(["--lang", "en", "render"])
    assert args.lang == "en", "the subcommand's own --lang did not overwrite it"
    assert build_parser().parse_args(["render", "--lang", "en"]).lang == "en"
    assert build_parser().parse_args(["check", "--lang", "en"]).lang == "en"
    assert build_parser().parse_args(["serve", "--lang", "en"]).lang == "en"


def test_check_speaks_danish_unless_told(capsys: pytest.CaptureFixture[str]) -> None:
    code, text = _run(["check", str(BROKEN_PACK)], capsys)
    assert code == 1
    assert "fejl, 0 advarsler" in text, text
    assert f"{BROKEN_PACK}:" in text, "the problems, in the form editors read"
    code, text = _run(["check", str(BROKEN_PACK), "--lang", "en"], capsys)
    assert code == 1 and "errors, 0 warnings" in text, text
    code, text = _run(["check"], capsys)
    assert code == 0 and text.startswith("ok: ") and "skabelonerne" in text, text


def test_render_speaks_the_answers_files_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = _english_answers(tmp_path)
    code, text = _run(["render", str(answers), "-f", "md", "-o", str(tmp_path)], capsys)
    assert code == 0 and "The preparation sheet was saved" in text, text
    code, text = _run(["render", str(answers), "--questions", str(BROKEN_PACK)], capsys)
    assert code == 1 and "cannot be used" in text, text
    code, text = _run(["render", str(answers), "--lang", "da", "-f", "md", "-o", str(tmp_path)],
                      capsys)  # fmt: skip
    assert code == 0 and "Forberedelsesarket er gemt" in text, text


def test_serve_speaks_the_answers_files_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = _english_answers(tmp_path)
    code, text = _run(["serve", "--file", str(answers), "--port", "0"], capsys)
    assert code == 2 and "The port must be a number" in text, text
    code, text = _run(["serve", "--file", str(tmp_path / "new.yaml"), "--port", "0"], capsys)
    assert code == 2 and "Porten skal være et tal" in text, "a new file: the pack's language"


def test_the_wizard_that_cannot_start_says_so_in_the_answers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = _english_answers(tmp_path)
    code, text = _run(["--file", str(answers), "--questions", str(BROKEN_PACK)], capsys)
    assert code == 2 and "cannot be used" in text, text
