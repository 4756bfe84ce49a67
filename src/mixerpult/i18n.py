"""The program's own words (not the questionnaire's), in Danish and English.

They are data: `strings/*.yaml`, one file per part of the program, each key
mapping a language code to text. Danish is the fallback.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from mixerpult.yamlsource import FastLoader

LANGUAGES = ("da", "en")
_FOLDER = Path(__file__).resolve().parent / "strings"


@cache
def strings() -> dict[str, dict[str, str]]:
    """Every UI string, by key."""
    table: dict[str, dict[str, str]] = {}
    for file in sorted(_FOLDER.glob("*.yaml")):
        data = yaml.load(file.read_text(encoding="utf-8"), Loader=FastLoader) or {}
        for key, value in data.items():
            if key in table:
                raise ValueError(f"{file.name}: string key '{key}' is defined twice")
            table[key] = value
    return table


def t(key: str, lang: str, /, **values: Any) -> str:
    """The string `key` in `lang` (Danish if missing), with `{name}` fields filled in."""
    entry = strings()[key]
    text = entry.get(lang) or entry["da"]
    return text.format(**values) if values else text
