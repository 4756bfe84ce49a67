"""Broken answers files and question packs: a clear message, nothing overwritten, no hang.

Protects `store.load` (through `mixerpult render` and the wizard's broken-file
page) and `checker.check_file` (through `mixerpult check`) against files made to
crash a reader: truncated, binary, the wrong types, a future format, 10 MB,
nested 100,000 deep (libyaml's composer would crash the process) and alias
bombs (a "billion laughs" would hang the first walk over the data). The
structural mistakes of a pack are in tests/packs/broken (tests/core/test_checker.py);
here are only the ones that concern the file as a whole.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from tests.tui.conftest import AppFactory
from tests.tui.helpers import text_of

from mixerpult import store
from mixerpult.answers import Session
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui.screens.broken import BrokenFileScreen
from mixerpult.yamlsource import YamlLimitError, load_checked

from .corpus import alias_bomb, alias_chain, deep_nesting, file_state, mixerpult

HEAD = "format: 1\nquestionnaire: {id: sygeopfoelgning, version: '2026.11'}\n"


def _truncated(pack: Questionnaire) -> bytes:
    session = Session.new(pack)
    # A line separator makes the dumper quote the answer; cut inside the quotes.
    session.set_answer("situation_nu", "Træt om morgenen\u2028" + "og om aftenen " * 50)
    text = store.dumps(session).encode("utf-8")
    return text[: text.index(b"og om aftenen") + 20]


ANSWERS_FILES: dict[str, Callable[[Questionnaire], bytes]] = {
    "truncated": _truncated,
    "not_yaml": lambda _: b"format: 1\nanswers: : : [}\n\t- x\n",
    "binary": lambda _: b"\x00\xff" + random.Random(6).randbytes(4096),
    "wrong_types": lambda _: (HEAD + "answers: {fornavn: {a: 1}}\nfaders: {timer: [1]}\n").encode(),
    "unknown_version": lambda _: b"format: eins\nquestionnaire: {id: sygeopfoelgning}\n",
    "future_version": lambda _: b"format: 2\nquestionnaire: {id: sygeopfoelgning}\n",
    "empty": lambda _: b"",
    "ten_mb": lambda _: (HEAD + "answers:\n  fornavn: " + "x" * (10 * 1024 * 1024) + "\n").encode(),
    "deep_nesting": lambda _: (HEAD + "answers:\n  fornavn: " + deep_nesting() + "\n").encode(),
    "alias_bomb": lambda _: (HEAD + alias_bomb()).encode(),
    "alias_chain": lambda _: (HEAD + alias_chain()).encode(),
    "alias_cycle": lambda _: (HEAD + "extra: &self [1, *self]\n").encode(),
}
"""Each a file `store.load` must refuse; an unknown key (`lols`, `extra`) would
otherwise be kept and saved again, so the bombs hide there."""


@pytest.mark.parametrize("name", sorted(ANSWERS_FILES))
def test_render_refuses_a_broken_answers_file_clearly(
    name: str, tmp_path: Path, shipped_pack: Questionnaire
) -> None:
    path = tmp_path / f"{name}.yaml"
    content = ANSWERS_FILES[name](shipped_pack)
    path.write_bytes(content)
    start = time.monotonic()
    result = mixerpult("render", str(path), "--format", "md", "-o", str(tmp_path / "out.md"))
    assert time.monotonic() - start < 10, "no hang, not even on an alias bomb"
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert str(path) in message and "kan ikke læses" in message
    assert len(message.splitlines()) == 1 and len(message) < 400, message
    assert path.read_bytes() == content
    assert not (tmp_path / "out.md").exists()


@pytest.mark.parametrize("name", ["binary", "wrong_types", "ten_mb", "deep_nesting", "alias_bomb"])
async def test_the_wizard_shows_a_broken_answers_file_and_keeps_it(
    name: str, make_app: AppFactory, answers_path: Path, shipped_pack: Questionnaire
) -> None:
    content = ANSWERS_FILES[name](shipped_pack)
    answers_path.write_bytes(content)
    app = make_app()
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BrokenFileScreen)
        reason = text_of(app.screen.query_one("#broken-reason"))
        assert "~/answers.yaml" in reason
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert answers_path.read_bytes() == content


def test_aliases_within_reason_are_read() -> None:
    # Anchors are legal YAML and a hand-edited file may use a few: only expansion is limited.
    data = load_checked("a: &d [1, 2]\nb: *d\nc: *d\nd: " + "[" * 90 + "]" * 90 + "\n")
    assert data["b"] == data["c"] == [1, 2]
    with pytest.raises(YamlLimitError, match="levels deep"):
        load_checked("d: " + "[" * 101 + "]" * 101)
    with pytest.raises(YamlLimitError, match="aliases expand"):
        load_checked(alias_bomb())
    assert isinstance(YamlLimitError("x"), yaml.YAMLError), "store.load reports it as bad YAML"


PACKS: dict[str, Callable[[], bytes]] = {
    "not_utf8": lambda: b'format: 1\nid: x\ntitle: {da: "\xe6\xf8\xe5"}\n',
    "binary": lambda: random.Random(7).randbytes(4096),
    "ten_mb": lambda: b"format: 1\nsteps:\n" + b"  - {id: s, title: {da: x}}\n" * 380_000,
    "alias_bomb": lambda: ("format: 1\nid: x\n" + alias_bomb("steps_x")).encode(),
    "alias_chain": lambda: ("format: 1\nid: x\n" + alias_chain("steps_x")).encode(),
    "deep_nesting": lambda: ("format: 1\nid: x\nsteps: " + deep_nesting() + "\n").encode(),
}


@pytest.mark.parametrize("name", sorted(PACKS))
def test_check_reports_a_broken_pack_file_clearly(name: str, tmp_path: Path) -> None:
    path = tmp_path / f"{name}.yaml"
    path.write_bytes(PACKS[name]())
    before = file_state(tmp_path)
    start = time.monotonic()
    result = mixerpult("check", str(path))
    assert time.monotonic() - start < 10, "no hang, not even on an alias bomb"
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(f"{path}:") for line in lines)
    assert any(": error: " in line for line in lines), lines
    assert file_state(tmp_path) == before
