"""`mixerpult render`: the command-line client of the sheet.

Reads the answers file and the pack, works out where each file goes, and
says in plain words what went wrong (exit 1) or where the files went (exit 0).
Nothing here imports Textual; Jinja2 and Typst load only when a sheet is made.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from mixerpult.i18n import t
from mixerpult.sheet.formats import ACCEPTED_SUFFIXES, FORMATS, SUFFIXES


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _targets(
    formats: list[str], output: Path | None, default_dir: Path, stem: str, lang: str
) -> list[tuple[str, Path]] | str:
    """(format, file) for each format, or an error message about `-o`."""

    def in_folder(folder: Path) -> list[tuple[str, Path]]:
        return [(fmt, folder / f"{stem}{SUFFIXES[fmt]}") for fmt in formats]

    if output is None:
        return in_folder(default_dir)
    # A folder: one that exists, one written with a trailing slash, or a name without
    # a suffix (nobody names a sheet file without one).
    is_folder = output.is_dir() or str(output).endswith(("/", "\\")) or not output.suffix
    if is_folder:
        return in_folder(output)
    if len(formats) > 1:
        return t("sheet_output_folder", lang, path=output)
    (fmt,) = formats
    if output.suffix.lower() not in ACCEPTED_SUFFIXES[fmt]:
        return t("sheet_output_suffix", lang, path=output, format=fmt, suffix=SUFFIXES[fmt])
    return [(fmt, output)]


def render_command(args: argparse.Namespace) -> int:
    """Render the sheet for the command line's arguments; returns the exit status."""
    from mixerpult import store
    from mixerpult.answers import notice_text, reconcile
    from mixerpult.language import run_language
    from mixerpult.packs import PackError, load_pack
    from mixerpult.resources import default_pack_path

    answers_path: Path = args.answers or store.default_path()
    pack_path: Path = args.questions or default_pack_path()
    try:
        session = store.load(answers_path)
    except FileNotFoundError:
        lang = run_language(args.lang, None, pack_path)
        return _fail(t("sheet_no_answers", lang, path=answers_path))
    except store.AnswersFileError as exc:
        lang = run_language(args.lang, None, pack_path)
        return _fail(t("sheet_bad_answers", lang, path=exc.path, reason=exc.reason_in(lang)))
    # The answers' language (read just now), as for every command: one language a run.
    lang = args.lang or session.language or run_language(None, None, pack_path)

    if not pack_path.is_file():
        return _fail(t("sheet_no_pack", lang, path=pack_path))
    try:
        pack = load_pack(pack_path)
    except PackError as exc:
        return _fail("\n".join([t("sheet_bad_pack", lang, path=pack_path), str(exc)]))
    # An answers file that does not say its language gets the pack's first, as the
    # wizard would start it.
    lang = args.lang or session.language or pack.languages[0]

    templates: Path | None = args.templates
    if templates is not None and not templates.is_dir():
        return _fail(t("sheet_templates_missing", lang, path=templates))

    # Differences between the answers and the pack are worth a word, never a stop:
    # every answer is kept, and the sheet shows what the pack still asks. Edited
    # wording alone (same id and version) changes nothing the sheet shows.
    for notice in reconcile(session, pack):
        if notice.kind == "content":
            continue
        print(notice_text(notice, pack, lang), file=sys.stderr)

    from mixerpult.sheet.render import SheetError, write_sheet
    from mixerpult.sheet.view import build_view

    view = build_view(session, pack, lang, args.audience, sheet=args.sheet)
    formats = list(FORMATS) if args.format == "all" else [args.format]
    targets = _targets(formats, args.output, store.sheets_dir(), view.file_stem, lang)
    if isinstance(targets, str):
        return _fail(targets)

    written: list[Path] = []
    for fmt, path in targets:
        try:
            written.append(write_sheet(view, fmt, path, templates))
        except SheetError as exc:
            return _fail(t("sheet_failed", lang, reason=exc))
        except store.SaveError as exc:
            return _fail(t("sheet_save_failed", lang, path=exc.path, reason=exc.reason_in(lang)))
    print(t("sheet_written", lang))
    for path in written:
        print(f"  {path}")
    return 0
