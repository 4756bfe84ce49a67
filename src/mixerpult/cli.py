"""The `mixerpult` command: the wizard, `check`, `render` and `serve`.

argparse (stdlib) rather than Click/Typer: four subcommands need no more, and
it adds nothing to start-up, which matters for a program meant to open at
once. Each subcommand imports its own machinery only when it runs, so `check`
and `render` never load Textual.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from mixerpult import __version__
from mixerpult.i18n import LANGUAGES
from mixerpult.present.viewers import AUDIENCES
from mixerpult.sheet.formats import FORMATS


def _path(text: str) -> Path:
    # A shell leaves "~" alone after "--file=", and every command must open the
    # same file for the same words.
    return Path(text).expanduser()


def _add_pack_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--questions",
        type=_path,
        metavar="PACK",
        help="question pack (YAML file) to use instead of the shipped one",
    )


def build_parser() -> argparse.ArgumentParser:
    """The full command-line grammar."""
    parser = argparse.ArgumentParser(
        prog="mixerpult",
        description="Forbered opfølgningssamtalen med jobcentret/kommunen, når du er sygemeldt. "
        "Prepare for the follow-up conversation with the jobcenter while on sick leave. "
        "Without a subcommand the wizard starts.",
    )
    parser.add_argument("--version", action="version", version=f"mixerpult {__version__}")
    parser.add_argument(
        "--file",
        type=_path,
        metavar="PATH",
        help="answers file to open or create (default: your user data folder)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the wizard (default: the answers file's, else the questionnaire's first)",
    )
    parser.add_argument(
        "--theme",
        choices=("default", "high-contrast", "ansi"),
        help="colour theme (NO_COLOR is honoured)",
    )
    parser.add_argument(
        "--walkthrough",
        action="store_true",
        help="open the walkthrough for the meeting at once (private answers start hidden)",
    )
    parser.add_argument(
        "--shared-screen",
        action="store_true",
        help="someone else can see the screen: private answers start hidden",
    )
    parser.add_argument(
        "--where", action="store_true", help="print where the answers file is kept, and exit"
    )
    _add_pack_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser(
        "check",
        help="check a question pack for errors",
        description="Check question packs (and sheet templates). Prints "
        "FILE:LINE:COLUMN: message for every problem; exits 1 on errors.",
    )
    check.add_argument(
        "target",
        nargs="?",
        type=_path,
        metavar="DIR",
        help="a pack file or a folder of packs (default: the shipped questions)",
    )
    check.add_argument(
        "--templates",
        type=_path,
        metavar="DIR",
        help="also compile the sheet templates in DIR (default: the shipped ones)",
    )

    render = sub.add_parser(
        "render",
        help="make the preparation sheet",
        description="Render the preparation sheet from an answers file.",
    )
    render.add_argument(
        "answers",
        nargs="?",
        type=_path,
        metavar="ANSWERS",
        help="answers file (default: your saved answers)",
    )
    render.add_argument(
        "--format",
        "-f",
        choices=(*FORMATS, "all"),
        default="pdf",
        help="output format (default: pdf)",
    )
    render.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar="PATH",
        help="output file, or folder for --format all (default: beside the answers)",
    )
    render.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the sheet (default: the language of the answers)",
    )
    render.add_argument(
        "--audience",
        choices=AUDIENCES,  # one list for every view: mixerpult.present.viewers
        default="jobcenter",
        help="'arbejdsgiver' leaves out everything about health",
    )
    render.add_argument(
        "--templates", type=_path, metavar="DIR", help="your own templates (rendered in a sandbox)"
    )
    _add_pack_option(render)

    serve = sub.add_parser(
        "serve",
        help="serve the wizard to a web browser",
        description="Serve the wizard to a browser tab on this computer (for a shared screen).",
    )
    serve.add_argument(
        "--file",
        type=_path,
        metavar="ANSWERS",
        dest="serve_file",
        help="answers file (default: your saved answers)",
    )
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host other than loopback (health information becomes "
        "reachable from the network)",
    )
    serve.add_argument(
        "--font-size",
        type=int,
        default=None,
        metavar="N",
        help="font size in the browser, in pixels",
    )
    serve.add_argument(
        "--walkthrough",
        action="store_true",
        dest="serve_walkthrough",
        help="each browser tab opens the walkthrough for the meeting",
    )
    _add_pack_option(serve)
    return parser


def _check(args: argparse.Namespace) -> int:
    from mixerpult.checker import check_path
    from mixerpult.resources import questions_dir, templates_dir
    from mixerpult.sheet.templates import check_templates

    target = args.target or questions_dir()
    problems = check_path(target)
    problems.extend(check_templates(args.templates))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    if errors:
        print(f"{errors} error(s), {warnings} warning(s)", file=sys.stderr)
        return 1
    checked = f"{target}, templates {args.templates or templates_dir()}"
    print(f"ok: {checked}" + (f" ({warnings} warning(s))" if warnings else ""))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
    if args.where:
        from mixerpult.store import default_path

        print(default_path())
        return 0
    if args.command == "check":
        return _check(args)
    if args.command == "render":
        from mixerpult.sheet.command import render_command

        return render_command(args)
    if args.command == "serve":
        from mixerpult.web import serve_command

        return serve_command(args)
    from mixerpult.tui import run_wizard

    return run_wizard(args)
