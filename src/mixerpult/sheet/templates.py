"""Loading and checking the sheet's Jinja2 templates.

Every template, shipped or the user's own (`--templates DIR`), runs in Jinja2's
sandbox: a template folder from someone else cannot reach Python. Each format
has its own escape function as `finalize`, so every `{{ … }}` is escaped for
its format even where a template forgets a filter. Jinja2 is imported only
here and only when a sheet is made or checked.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markupsafe import Markup

from mixerpult.problems import Problem
from mixerpult.resources import user_cache_dir
from mixerpult.sheet import escape

if TYPE_CHECKING:
    from jinja2 import BytecodeCache
    from jinja2.sandbox import SandboxedEnvironment

TEMPLATE_NAMES = {
    "md": "sheet.md.j2",
    "html": "sheet.html.j2",
    "txt": "sheet.txt.j2",
    "pdf": "sheet.typ.j2",
}
"""The template of each format, looked up in the user's folder first, then the shipped one."""
STATEMENT_TEMPLATE_NAMES = {
    "md": "mulighedserklaering.md.j2",
    "html": "mulighedserklaering.html.j2",
    "txt": "mulighedserklaering.txt.j2",
    "pdf": "mulighedserklaering.typ.j2",
}
"""The template of each format for the mulighedserklæring's part 1 (`--sheet`)."""


def template_names(sheet: str) -> dict[str, str]:
    """The template of each format for the kind of sheet `sheet`."""
    from mixerpult.sheet.formats import STATEMENT

    return STATEMENT_TEMPLATE_NAMES if sheet == STATEMENT else TEMPLATE_NAMES


_KIND_OF_SUFFIX = {".md.j2": "md", ".html.j2": "html", ".txt.j2": "txt", ".typ.j2": "pdf"}


def _html_finalize(value: Any) -> Any:
    # Autoescape does the escaping; this only drops control characters first.
    if isinstance(value, Markup):
        return value
    return "" if value is None else escape.clean(str(value))


def _md(value: Any) -> Markup:
    return Markup(escape.md_escape(value))


def _typ(value: Any) -> Markup:
    return Markup(escape.typst_value(value))


def _underline(value: Any, char: str = "=") -> Markup:
    text = escape.txt_escape(value)
    return Markup(f"{text}\n{char * len(text)}")


_FINALIZE: dict[str, Callable[[Any], Any]] = {
    "md": escape.md_escape,
    "html": _html_finalize,
    "txt": escape.txt_escape,
    "pdf": escape.typst_value,
}


def kind_of(name: str) -> str:
    """The format a template file belongs to, from its name (txt when unknown)."""
    return next((k for suffix, k in _KIND_OF_SUFFIX.items() if name.endswith(suffix)), "txt")


def _bytecode_cache() -> BytecodeCache | None:
    """Compiled templates kept between runs: compiling them is a tenth of `render`'s time.

    The cache holds only the templates (no answers); it is keyed by each
    template's source, so an edited template is compiled anew.
    """
    from jinja2 import FileSystemBytecodeCache

    folder = user_cache_dir("templates")
    if folder is None:
        return None  # no cache folder: compile every time, as without one
    return FileSystemBytecodeCache(str(folder))


@cache
def environment(fmt: str, folder: Path | None = None) -> SandboxedEnvironment:
    """The sandboxed Jinja2 environment for format `fmt`, with the user's `folder` first."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    from mixerpult.resources import templates_dir

    folders = [folder] if folder is not None else []
    env = SandboxedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(f) for f in [*folders, templates_dir()]]),
        autoescape=fmt == "html",
        finalize=_FINALIZE[fmt],
        # A misspelt name fails loudly instead of leaving a silent gap on the sheet.
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_bytecode_cache(),
    )
    if fmt == "md":
        env.filters["md"] = _md
        env.filters["md_block"] = escape.md_block
    elif fmt == "pdf":
        env.filters["typ"] = _typ
    env.filters["underline"] = _underline
    return env


def _template_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.j2") if p.is_file())


def check_templates(folder: Path | None) -> list[Problem]:
    """Every template syntax error in `folder` (default: the shipped templates)."""
    from jinja2 import TemplateSyntaxError

    from mixerpult.resources import templates_dir

    where = folder if folder is not None else templates_dir()
    if not where.is_dir():
        return [Problem(where, 1, 1, "no such template folder")]
    files = _template_files(where)
    problems: list[Problem] = []
    if not any(p.name in TEMPLATE_NAMES.values() for p in files):
        names = ", ".join(TEMPLATE_NAMES.values())
        problems.append(
            Problem(where, 1, 1, f"no sheet template here (one of: {names})", "warning")
        )
    for file in files:
        try:
            source = file.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(file, 1, 1, f"cannot read the template: {exc}"))
            continue
        env = environment(kind_of(file.name), folder)
        try:
            # compile, not just parse: it also catches unknown filters and tests.
            env.compile(source, file.name, str(file))
        except TemplateSyntaxError as exc:
            problems.append(
                Problem(file, exc.lineno or 1, 1, f"template error: {exc.message or exc}")
            )
    return problems
