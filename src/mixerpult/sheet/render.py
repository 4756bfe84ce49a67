"""Rendering the sheet: a view through a template to text, or through Typst to PDF.

`render_session` is the one entry point the wizard's finish screen and
`mixerpult render` share. Every file is written like the answers file itself:
atomically and readable by the user alone, since the sheet holds the same
health information.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from types import TracebackType

from mixerpult.answers import Session
from mixerpult.files import write_private
from mixerpult.questionnaire import Questionnaire
from mixerpult.sheet.formats import ACCEPTED_SUFFIXES, FORMATS, PREPARATION, SUFFIXES
from mixerpult.sheet.templates import TEMPLATE_NAMES, environment, template_names
from mixerpult.sheet.view import SheetView, build_view

__all__ = ["ACCEPTED_SUFFIXES", "FORMATS", "SUFFIXES"]


class SheetError(Exception):
    """The sheet could not be made (a broken template, a Typst error); says where."""


def _where(tb: TracebackType | None, default: str) -> str:
    """'FILE:LINE' of the innermost template frame of a traceback."""
    # Jinja2 rewrites tracebacks so that template frames carry the template's own file
    # and line (an included template's too); the last such frame is where it happened.
    where = f"{default}:1"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith(".j2"):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def render_text(view: SheetView, fmt: str, templates: Path | None = None) -> str:
    """The sheet as text in `fmt` ('md', 'html', 'txt', or 'pdf' for the Typst source)."""
    from jinja2 import TemplateError

    if fmt not in TEMPLATE_NAMES:
        raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(TEMPLATE_NAMES)})")
    name = template_names(view.sheet)[fmt]
    env = environment(fmt, templates)
    try:
        template = env.get_template(name)
    except TemplateError as exc:
        where = f"{getattr(exc, 'filename', None) or name}"
        line = getattr(exc, "lineno", None)
        raise SheetError(f"{where}:{line or 1}: {exc}") from exc
    try:
        return template.render(view=view, t=view.t)
    except Exception as exc:  # a user's template can fail in any way: say where, never crash
        where = _where(exc.__traceback__, template.filename or name)
        raise SheetError(f"{where}: {exc or type(exc).__name__}") from exc


def typst_source(view: SheetView, templates: Path | None = None) -> str:
    """The Typst document of the sheet (the PDF's source)."""
    return render_text(view, "pdf", templates)


def render_pdf(view: SheetView, templates: Path | None = None) -> bytes:
    """The sheet as an A4 PDF, made by Typst with its own embedded fonts."""
    import typst

    from mixerpult.resources import templates_dir

    source = typst_source(view, templates)
    try:
        # System fonts are ignored: the same sheet on every computer, and no font scan.
        # The root is the template folder, so a user's template may use its own images.
        compiler = typst.Compiler(root=str(templates or templates_dir()), ignore_system_fonts=True)
        pdf = compiler.compile(input=source.encode("utf-8"), format="pdf")
    except typst.TypstError as exc:
        detail = getattr(exc, "message", "") or str(exc)
        raise SheetError(f"{template_names(view.sheet)['pdf']}: Typst: {detail}") from exc
    if not isinstance(pdf, bytes):  # pragma: no cover - only multi-page image formats give lists
        raise SheetError("Typst did not return a PDF")
    return pdf


def file_name(view: SheetView, fmt: str) -> str:
    """The sheet's file name in a folder, e.g. 'forberedelse.pdf' or 'preparation.html'."""
    return view.file_stem + SUFFIXES[fmt]


def write_sheet(view: SheetView, fmt: str, path: Path, templates: Path | None = None) -> Path:
    """Render `view` as `fmt` and write it to `path` (0600, atomically)."""
    if fmt == "pdf":
        write_private(path, render_pdf(view, templates))
    else:
        write_private(path, render_text(view, fmt, templates))
    return path


def _formats(formats: Iterable[str]) -> list[str]:
    chosen: list[str] = []
    for fmt in formats:
        for one in FORMATS if fmt == "all" else (fmt,):
            if one not in FORMATS:
                raise ValueError(f"unknown format {one!r} (one of: {', '.join(FORMATS)}, all)")
            if one not in chosen:
                chosen.append(one)
    return chosen


def render_session(
    session: Session,
    pack: Questionnaire,
    formats: list[str],
    out_dir: Path,
    lang: str,
    audience: str = "jobcenter",
    templates: Path | None = None,
    sheet: str = PREPARATION,
) -> list[Path]:
    """Write the sheet in each of `formats` into `out_dir`; returns the files written.

    Names are fixed per language and audience (forberedelse.pdf,
    forberedelse-arbejdsgiver.pdf, preparation.pdf …), so the employer's
    version never overwrites the full one, or the other way round.
    `sheet`: the preparation sheet, or the mulighedserklæring's part 1 (its own name:
    mulighedserklaering-del-1.pdf …). Raises SheetError (template or Typst) or
    store.SaveError (disk).
    """
    view = build_view(session, pack, lang, audience, sheet=sheet)
    return [
        write_sheet(view, fmt, out_dir / file_name(view, fmt), templates)
        for fmt in _formats(formats)
    ]
