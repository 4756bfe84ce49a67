"""Small helpers shared by the wizard's tests."""

from __future__ import annotations

import sys
import types
from pathlib import Path
from typing import Any

from textual.content import Content
from textual.widget import Widget

from mixerpult.answers import Session
from mixerpult.questionnaire import Questionnaire


def text_of(widget: Widget) -> str:
    """What a Static shows, as plain text (markup would have changed it)."""
    visual = widget.render()
    if isinstance(visual, Content):
        return visual.plain
    plain = getattr(visual, "plain", None)
    return plain if isinstance(plain, str) else str(visual)


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
    ) -> list[Path]:
        self.calls.append(
            {
                "session": session,
                "formats": formats,
                "out_dir": out_dir,
                "lang": lang,
                "audience": audience,
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
