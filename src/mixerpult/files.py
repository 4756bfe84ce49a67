"""Private files on disk: written atomically, readable by the user alone, and locked.

The answers file, the sheet and the caches all hold or name health information, so
every file is created 0600 and every folder the program makes 0700 (written by
`mixerpult.private_io`, whose plain errors are explained here in the user's words).

This module is below the store (answers files) and the sheet writer, and knows
nothing of either: it imports no model of mixerpult.
"""

from __future__ import annotations

import contextlib
import errno
import os
from pathlib import Path
from typing import Any

# ensure_private_dir is also this module's: the lock's folder needs it, callers use it.
from mixerpult.private_io import ensure_private_dir as ensure_private_dir
from mixerpult.private_io import write_atomically


class Explained(Exception):
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


class SaveError(Explained):
    """Saving failed (read-only folder, full disk …); the answers are still in memory."""


# -- writing ---------------------------------------------------------------


def write_private(path: Path, content: str | bytes) -> None:
    """Write `content` to `path` atomically, readable by the user alone; SaveError on failure.

    Text is written as UTF-8.
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    try:
        write_atomically(path, data)
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


# -- one wizard per file ---------------------------------------------------


class FileLocked(Exception):
    """Another mixerpult has the answers file open."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} is already open in another mixerpult window")
        self.path = path


class Lock:
    """An advisory lock beside the answers file (`.NAME.lock`), released when the process ends.

    fcntl locks die with their process, so a crashed wizard never leaves a stale lock
    behind; a clean exit removes the file too.
    """

    def __init__(self, path: Path) -> None:
        self.path = path.with_name(f".{path.name}.lock")
        self._fd: int | None = None

    def acquire(self) -> None:
        import fcntl

        ensure_private_dir(self.path.parent)
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                raise FileLocked(self.path.with_name(self.path.name[1:-5])) from exc
            # The holder removes the file as it lets go: a lock got just then is on a file
            # that is gone, and the next wizard would lock a new one. Only the file that is
            # there counts; otherwise try again.
            try:
                there = os.stat(self.path)
            except FileNotFoundError:
                os.close(fd)
                continue
            held = os.fstat(fd)
            if (there.st_dev, there.st_ino) != (held.st_dev, held.st_ino):
                os.close(fd)
                continue
            self._fd = fd
            return

    def release(self) -> None:
        if self._fd is not None:
            # Removed while still held, so no lock file is left behind after a clean exit.
            with contextlib.suppress(OSError):
                os.unlink(self.path)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> Lock:
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()
