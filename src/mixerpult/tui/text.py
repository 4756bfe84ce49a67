"""Words on screen: the UI strings, user text kept literal, localised key bindings,
keys written as people read them, and a footer that never cuts a key in half.

Every piece of text that comes from the user or from a question pack goes
through `plain()`: Textual parses markup in plain `str` labels, so `[/]` would
crash a screen and `[b]` would silently vanish (see shared/style.md).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from textual.binding import ActiveBinding, Binding
from textual.content import Content
from textual.dom import DOMNode

from mixerpult.i18n import strings, t
from mixerpult.tui.format import shown


def plain(text: str) -> Content:
    """`text` as written: never parsed as markup; control characters made visible
    (`format.shown`), so none reaches the terminal to be obeyed."""
    return Content(shown(text))


def ui(node: DOMNode, key: str, /, **values: Any) -> str:
    """The UI string `key` in the language the app currently speaks."""
    lang = getattr(node.app, "ui_lang", "da")
    return t(key, str(lang), **values)


def binding_key(action: str) -> str:
    """The string key that names a binding's action in the footer ('key_<action>')."""
    name = action.rsplit(".", 1)[-1].split("(", 1)[0]
    return f"key_{name}"


def localize_bindings(node: DOMNode, lang: str) -> None:
    """Rewrite the footer descriptions of `node`'s bindings into `lang`.

    Textual keeps binding descriptions as class data; the wizard switches
    language while running, so the node's own binding map is rewritten from the
    `key_<action>` strings (bindings without such a string keep their text).
    """
    table = strings()
    mapping = node._bindings.key_to_bindings
    for key, bindings in mapping.items():
        renamed = []
        for binding in bindings:
            entry = table.get(binding_key(binding.action))
            if entry:
                text = entry.get(lang) or entry["da"]
                assert isinstance(text, str), "a key's words have no plural forms"
                binding = dataclasses.replace(binding, description=text, tooltip=text)
            renamed.append(binding)
        mapping[key] = renamed


KEY_NAMES = {
    "escape": "Esc",
    "enter": "Enter",
    "tab": "Tab",
    "space": "Space",
    "backspace": "Backspace",
    "delete": "Delete",
    "insert": "Insert",
    "home": "Home",
    "end": "End",
    "pageup": "PgUp",
    "pagedown": "PgDn",
    "up": "↑",
    "down": "↓",
    "left": "←",
    "right": "→",
    "question_mark": "?",
}
"""How keyboards label the keys Textual names (the same in Danish and English)."""

MODIFIER_NAMES = {"ctrl": "Ctrl", "shift": "Shift", "alt": "Alt", "super": "Super"}


def key_display(key: str) -> str:
    """`key` as Textual names it ("ctrl+f", "pagedown") written as on the keyboard
    ("Ctrl+F", "PgDn"): Textual's own `^f` and `⏎` mean little to most people."""
    *modifiers, name = key.split("+")
    shown = KEY_NAMES.get(name)
    if shown is None:
        if len(name) == 1:
            # A letter alone is typed as it is ("p"); with Ctrl it is named by its cap.
            shown = name.upper() if modifiers else name
        elif name[:1] == "f" and name[1:].isdigit():
            shown = name.upper()
        else:
            shown = name.replace("_", " ").title()
    return "+".join([*(MODIFIER_NAMES.get(m, m.title()) for m in modifiers), shown])


FOOTER_RANK = {
    "help": 0,
    "next": 1,
    "make_sheet": 1,
    "leave_note": 2,
    "edit_note": 2,
    "bad_day": 2,
    "good_day": 2,
    "open": 2,
    "back": 3,
    "hide_private": 4,
    "show_private": 4,
    "preview": 4,  # the review's way to see each sheet before making it
    "agreements": 5,
    "review": 6,
    "quit": 7,
}
"""Which keys the footer keeps when it cannot show them all (lowest first). Help
stays: it lists every key; the command palette goes first."""

PALETTE_RANK = 9
OTHER_RANK = 8


def fit_footer(
    active: Mapping[str, ActiveBinding],
    width: int,
    *,
    compact: bool,
    display: Callable[[Binding], str],
    palette_key: str,
    hidden: frozenset[str] = frozenset(),
) -> dict[str, ActiveBinding]:
    """The bindings of `active` that Textual's footer can show whole in `width` cells.

    The footer draws the keys in a row and clips what does not fit (`f1 Hjæ`, a stray
    `p`), so keys are left out, least needed first, until the rest fit. Actions in
    `hidden` are not shown at all (Ctrl+Q in a browser that keeps it for itself).
    The widths are those of Textual 8.2's footer: a key and its words with one cell
    between, plus padding (wide) or a margin (compact); the palette's key docked at
    the right behind a one-cell border.
    """
    kept = {key: value for key, value in active.items() if value.binding.action not in hidden}
    first: dict[str, tuple[int, int]] = {}  # action: (rank, cells), in footer order
    for _, binding, _, _ in kept.values():
        if not binding.show or binding.action in first:
            continue
        words = cell_len(display(binding)) + 1 + cell_len(binding.description)
        rank = FOOTER_RANK.get(binding.action.rsplit(".", 1)[-1], OTHER_RANK)
        first[binding.action] = (rank, words + (1 if compact else 2))
    palette = kept.get(palette_key)
    if palette is not None:
        binding = palette.binding
        words = cell_len(display(binding)) + 1 + cell_len(binding.description)
        first[palette_key] = (PALETTE_RANK, words + (2 if compact else 4))
    dropped: set[str] = set()
    total = sum(cells for _, cells in first.values())
    # The least needed first; of equals, the one furthest right.
    for action, (_, cells) in sorted(reversed(first.items()), key=lambda item: -item[1][0]):
        if total <= width:
            break
        dropped.add(action)
        total -= cells
    if palette_key in dropped:
        del kept[palette_key]
    return {
        key: value
        for key, value in kept.items()
        if not (value.binding.show and value.binding.action in dropped)
    }


def short_path(path: Path) -> str:
    """`path` with the home folder written as ~, which is shorter and calmer to read."""
    home = os.environ.get("HOME")
    if home:
        try:
            return str(Path("~") / path.relative_to(Path(home)))
        except ValueError:
            pass
    return str(path)
