"""Answers files on disk: found, read, saved, and set aside when they cannot be read.

Health information lives here, so saving goes through `mixerpult.files` (atomic,
0600 in a 0700 folder, and the lock that keeps one wizard per file), and a file
that cannot be read is set aside, never overwritten.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mixerpult.answers import Session, SessionFormatError, session_from_data
from mixerpult.files import Explained, write_private
from mixerpult.files import SaveError as SaveError  # store.save raises it: part of this API

if TYPE_CHECKING:
    import yaml

# PyYAML is imported where a file is read or written, not with this module: a first
# start, on a new file, shows its first page without it (its import is 10 ms).

FILE_NAME = "answers.yaml"
MAX_FILE_BYTES = 5 * 1024 * 1024


class AnswersFileError(Explained):
    """An answers file that cannot be read; the file is left as it is."""


def data_dir() -> Path:
    """The user's private data folder for mixerpult."""
    from platformdirs import user_data_path

    return user_data_path("mixerpult", appauthor=False)


def default_path() -> Path:
    """Where the answers are kept when no --file is given."""
    return data_dir() / FILE_NAME


def sheets_dir() -> Path:
    """Where sheets go when no folder is given: `Mixerpult` in the user's documents folder
    (~/Documents/Mixerpult), where people look for what they made, not the hidden data
    folder of the answers. Not made until a sheet is written (then 0700)."""
    from platformdirs import user_documents_path

    return user_documents_path() / "Mixerpult"


# -- reading ---------------------------------------------------------------


_YAML_BREAKS = ("\x85", "\u2028", "\u2029")


@cache
def _dumper() -> Any:
    """PyYAML's safe dumper, writing multi-line answers as readable `|` blocks."""
    import yaml

    class Dumper(yaml.SafeDumper):
        pass

    Dumper.add_representer(str, _str)
    return Dumper


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # YAML folds NEL and the Unicode line/paragraph separators into plain line breaks
    # unless they are escaped, so such text always goes double-quoted; other multi-line
    # text reads best as a block (PyYAML quotes it by itself if a block cannot hold it).
    if any(c in value for c in _YAML_BREAKS):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


def dumps(session: Session) -> str:
    """The YAML text of a session."""
    import yaml

    return yaml.dump(
        session.to_data(), Dumper=_dumper(), allow_unicode=True, sort_keys=False, width=100
    )


def loads(text: str) -> Session:
    """Parse a session from YAML text (SessionFormatError or yaml.YAMLError on failure).

    Aliases are checked before anything walks the data: an unknown key is kept and
    saved again, so a "billion laughs" there would hang the first save.
    """
    from mixerpult.yamlsource import load_checked

    return session_from_data(load_checked(text))


def load(path: Path) -> Session:
    """Read an answers file; AnswersFileError names what is wrong."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise AnswersFileError(path, "too_big", mb=size // 1024 // 1024)
        raw = path.read_bytes()
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise AnswersFileError(path, "unreadable", detail=exc.strerror or exc) from exc
    if not raw.strip():
        raise AnswersFileError(path, "empty")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise AnswersFileError(path, "not_utf8") from exc
    import yaml

    try:
        return loads(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else ("?", "?")
        raise AnswersFileError(
            path, "not_yaml_at", line=line, column=column, detail=exc.problem or exc
        ) from exc
    except yaml.YAMLError as exc:
        raise AnswersFileError(path, "not_yaml", detail=exc) from exc
    except SessionFormatError as exc:
        raise AnswersFileError(path, exc.code, **exc.values) from exc
    except (ValueError, OverflowError) as exc:
        # PyYAML builds dates as it reads: 2026-02-31 is valid YAML and no date.
        raise AnswersFileError(path, "impossible_value", detail=exc) from exc


def set_aside(path: Path, tag: str = "broken") -> Path:
    """Rename a file to a dated backup beside it (`NAME.TAG-DATE`); returns the new name.

    `broken` for a file that cannot be read, `backup` for one put away to start anew.
    """
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while backup.exists():
        n += 1
        backup = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
    os.replace(path, backup)
    return backup


# -- writing ---------------------------------------------------------------


def save(path: Path, session: Session) -> None:
    """Save a session atomically (SaveError on failure; the session is untouched)."""
    write_private(path, dumps(session))
