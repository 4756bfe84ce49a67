"""The wizard's styles, parsed once and kept in the cache folder.

Textual parses every style sheet at every start: our `.tcss` files and the
`DEFAULT_CSS` of each widget class, 23 ms of a start of some 280 ms on a 2-core
machine, where the minimal Textual app parses 8 ms (issue 16). What a source
parses to depends only on its text, where it was read from, how it is scoped, the
theme's variables, and the versions of Textual and Python; so the rules Textual
made are kept in the cache folder (0600, in a 0700 folder, like the validated pack)
under a name made of all that but the text, and read back at the next start in
about 4 ms. A source not in the file (a widget first shown later, an edited
`.tcss`) is parsed as before and added; a file that cannot be read is as good as
none.

The file holds Textual's own objects, pickled: it is read only from mixerpult's
private cache folder, which nobody but the user can write, and holds no answers.
Parsing goes through `Stylesheet._parse_rules`, Textual's own per-process cache of
the same thing, of the version pinned in pyproject.toml; tests/tui/test_kept_styles.py
fails if that stops working.
"""

from __future__ import annotations

import hashlib
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import textual
from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from mixerpult.private_io import write_atomically
from mixerpult.resources import user_cache_dir

_FORMAT = 1
"""Changed when what is kept changes shape."""

Key = tuple[str, Any, bool, int, str]
"""A source as Textual's parse cache knows it: text, where from, whether default CSS,
tie breaker, scope."""


def _file_for(variables: dict[str, str]) -> Path | None:
    folder = user_cache_dir("styles")
    if folder is None:
        return None
    digest = hashlib.sha256(
        json.dumps([_FORMAT, textual.__version__, sys.version, sorted(variables.items())]).encode()
    )
    return folder / f"{digest.hexdigest()}.pickle"


def _read(path: Path | None) -> dict[Key, list[RuleSet]]:
    if path is None:
        return {}
    try:
        kept = pickle.loads(path.read_bytes())
    except Exception:  # none yet, damaged, or unreadable: parsed anew
        return {}
    return kept if isinstance(kept, dict) else {}


class KeptStylesheet(Stylesheet):
    """Textual's stylesheet, taking what it parsed before from the cache folder."""

    def __init__(self, *, variables: dict[str, str] | None = None) -> None:
        super().__init__(variables=variables)
        self._kept: dict[Key, list[RuleSet]] | None = None
        self._kept_for: dict[str, str] | None = None
        self._added = False

    def _kept_rules(self) -> dict[Key, list[RuleSet]]:
        # Read when first needed, for the variables of then (the theme is set after
        # the stylesheet is made); another theme later has a file of its own.
        if self._kept is None or self._kept_for != self._variables:
            self._kept_for = dict(self._variables)
            self._kept = _read(_file_for(self._kept_for))
            self._added = False
        return self._kept

    def _parse_rules(
        self,
        css: str,
        read_from: Any,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        key: Key = (css, read_from, is_default_rules, tie_breaker, scope)
        kept = self._kept_rules()
        rules = kept.get(key)
        if rules is not None:
            self._parse_cache[key] = rules
            return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            kept[key] = rules
            self._added = True
        return rules

    def keep(self) -> None:
        """Write what was parsed anew since the file was read (nothing if nothing was)."""
        if not self._added or self._kept is None or self._kept_for is None:
            return
        path = _file_for(self._kept_for)
        if path is None:
            return
        try:
            data = pickle.dumps(self._kept, protocol=pickle.HIGHEST_PROTOCOL)
            write_atomically(path, data)
        except Exception:  # a full disk, or rules Textual made unpicklable: never a crash
            return  # no cache this time: the next start parses, as without one
        self._added = False
