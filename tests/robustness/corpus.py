"""Hostile inputs shared by the robustness tests: text a user might type or paste, and
YAML built to crash or exhaust a reader.

Generated rather than committed: a 10 MB file or a billion laughs has no place in git.
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata
from pathlib import Path

HOSTILE: dict[str, str] = {
    "markup_close": "[/]",
    "markup_bold": "[b]x",
    "markup_action": "[@click=app.quit]",
    "typst_set": "#set page(width: 1cm)",
    "typst_math": "$x$",
    "html_script": "<script>alert(1)</script>",
    "jinja_expr": "{{ 7*7 }}",
    "jinja_raw": "{% raw %}",
    "backslashes": "C:\\temp\\new \\\\ \\n \\",
    "ansi_clear": "før\x1b[2Jefter",
    "controls": "a\x07b\x08c\x7fd\x9be",
    "nul": "a\x00b",
    "rtl_override": "abc\u202edef",
    "zwj_emoji": "familie 👩\u200d👩\u200d👧 ok",
    "combining": "Rene\u0301 cafe\u0301",
}
"""Short strings, each typed key by key into the wizard and rendered in every format."""

CONTROLS = frozenset(c for c in "".join(HOSTILE.values()) if unicodedata.category(c) == "Cc")
"""The control characters of HOSTILE: ESC, BEL, BS, DEL, CSI (C1) and NUL."""

PRINTABLE = [v for v in HOSTILE.values() if not CONTROLS & set(v)]
"""The strings of HOSTILE that every screen shows exactly as they are."""


def big_text() -> str:
    """100 KB of text with every hostile string in it, to paste in one go."""
    chunk = " ".join(HOSTILE.values()) + " æøå\n"
    return (chunk * (100_000 // len(chunk) + 1))[:100_000]


def many_lines() -> str:
    """10,000 numbered lines."""
    return "\n".join(f"linje {i} [/] {{{{ {i} }}}}" for i in range(10_000))


def alias_bomb(key: str = "lols") -> str:
    """A "billion laughs" under `key`: ten anchors of nine aliases each (9⁹ lists)."""
    lines = [f"{key}:", '  l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        aliases = ", ".join([f"*l{i - 1}"] * 9)
        lines.append(f"  l{i}: &l{i} [{aliases}]")
    return "\n".join(lines) + "\n"


def alias_chain(key: str = "chain", length: int = 5000) -> str:
    """Lists nested `length` deep by aliases alone: no line is nested more than once."""
    lines = [f"{key}:", "  - &c0 [x]"]
    lines += [f"  - &c{i} [*c{i - 1}]" for i in range(1, length)]
    return "\n".join(lines) + "\n"


def deep_nesting(depth: int = 100_000) -> str:
    """Flow lists nested `depth` deep: enough to crash libyaml's recursive composer."""
    return "[" * depth + "]" * depth


def mixerpult(
    *args: str, timeout: float = 30, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """`mixerpult ARGS` in a fresh interpreter, as a user would run it."""
    return subprocess.run(
        [sys.executable, "-m", "mixerpult", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


def file_state(folder: Path) -> dict[str, bytes]:
    """Every file below `folder` with its bytes: to show that nothing was written."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
