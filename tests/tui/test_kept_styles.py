"""The styles Textual parsed at one start are read back at the next, drawing the same.

`tui/kept_styles.py` keeps the parsed rules in the cache folder; a start that finds
them parses nothing, a damaged file is parsed anew and rewritten, and the file is
the user's alone.
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import pytest

from mixerpult.tui.app import MixerpultApp

from .conftest import AppFactory


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache folder of this test's own: nothing kept by other tests."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    return folder / "mixerpult" / "styles"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every source Textual's parser is given, from now on."""
    import textual.css.stylesheet as stylesheet
    from textual.css.parse import parse

    seen: list[object] = []

    def counting(*args: Any, **kwargs: Any) -> Any:
        seen.append(args[2] if len(args) > 2 else kwargs.get("read_from"))
        return parse(*args, **kwargs)

    monkeypatch.setattr(stylesheet, "parse", counting)
    return seen


async def _welcome(app: MixerpultApp) -> str:
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        return app.export_screenshot()


async def test_a_second_start_parses_no_style_and_draws_the_same(
    make_app: AppFactory, cache: Path, parses: list[object]
) -> None:
    first = await _welcome(make_app())
    assert parses, "the first start parses its styles"
    assert len(list(cache.glob("*.pickle"))) == 1
    parses.clear()
    second = await _welcome(make_app())
    assert parses == []
    assert second == first


async def test_a_damaged_file_is_parsed_anew_and_rewritten(
    make_app: AppFactory, cache: Path, parses: list[object]
) -> None:
    first = await _welcome(make_app())
    (kept,) = cache.glob("*.pickle")
    kept.write_bytes(b"\x80\x05not a pickle")
    parses.clear()
    again = await _welcome(make_app())
    assert parses, "parsed anew"
    assert again == first
    parses.clear()
    await _welcome(make_app())
    assert parses == [], "and kept again"


async def test_the_kept_styles_are_the_users_alone(make_app: AppFactory, cache: Path) -> None:
    await _welcome(make_app())
    (kept,) = cache.glob("*.pickle")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700


async def test_another_theme_keeps_its_own_styles(make_app: AppFactory, cache: Path) -> None:
    await _welcome(make_app())
    await _welcome(make_app(theme="high-contrast"))
    assert len(list(cache.glob("*.pickle"))) == 2


async def test_styles_that_cannot_be_kept_change_nothing_else(
    make_app: AppFactory, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fails(*args: Any, **kwargs: Any) -> bytes:
        raise RecursionError("too deep to pickle")

    monkeypatch.setattr("mixerpult.tui.kept_styles.pickle.dumps", fails)
    app = make_app()
    screen = await _welcome(app)
    assert "Velkommen" in screen
    assert app.return_code in (None, 0)
    assert list(cache.glob("*.pickle")) == []
