"""The program's words: the same placeholders in every language and plural form, and
plurals, dates and numbers as each language writes them (Babel's CLDR data)."""

from __future__ import annotations

import datetime as dt
import shutil
import stat
import string
from collections.abc import Iterator
from pathlib import Path

import pytest

from mixerpult import i18n
from mixerpult.i18n import LANGUAGES, format_date, format_number, strings, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def _forms(entry: object) -> list[str]:
    return list(entry.values()) if isinstance(entry, dict) else [str(entry)]


@pytest.mark.parametrize("key", sorted(strings()))
def test_every_language_has_the_same_placeholders(key: str) -> None:
    entry = strings()[key]
    assert set(entry) >= set(LANGUAGES), f"{key} lacks a language"
    plural = any(isinstance(entry[lang], dict) for lang in LANGUAGES)
    fields: dict[tuple[str, str], set[str]] = {}
    for lang in LANGUAGES:
        value = entry[lang]
        forms = value if isinstance(value, dict) else {"": value}
        for form, text in forms.items():
            fields[(lang, form)] = _fields(text)
    # A plural form for one may say "a question" instead of the count; nothing else
    # may differ between languages and forms.
    assert len({frozenset(f - {"count"} if plural else f) for f in fields.values()}) == 1, fields
    if plural:
        assert all(isinstance(entry[lang], dict) and "other" in entry[lang] for lang in LANGUAGES)
        assert all("count" in fields[(lang, "other")] for lang in LANGUAGES), fields


def test_plural_forms_follow_the_count() -> None:
    assert t("soft_warning", "en", count=1).startswith("A question is")
    assert t("soft_warning", "en", count=2).startswith("2 questions are")
    assert t("review_missing_hard", "en", count=1).startswith("A question must")
    assert t("cli_count_warnings", "da", count=1) == "1 advarsel"
    assert t("cli_count_warnings", "da", count=3) == "3 advarsler"
    assert t("cli_count_errors", "en", count=1) == "1 error"


def test_dates_and_numbers_as_each_language_writes_them() -> None:
    day = dt.date(2026, 12, 3)
    assert format_date(day, "da") == "3. december 2026"
    assert format_date(day, "en") == "3 December 2026"
    assert format_number(32.5, "da") == "32,5"
    assert format_number(32.5, "en") == "32.5"
    assert format_number(37.0, "da") == "37"
    assert format_number(1000, "da") == "1000"
    assert format_number(10**400, "da") == "1" + "0" * 400


@pytest.fixture
def own_strings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of the strings folder, read afresh (no table kept in this process), with
    an empty cache folder (`tmp_path/cache`)."""
    folder = tmp_path / "strings"
    shutil.copytree(i18n._FOLDER, folder)
    monkeypatch.setattr(i18n, "_FOLDER", folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    strings.cache_clear()
    yield folder
    strings.cache_clear()


def _kept(cache: Path) -> list[Path]:
    return sorted((cache / "mixerpult" / "strings").glob("*.json"))


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(_sources: object) -> None:
        raise AssertionError("the YAML was parsed again")

    monkeypatch.setattr(i18n, "_parse_strings", refuse)


def test_the_words_are_read_from_yaml_once_then_from_the_cache(
    own_strings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = strings()
    [kept] = _kept(tmp_path / "cache")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600, "readable by the user alone"
    strings.cache_clear()
    _no_yaml(monkeypatch)
    assert strings() == first


def test_an_edited_strings_file_is_read_again(own_strings: Path, tmp_path: Path) -> None:
    before = t("store_locked", "da", path="X")
    strings.cache_clear()
    core = own_strings / "core.yaml"
    words = core.read_text(encoding="utf-8")
    core.write_text(words + "\nnew_key_for_test:\n  da: nyt ord\n  en: new word\n")
    assert t("new_key_for_test", "da") == "nyt ord"
    assert t("store_locked", "da", path="X") == before
    assert len(_kept(tmp_path / "cache")) == 2


def test_a_damaged_cache_file_is_read_past(own_strings: Path, tmp_path: Path) -> None:
    first = strings()
    [kept] = _kept(tmp_path / "cache")
    for damage in (b"{not json", b"[1, 2]", b'{"store_locked": "only a string"}'):
        kept.write_bytes(damage)
        strings.cache_clear()
        assert strings() == first


def test_without_a_cache_folder_the_words_still_come(
    own_strings: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert t("store_locked", "da", path="X")
