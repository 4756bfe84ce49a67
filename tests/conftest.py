"""Shared fixtures: paths of the repository's data, and a private home for every test."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKS = Path(__file__).resolve().parent / "packs"


def pytest_configure(config: pytest.Config) -> None:
    """Collection already reads the program's words (a parametrize), which keeps them in
    the user's cache folder: a folder of this run's own, never the real user's."""
    folder = tempfile.mkdtemp(prefix="mixerpult-tests-cache-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["XDG_CACHE_HOME"] = folder


@pytest.fixture(autouse=True, scope="session")
def _private_homes_for_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The same for session-wide fixtures (a pack loaded once writes the pack cache),
    which pytest sets up before any test's own fixtures."""
    home = tmp_path_factory.mktemp("xdg-session")
    with pytest.MonkeyPatch.context() as patch:
        for name in ("DATA", "CONFIG", "CACHE"):
            patch.setenv(f"XDG_{name}_HOME", str(home / name.lower()))
        yield


@pytest.fixture(autouse=True)
def _private_data_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Keep every test away from the real user's data folder, and from their documents
    (where sheets go by default: ~/Documents/Mixerpult)."""
    home = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("HOME", str(home / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))


@pytest.fixture
def root() -> Path:
    return ROOT


@pytest.fixture
def minimal_pack_path() -> Path:
    return PACKS / "valid" / "minimal.yaml"
