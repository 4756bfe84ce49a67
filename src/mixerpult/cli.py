"""The `mixerpult` command: the wizard, `check`, `render` and `serve`.

argparse (stdlib) rather than Click/Typer: four subcommands need no more, and
it adds nothing to start-up, which matters for a program meant to open at
once. Each subcommand imports its own machinery only when it runs, so `check`
and `render` never load Textual.

One language per run. `--help` and mistakes on the command line come before any
file is read, so they speak `--lang` (else Danish), argparse's own words included;
after that, each command speaks `--lang`, else the answers file's language, else
the question pack's first language, else Danish (`mixerpult.language`).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from mixerpult import __version__
from mixerpult.i18n import LANGUAGES, strings, t
from mixerpult.present.viewers import AUDIENCES
from mixerpult.sheet.formats import FORMATS as SHEET_FORMATS
from mixerpult.sheet.formats import SHEETS
from mixerpult.web.address import FONT_SIZES, SHARED_SCREEN_FONT_SIZE

FORMATS = (*SHEET_FORMATS, "all")

AUDIENCE_WORDS: dict[str, dict[str, str]] = {
    "da": {"kommune": "jobcenter", "arbejdsgiver": "arbejdsgiver"},
    "en": {"municipality": "jobcenter", "employer": "arbejdsgiver"},
}
"""The words `--audience` takes in each language, and the sheet each one makes (its id)."""
AUDIENCE_ALIASES = {"jobcenter": "jobcenter"}
"""Words of earlier versions, still taken (`arbejdsgiver` is Danish's own word)."""
assert tuple(dict.fromkeys(AUDIENCE_WORDS["da"].values())) == AUDIENCES, "the sheets' own ids"


def _audience_from(word: str) -> str | None:
    word = word.strip().lower()
    for words in AUDIENCE_WORDS.values():
        if word in words:
            return words[word]
    return AUDIENCE_ALIASES.get(word)


def _path(text: str) -> Path:
    # A shell leaves "~" alone after "--file=", and every command must open the
    # same file for the same words.
    return Path(text).expanduser()


# -- argparse in the run's language ---------------------------------------------------------


@contextmanager
def argparse_speaks(lang: str) -> Iterator[None]:
    """argparse's own words ("usage:", "error:", "the following arguments are required")
    in `lang` while the parser is built and used.

    argparse looks every message up through gettext as it goes (module-level `_` and
    `ngettext`); those are swapped for the table of `argparse_*` strings, keyed by
    argparse's English text, and put back afterwards.
    """
    table = {
        str(entry["en"]): str(entry.get(lang) or entry["en"])
        for key, entry in strings().items()
        if key.startswith("argparse_")
    }

    def gettext(message: str) -> str:
        return table.get(message, message)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = gettext, ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


def _language_asked(argv: Sequence[str]) -> str | None:
    """The `--lang` of a command line, read before it is parsed (None: not given, or no
    language of ours; argparse then says so)."""
    for i, word in enumerate(argv):
        if word == "--":
            break
        value = None
        if word == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        elif word.startswith("--lang="):
            value = word.split("=", 1)[1]
        if value in LANGUAGES:
            return value
    return None


def _whole_number(lang: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(
                t("cli_not_a_whole_number", lang, value=repr(text))
            ) from None

    return parse


def _audience(lang: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        audience = _audience_from(text)
        if audience is None:
            choices = ", ".join(repr(w) for w in AUDIENCE_WORDS[lang])
            raise argparse.ArgumentTypeError(
                t("cli_audience_invalid", lang, value=repr(text), choices=choices)
            )
        return audience

    return parse


def _help(key: str, lang: str, **values: object) -> str:
    """A help text; `values` are filled in here, so a % in them must not reach argparse."""
    escaped = {k: str(v).replace("%", "%%") for k, v in values.items()}
    return t(key, lang, **escaped)


# -- the grammar ----------------------------------------------------------------------------


def build_parser(lang: str = "da") -> argparse.ArgumentParser:
    """The full command-line grammar, its help in `lang`.

    argparse's own words follow `lang` only inside `argparse_speaks(lang)` (as `main`
    builds and uses it).
    """
    from mixerpult.store import default_path, sheets_dir

    def say(key: str, **values: object) -> str:
        return _help(key, lang, **values)

    def add_pack_option(parser: argparse.ArgumentParser) -> None:
        parser.add_argument(
            "--questions", type=_path, metavar=say("cli_metavar_pack"), help=say("cli_questions")
        )

    def add_lang_option(parser: argparse.ArgumentParser, key: str) -> None:
        # SUPPRESS: a subcommand without its own --lang keeps the one given before it
        # (`mixerpult --lang en render`); a default here would overwrite it.
        parser.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS, help=say(key))

    parser = argparse.ArgumentParser(
        prog="mixerpult", description=say("cli_description"), epilog=say("cli_epilog")
    )
    # Python 3.11's version action has its help as a literal default, never looked up.
    parser.add_argument(
        "--version", action="version", version=f"mixerpult {__version__}", help=say("cli_version")
    )
    parser.add_argument(
        "--file",
        type=_path,
        metavar=say("cli_metavar_path"),
        help=say("cli_file", path=default_path()),
    )
    parser.add_argument("--lang", choices=LANGUAGES, help=say("cli_lang"))
    parser.add_argument(
        "--theme", choices=("default", "high-contrast", "ansi"), help=say("cli_theme")
    )
    parser.add_argument("--walkthrough", action="store_true", help=say("cli_walkthrough"))
    parser.add_argument("--shared-screen", action="store_true", help=say("cli_shared_screen"))
    parser.add_argument("--where", action="store_true", help=say("cli_where"))
    add_pack_option(parser)
    sub = parser.add_subparsers(dest="command", metavar=say("cli_metavar_command"))

    check = sub.add_parser("check", help=say("cli_check"), description=say("cli_check_description"))
    check.add_argument(
        "target",
        nargs="?",
        type=_path,
        metavar=say("cli_metavar_dir"),
        help=say("cli_check_target"),
    )
    check.add_argument(
        "--templates",
        type=_path,
        metavar=say("cli_metavar_dir"),
        help=say("cli_check_templates"),
    )
    add_lang_option(check, "cli_check_lang")

    render = sub.add_parser(
        "render", help=say("cli_render"), description=say("cli_render_description")
    )
    render.add_argument(
        "answers",
        nargs="?",
        type=_path,
        metavar=say("cli_metavar_answers"),
        help=say("cli_render_answers"),
    )
    render.add_argument(
        "--format", "-f", choices=FORMATS, default="pdf", help=say("cli_render_format")
    )
    render.add_argument(
        "-o",
        "--output",
        type=_path,
        metavar=say("cli_metavar_path"),
        help=say("cli_render_output", path=sheets_dir()),
    )
    add_lang_option(render, "cli_render_lang")
    municipality, employer = AUDIENCE_WORDS[lang]
    render.add_argument(
        "--audience",
        type=_audience(lang),
        default="jobcenter",
        metavar="{" + ",".join(AUDIENCE_WORDS[lang]) + "}",
        help=say("cli_render_audience", municipality=municipality, employer=employer),
    )
    # The mulighedserklæring's word is the same in both languages (the form's own name).
    render.add_argument(
        "--sheet",
        choices=SHEETS,
        default=SHEETS[0],
        help=say("cli_render_sheet", statement=SHEETS[1]),
    )
    render.add_argument(
        "--templates",
        type=_path,
        metavar=say("cli_metavar_dir"),
        help=say("cli_render_templates"),
    )
    add_pack_option(render)

    serve = sub.add_parser("serve", help=say("cli_serve"), description=say("cli_serve_description"))
    serve.add_argument(
        "--file",
        type=_path,
        metavar=say("cli_metavar_answers"),
        dest="serve_file",
        help=say("cli_serve_file"),
    )
    serve.add_argument(
        "--port", type=_whole_number(lang), default=8000, metavar="N", help=say("cli_serve_port")
    )
    serve.add_argument(
        "--host", default="127.0.0.1", metavar=say("cli_metavar_host"), help=say("cli_serve_host")
    )
    serve.add_argument("--allow-remote", action="store_true", help=say("cli_serve_allow_remote"))
    serve.add_argument(
        "--font-size",
        type=_whole_number(lang),
        default=None,
        metavar="N",
        help=say(
            "cli_serve_font_size",
            low=FONT_SIZES.start,
            high=FONT_SIZES.stop - 1,
            default=SHARED_SCREEN_FONT_SIZE,
        ),
    )
    serve.add_argument(
        "--walkthrough",
        action="store_true",
        dest="serve_walkthrough",
        help=say("cli_serve_walkthrough"),
    )
    add_lang_option(serve, "cli_serve_lang")
    add_pack_option(serve)
    return parser


# -- the commands ---------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from mixerpult.checker import check_path
    from mixerpult.resources import questions_dir, templates_dir
    from mixerpult.sheet.templates import check_templates

    # Packs are what is checked, and may be broken or several: no file chooses the language.
    lang = args.lang or "da"

    target = args.target or questions_dir()
    problems = check_path(target)
    problems.extend(check_templates(args.templates))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    count = len(problems) - errors
    warnings = t("cli_count_warnings", lang, count=count)
    if errors:
        found = t("cli_count_errors", lang, count=errors)
        print(t("cli_check_found", lang, errors=found, warnings=warnings), file=sys.stderr)
        return 1
    templates = args.templates or templates_dir()
    key = "cli_check_ok_warnings" if count else "cli_check_ok"
    print(t(key, lang, target=target, templates=templates, warnings=warnings))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    words = list(sys.argv[1:] if argv is None else argv)
    lang = _language_asked(words) or "da"
    with argparse_speaks(lang):
        args = build_parser(lang).parse_args(words)
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
