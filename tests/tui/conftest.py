"""Fixtures of the wizard's tests: packs, a private answers file, a frozen cursor.

Every app under test gets its answers path and pack in the constructor and a
HOME inside the test's temporary folder, so paths on screen read `~/…` (the
same in every run, which snapshots need) and no test can touch real data.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from textual.widgets import Input, TextArea

from mixerpult.packs import load_pack
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.app import MixerpultApp

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_PACK = ROOT / "questions" / "sygeopfoelgning.yaml"
EXAMPLE_ANSWERS = ROOT / "examples" / "answers.da.yaml"
TEST_PACKS = Path(__file__).resolve().parent / "packs"

AppFactory = Callable[..., MixerpultApp]


@pytest.fixture(autouse=True)
def _frozen_cursor(monkeypatch: pytest.MonkeyPatch) -> None:
    """No blinking cursor: a screenshot must not depend on when it is taken."""
    monkeypatch.setattr(Input.cursor_blink, "_default", False)
    monkeypatch.setattr(TextArea.cursor_blink, "_default", False)


@pytest.fixture(autouse=True)
def _home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """HOME is the test's own folder, so paths show as ~/… and stay private."""
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("NO_COLOR", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def shipped_pack() -> Questionnaire:
    return load_pack(SHIPPED_PACK)


@pytest.fixture(scope="session")
def types_pack() -> Questionnaire:
    return load_pack(TEST_PACKS / "all_types.yaml")


@pytest.fixture
def answers_path(tmp_path: Path) -> Path:
    return tmp_path / "answers.yaml"


@pytest.fixture
def example_answers(answers_path: Path, shipped_pack: Questionnaire) -> Path:
    """The example answers file, made to match the shipped pack (no "changed" notice)."""
    shutil.copy(EXAMPLE_ANSWERS, answers_path)
    data = yaml.safe_load(answers_path.read_text(encoding="utf-8"))
    data["questionnaire"]["hash"] = shipped_pack.content_hash
    answers_path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return answers_path


MEETING_AGREEMENTS = {
    "notes": "Mette starter på 12 timer om ugen.\nNy samtale om fire uger. [b]ikke fed[/b]",
    "next_steps": [
        {
            "what": "Lave en plan for delvis raskmelding",
            "who": "Mette og lederen",
            "by": dt.date(2026, 12, 10),
        },
        {"what": "Ny opfølgningssamtale", "who": "Sagsbehandleren", "by": "om fire uger"},
    ],
}
"""Agreements as they might look after the meeting (a date, words, and markup-like text)."""


@pytest.fixture
def meeting_answers(example_answers: Path) -> Path:
    """The example answers file with the meeting's agreements filled in."""
    data = yaml.safe_load(example_answers.read_text(encoding="utf-8"))
    data["agreements"] = MEETING_AGREEMENTS
    example_answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return example_answers


@pytest.fixture
def make_app(answers_path: Path, shipped_pack: Questionnaire) -> AppFactory:
    """A wizard on the test's answers file; saves at once unless told otherwise."""

    def make(
        pack: Questionnaire | None = None,
        *,
        path: Path | None = None,
        lang: str | None = None,
        theme: str | None = None,
        save_delay: float = 0,
        **options: Any,
    ) -> MixerpultApp:
        return MixerpultApp(
            path or answers_path,
            pack or shipped_pack,
            lang=lang,
            theme=theme,
            save_delay=save_delay,
            **options,
        )

    return make
