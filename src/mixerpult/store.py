"""Answers files on disk: found, read, written atomically, locked, kept private.

Health information lives here, so files are created 0600 in a 0700 folder,
writes go through a temporary file that is fsynced and renamed (a crash or
SIGKILL leaves the old or the new file, never half of one), and a file that
cannot be read is set aside, never overwritten.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import tempfile
from pathlib import Path
from typing import Any

import yaml

from mixerpult.answers import Session, SessionFormatError, session_from_data
from mixerpult.yamlsource import load_checked

FILE_NAME = "answers.yaml"
MAX_FILE_BYTES = 5 * 1024 * 1024


class _Explained(Exception):
    """An error whose reason is a string key (`reason_*` in strings/core.yaml), so the
    wizard can say it in the user's language; `reason` is the English text."""

    def __init__(self, path: Path, code: str, **values: Any) -> None:
        self.path = path
        self.code = code
        self.values = values
        super().__init__(f"{path}: {self.reason}")

    def reason_in(self, lang: str) -> str:
        """Why, in `lang`."""
        from mixerpult.i18n import t

        return t(f"reason_{self.code}", lang, **self.values)

    @property
    def reason(self) -> str:
        return self.reason_in("en")


class AnswersFileError(_Explained):
    """An answers file that cannot be read; the file is left as it is."""


class SaveError(_Explained):
    """Saving failed (read-only folder, full disk …); the answers are still in memory."""


def data_dir() -> Path:
    """The user's private data folder for mixerpult."""
    from platformdirs import user_data_path

    return user_data_path("mixerpult", appauthor=False)


def default_path() -> Path:
    """Where the answers are kept when no --file is given."""
    return data_dir() / FILE_NAME


# -- reading ---------------------------------------------------------------


_YAML_BREAKS = ("\x85", "\u2028", "\u2029")


class _Dumper(yaml.SafeDumper):
    """Writes multi-line answers as readable `|` blocks."""


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    # YAML folds NEL and the Unicode line/paragraph separators into plain line breaks
    # unless they are escaped, so such text always goes double-quoted; other multi-line
    # text reads best as a block (PyYAML quotes it by itself if a block cannot hold it).
    if any(c in value for c in _YAML_BREAKS):
        style: str | None = '"'
    else:
        style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def dumps(session: Session) -> str:
    """The YAML text of a session."""
    return yaml.dump(
        session.to_data(), Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100
    )


def loads(text: str) -> Session:
    """Parse a session from YAML text (SessionFormatError or yaml.YAMLError on failure).

    Aliases are checked before anything walks the data: an unknown key is kept and
    saved again, so a "billion laughs" there would hang the first save.
    """
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


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` (0700) if missing; an existing folder of the user's is left alone."""
    if not folder.exists():
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)


def write_private(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` atomically, readable by the user alone; SaveError on failure.

    Text is written as UTF-8.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp_name = ""
    try:
        ensure_private_dir(path.parent)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as handle:  # mkstemp makes it 0600
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
        tmp_name = ""
        with contextlib.suppress(OSError):  # not every file system syncs a folder
            dir_fd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise SaveError(path, "disk_full") from exc
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            raise SaveError(path, "not_writable") from exc
        if exc.errno in (errno.ENOTDIR, errno.EEXIST):
            # A file where a folder must be ("sheets.pdf/forberedelse.pdf").
            raise SaveError(path, "not_a_folder") from exc
        if exc.errno == errno.EISDIR:
            raise SaveError(path, "is_a_folder") from exc
        raise SaveError(path, "os", detail=exc.strerror or exc) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)


def save(path: Path, session: Session) -> None:
    """Save a session atomically (SaveError on failure; the session is untouched)."""
    write_private(path, dumps(session))


# -- one wizard per file ---------------------------------------------------


class FileLocked(Exception):
    """Another mixerpult has the answers file open."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is already open in another mixerpult window")
        self.path = path


class Lock:
    """An advisory lock beside the answers file, released when the process ends.

    fcntl locks die with their process, so a crashed wizard never leaves a
    stale lock behind.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(f".{path.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        import fcntl

        ensure_private_dir(self.path.parent)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            raise FileLocked(self.path.with_name(self.path.name[1:-5])) from exc
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Lock:
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()
