"""The program's own words (not the questionnaire's), and dates, numbers and plurals
as each language writes them.

The words are data: `strings/*.yaml`, one file per part of the program, each key
mapping a language code to text, or, for a text that counts something, to its
plural forms by CLDR category (`one`, `other`). Danish is the fallback. Dates,
numbers and plural rules come from Babel's CLDR data, loaded on first use (it
costs start-up time that the first page does not need).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("da", "en")
_FOLDER = Path(__file__).resolve().parent / "strings"
# English dates as a European reader writes them ("3 December 2026"), not the US order.
_LOCALES = {"da": "da_DK", "en": "en_GB"}
# Babel works on decimals and gives up on integers of hundreds of digits (a hand edit):
# those are written plainly.
_HUGE = 10**15

Entry = dict[str, str | dict[str, str]]


_STRINGS_FORMAT = 1
"""The layout of the kept strings; a new layout leaves every old file unused."""


@cache
def strings() -> dict[str, Entry]:
    """Every UI string, by key.

    Once read, the table is kept as JSON in the user's cache folder under the SHA-256
    of the files' bytes (an edited file is read again): parsing the YAML was a
    twentieth of the wizard's start-up, and reading the JSON back a thirtieth of that.
    """
    sources = [(file.name, file.read_bytes()) for file in sorted(_FOLDER.glob("*.yaml"))]
    kept = _kept_strings_file(sources)
    if kept is not None:
        try:
            table = json.loads(kept.read_bytes())
        except (OSError, ValueError):
            table = None  # not there yet, or damaged: read the YAML
        if isinstance(table, dict) and all(isinstance(v, dict) for v in table.values()):
            return table
    table = _parse_strings(sources)
    if kept is not None:
        from mixerpult.private_io import write_atomically

        # The cache can only make starting faster, never make it fail.
        with contextlib.suppress(OSError):
            write_atomically(kept, json.dumps(table, ensure_ascii=False).encode("utf-8"))
    return table


def _parse_strings(sources: list[tuple[str, bytes]]) -> dict[str, Entry]:
    import yaml

    from mixerpult.yamlsource import FastLoader

    table: dict[str, Entry] = {}
    for name, raw in sources:
        data = yaml.load(raw.decode("utf-8"), Loader=FastLoader) or {}
        for key, value in data.items():
            if key in table:
                raise ValueError(f"{name}: string key '{key}' is defined twice")
            table[key] = value
    return table


def _kept_strings_file(sources: list[tuple[str, bytes]]) -> Path | None:
    from mixerpult.resources import user_cache_dir

    folder = user_cache_dir("strings")
    if folder is None:
        return None
    digest = hashlib.sha256(f"{_STRINGS_FORMAT}".encode())
    for name, raw in sources:
        digest.update(b"\0" + name.encode() + b"\0" + raw)
    return folder / f"{digest.hexdigest()}.json"


def locale_name(lang: str) -> str:
    """The Babel locale that writes `lang`'s dates and numbers."""
    return _LOCALES.get(lang, lang)


@cache
def _locale(lang: str) -> Any:
    from babel import Locale

    return Locale.parse(locale_name(lang))


def plural_category(count: int, lang: str) -> str:
    """The CLDR plural category of `count` in `lang` ('one', 'other' …)."""
    return str(_locale(lang).plural_form(abs(count)))


def t(key: str, lang: str, /, **values: Any) -> str:
    """The string `key` in `lang` (Danish if missing), with `{name}` fields filled in.

    A string with plural forms picks the form for `values['count']`.
    """
    entry = strings()[key]
    text = entry.get(lang) or entry["da"]
    if isinstance(text, dict):
        count = values.get("count")
        form = plural_category(count, lang) if isinstance(count, int) else "other"
        text = text.get(form) or text["other"]
    return text.format(**values) if values else text


def format_date(value: dt.date, lang: str) -> str:
    """A date in words: '3. december 2026', '3 December 2026'."""
    from babel.dates import format_date as babel_date

    return str(babel_date(value, "long", locale=locale_name(lang)))


def format_number(value: float, lang: str) -> str:
    """A number as people write it: no '.0', a decimal comma in Danish, no grouping
    (hours and counts read better as '1000' than as '1.000')."""
    if isinstance(value, int) and abs(value) >= _HUGE:
        return str(value)
    if isinstance(value, float) and value.is_integer() and abs(value) < _HUGE:
        value = int(value)
    from babel.numbers import format_decimal

    try:
        return str(
            format_decimal(
                value, format="0.##########", locale=locale_name(lang), group_separator=False
            )
        )
    except (ArithmeticError, ValueError):  # inf, nan or a float beyond Decimal's reach
        return str(value)
