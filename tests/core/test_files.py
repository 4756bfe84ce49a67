"""Private files: every folder the program makes is 0700, a user's own folder is left as it
is, and the lock beside the answers file is gone once it is released."""

from __future__ import annotations

import fcntl
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from mixerpult import files


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def _usual_umask() -> Iterator[None]:
    # The umask most systems have: folders made without care come out 0755.
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_every_folder_made_is_private(tmp_path: Path) -> None:
    files.ensure_private_dir(tmp_path / "Documents" / "Mixerpult" / "ark")
    for folder in ("Documents", "Documents/Mixerpult", "Documents/Mixerpult/ark"):
        assert _mode(tmp_path / folder) == 0o700, folder


def test_a_folder_of_the_users_is_left_as_it_is(tmp_path: Path) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir(mode=0o755)
    files.write_private(documents / "Mixerpult" / "forberedelse.md", "# Ark")
    assert _mode(documents) == 0o755, "never chmod a folder the program did not make"
    assert _mode(documents / "Mixerpult") == 0o700
    assert _mode(documents / "Mixerpult" / "forberedelse.md") == 0o600


def test_released_lock_leaves_no_file(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    with files.Lock(answers) as lock:
        assert lock.path.exists()
    assert not lock.path.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_lock_taken_as_the_other_lets_go_is_taken_on_the_file_that_stays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Releasing removes the lock file, so a second wizard may lock a file that is gone by
    the time it has the lock: it must try again on the new one, or two wizards share a file."""
    answers = tmp_path / "answers.yaml"
    first = files.Lock(answers)
    first.acquire()
    real_flock = fcntl.flock
    calls = 0

    def flock(fd: int, operation: int) -> None:
        nonlocal calls
        calls += 1
        if calls == 1:
            first.release()  # the first wizard ends between the second's open and flock
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock)
    second = files.Lock(answers)
    second.acquire()
    monkeypatch.setattr(fcntl, "flock", real_flock)
    try:
        assert second.path.exists(), "the second wizard holds the lock file that is there"
        with pytest.raises(files.FileLocked):
            files.Lock(answers).acquire()
    finally:
        second.release()


def test_the_cache_folder_and_those_above_it_are_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mixerpult.resources import user_cache_dir

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home" / ".cache"))
    assert user_cache_dir("packs") == tmp_path / "home" / ".cache" / "mixerpult" / "packs"
    for folder in ("home", "home/.cache", "home/.cache/mixerpult", "home/.cache/mixerpult/packs"):
        assert _mode(tmp_path / folder) == 0o700, folder
