"""The command each browser tab runs: the serve options reach the wizard."""

from __future__ import annotations

from pathlib import Path

from mixerpult.cli import build_parser
from mixerpult.web.command import wizard_command


def _wizard_args(command: list[str]) -> list[str]:
    assert command[1:3] == ["-m", "mixerpult"]
    return command[3:]


def test_the_tab_opens_the_same_answers_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    args = build_parser().parse_args(_wizard_args(wizard_command(answers, None, "en")))
    assert args.file == answers.resolve()
    assert args.lang == "en"
    assert args.command is None
    assert not args.walkthrough


def test_serve_walkthrough_opens_the_walkthrough_in_each_tab(tmp_path: Path) -> None:
    serve = build_parser().parse_args(["serve", "--walkthrough"])
    command = wizard_command(
        tmp_path / "a.yaml", tmp_path / "pack.yaml", None, walkthrough=serve.serve_walkthrough
    )
    args = build_parser().parse_args(_wizard_args(command))
    assert args.walkthrough
    assert args.questions == (tmp_path / "pack.yaml").resolve()


def test_a_tilde_means_home_in_every_path_option(tmp_path: Path) -> None:
    """`--file=~/x.yaml` reaches no shell expansion; serve must still open ~/x.yaml."""
    home = Path.home()
    serve = build_parser().parse_args(["serve", "--file=~/svar.yaml", "--questions=~/p.yaml"])
    assert serve.serve_file == home / "svar.yaml" and serve.questions == home / "p.yaml"
    command = wizard_command(serve.serve_file, serve.questions, None)
    assert command[command.index("--file") + 1] == str((home / "svar.yaml").resolve())
    render = build_parser().parse_args(["render", "~/svar.yaml", "-o=~/ud", "--templates=~/t"])
    assert (render.answers, render.output, render.templates) == (
        home / "svar.yaml",
        home / "ud",
        home / "t",
    )
