"""Words on screen: the UI strings, user text kept literal, localised key bindings.

Every piece of text that comes from the user or from a question pack goes
through `plain()`: Textual parses markup in plain `str` labels, so `[/]` would
crash a screen and `[b]` would silently vanish (see shared/style.md).
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

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


def short_path(path: Path) -> str:
    """`path` with the home folder written as ~, which is shorter and calmer to read."""
    home = os.environ.get("HOME")
    if home:
        try:
            return str(Path("~") / path.relative_to(Path(home)))
        except ValueError:
            pass
    return str(path)
