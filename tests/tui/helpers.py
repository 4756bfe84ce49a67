"""Small helpers shared by the wizard's tests."""

from __future__ import annotations

import sys
import time
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.content import Content
from textual.pilot import Pilot
from textual.widget import Widget

from mixerpult.answers import Session
from mixerpult.questionnaire import Questionnaire


async def wait_until(
    pilot: Pilot[Any], condition: Callable[[], bool], what: str, timeout: float = 10
) -> None:
    """Let the app run until `condition` holds (a loaded machine may take its time)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"still not {what} after {timeout} s"
        await pilot.pause(0.05)


async def run_command(pilot: Pilot[Any], query: str) -> None:
    """Open the command palette, type `query`, and run the first hit once hits are shown."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette), "open")
    await pilot.press(*query)
    hits = pilot.app.screen.query_one(CommandList)
    await wait_until(pilot, lambda: hits.option_count > 0, f"a hit for {query!r}")
    await pilot.pause(0.05)  # hits come in batches: let the last batch land
    await pilot.press("enter")
    await pilot.pause()


async def review_text(app: Any, pilot: Pilot[Any]) -> str:
    """Every item of the review page, as the screen shows it."""
    from mixerpult.tui.widgets.review_item import ReviewItem

    app.go("review")
    await pilot.pause()
    return "\n".join(text_of(item) for item in app.screen.query(ReviewItem))


def text_of(widget: Widget) -> str:
    """What a Static shows, as plain text (markup would have changed it)."""
    visual = widget.render()
    if isinstance(visual, Content):
        return visual.plain
    plain = getattr(visual, "plain", None)
    return plain if isinstance(plain, str) else str(visual)


def drawn(widget: Widget) -> str:
    """The text the screen shows where `widget` is, its lines joined by newlines."""
    region = widget.region
    lines = widget.screen._compositor.render_strips()[region.y : region.bottom]
    return "\n".join(line.crop(region.x, region.right).text for line in lines)


class FakeSheet:
    """Stands in for mixerpult.sheet.render while the sheet is written elsewhere."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []

    def render_session(
        self,
        session: Session,
        pack: Questionnaire,
        formats: list[str],
        out_dir: Path,
        lang: str,
        audience: str = "jobcenter",
        sheet: str = "forberedelse",
    ) -> list[Path]:
        self.calls.append(
            {
                "session": session,
                "formats": formats,
                "out_dir": out_dir,
                "lang": lang,
                "audience": audience,
                "sheet": sheet,
            }
        )
        out_dir.mkdir(parents=True, exist_ok=True)
        made = []
        for fmt in formats:
            path = out_dir / f"forberedelse.{fmt}"
            path.write_text("sheet", encoding="utf-8")
            made.append(path)
        return made

    def install(self, monkeypatch: Any) -> None:
        module = types.ModuleType("mixerpult.sheet.render")
        module.render_session = self.render_session  # type: ignore[attr-defined]
        monkeypatch.setitem(sys.modules, "mixerpult.sheet.render", module)
