"""Writing files only the user can read: folders 0700, files 0600, written atomically.

A write goes through a temporary file that is fsynced and renamed, so a crash or
SIGKILL leaves the old file or the new one, never half of one. Failures are plain
`OSError`s: `mixerpult.files` explains them to the user. This module imports
nothing of mixerpult, so that the lowest modules (the program's own words, kept in
the cache folder) can write privately too.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def ensure_private_dir(folder: Path) -> None:
    """Create `folder` and any missing folder above it, each 0700; folders that exist (the
    user's ~/Documents, say) are left exactly as they are."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        if folder.parent == folder:
            break
        folder = folder.parent
    # From the top down, one at a time: mkdir(parents=True) would make the folders above
    # with the umask's mode (0755), readable by everyone on the machine.
    for new in reversed(missing):
        try:
            new.mkdir(mode=0o700)
        except FileExistsError:
            continue  # made by someone else just now: theirs, so left alone
        os.chmod(new, 0o700)  # a umask of 0o277 or such takes bits from mode


def write_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a fsynced temporary file, 0600; OSError on failure."""
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
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
