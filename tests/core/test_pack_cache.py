"""The validated-pack cache: same model as a full check, never trusted by `mixerpult check`."""

from __future__ import annotations

import shutil
import stat
from pathlib import Path

import pytest

from mixerpult import checker, pack_cache
from mixerpult.cli import main
from mixerpult.limits import MAX_PACK_BYTES
from mixerpult.packs import PackError, load_pack
from mixerpult.problems import Problem
from mixerpult.questionnaire import Questionnaire

PACKS = Path(__file__).resolve().parent.parent / "packs"
SHIPPED = Path(__file__).resolve().parents[2] / "questions" / "sygeopfoelgning.yaml"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user cache folder of these tests is their own (platformdirs reads XDG_CACHE_HOME)."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder


@pytest.fixture
def pack_path(tmp_path: Path) -> Path:
    path = tmp_path / "pack.yaml"
    shutil.copy(PACKS / "valid" / "minimal.yaml", path)
    return path


def _no_full_check(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(path: Path) -> tuple[Questionnaire | None, list[Problem]]:
        raise AssertionError(f"{path} was checked in full")

    monkeypatch.setattr(checker, "check_file", fail)


@pytest.mark.parametrize("path", [SHIPPED, PACKS / "valid" / "minimal.yaml"], ids=lambda p: p.stem)
def test_a_cache_hit_gives_the_same_model(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    checked = load_pack(path)
    assert pack_cache.cache_file(path.read_bytes()) is not None
    _no_full_check(monkeypatch)
    cached = load_pack(path)
    assert cached == checked
    assert cached.content_hash == checked.content_hash != ""
    assert cached.questions.keys() == checked.questions.keys()


def test_cache_files_are_private(pack_path: Path, cache_home: Path) -> None:
    load_pack(pack_path)
    path = pack_cache.cache_file(pack_path.read_bytes())
    assert path is not None and path.is_file()
    for folder in (cache_home / "mixerpult", path.parent):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_cache_folder_open_to_others_is_made_private(pack_path: Path, cache_home: Path) -> None:
    base = cache_home / "mixerpult"
    (base / "packs").mkdir(parents=True, mode=0o755)
    base.chmod(0o755)
    (base / "packs").chmod(0o775)
    load_pack(pack_path)
    for folder in (base, base / "packs"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_pack_too_large_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "stor.yaml"
    with path.open("wb") as file:
        file.truncate(MAX_PACK_BYTES + 1)  # sparse: no disk used

    def no_reading(self: Path, *args: object, **kwargs: object) -> bytes:
        raise AssertionError(f"{self} was read")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    monkeypatch.setattr(Path, "read_text", no_reading)
    with pytest.raises(PackError) as caught:
        load_pack(path)
    assert f"{path}:1:1: error: the file is 2.1 MB; a question pack is at most 2 MB" in str(
        caught.value
    )


def test_a_changed_pack_is_checked_again(pack_path: Path) -> None:
    load_pack(pack_path)
    text = pack_path.read_text(encoding="utf-8")
    pack_path.write_text(text.replace("Lille test", "Anden test"), encoding="utf-8")
    assert load_pack(pack_path).title["da"] == "Anden test"
    pack_path.write_text(text.replace("type: text", "type: tekst"), encoding="utf-8")
    with pytest.raises(PackError, match="unknown type 'tekst'"):
        load_pack(pack_path)


@pytest.mark.parametrize("garbage", [b"", b"{not json", b'{"format": 2}', b"\xff\xfe"])
def test_a_corrupt_cache_file_is_ignored_and_written_anew(pack_path: Path, garbage: bytes) -> None:
    checked = load_pack(pack_path)
    path = pack_cache.cache_file(pack_path.read_bytes())
    assert path is not None
    path.write_bytes(garbage)
    assert load_pack(pack_path) == checked
    assert pack_cache.read(pack_path.read_bytes()) == checked, "the file was written anew"


def test_no_cache_folder_is_no_problem(pack_path: Path, cache_home: Path) -> None:
    cache_home.write_text("a file where the folder should be", encoding="utf-8")
    assert pack_cache.cache_file(pack_path.read_bytes()) is None
    assert load_pack(pack_path).id == "minimal"


def test_a_pack_that_json_would_change_is_not_cached(pack_path: Path) -> None:
    # A date in a condition comes back from JSON as a string: keep such a pack out.
    text = pack_path.read_text(encoding="utf-8")
    # (`navn` made a date question, since the checker refuses a text compared with a date.)
    text = text.replace("- id: navn\n        type: text", "- id: navn\n        type: date")
    pack_path.write_text(
        text.replace(
            "visible_if: {answer: plan, equals: ja}",
            "visible_if: {answer: navn, equals: 2026-01-05}",
        ),
        encoding="utf-8",
    )
    checked = load_pack(pack_path)
    path = pack_cache.cache_file(pack_path.read_bytes())
    assert path is not None and not path.exists()
    assert load_pack(pack_path) == checked


def test_the_check_command_never_trusts_the_cache(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    shutil.copy(PACKS / "broken" / "03_unknown_type.yaml", broken)
    good = load_pack(PACKS / "valid" / "minimal.yaml")
    # As if the broken pack's bytes had passed before (a stale or planted cache file).
    planted = pack_cache.cache_file(broken.read_bytes())
    assert planted is not None
    planted.write_text(pack_cache._to_json(good), encoding="utf-8")
    assert load_pack(broken).id == "minimal", "load_pack does use the cache"
    assert main(["check", str(broken)]) == 1
    assert "unknown type 'tekst'" in capsys.readouterr().out
