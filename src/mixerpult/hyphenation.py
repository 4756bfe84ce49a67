"""Where a word may break: Danish and English hyphenation from pyphen's dictionaries.

One source of breaks for every view, so a channel name breaks at the same place on
screen and on paper: the sheet's HTML and PDF get them as soft hyphens (U+00AD), the
wizard's channel strips wrap at them. A narrow strip or column must never cut a word
where no hyphen goes ("Forudsigeligh|ed").

pyphen's dictionaries are read on first use, once per language, and only the
letters of a word are hyphenated (never a digit, a slash or a mark).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyphen import Pyphen

SOFT_HYPHEN = "\u00ad"

# pyphen's names of the dictionaries; British English breaks the console's words
# where English readers expect ("Predict-ability", not "Pre-dictabil-ity").
_DICTIONARIES = {"da": "da_DK", "en": "en_GB"}
# Letters only: a break between a letter and a digit, a slash or a combining mark
# is never a hyphenation point (the slash is a break of its own, without a hyphen).
_LETTERS = re.compile(r"[^\W\d_]+")
# Characters after which a line may break without adding a hyphen.
_OPEN_AFTER = "/-\u2010\u2013"


@cache
def _dictionary(lang: str) -> Pyphen | None:
    from pyphen import Pyphen

    name = _DICTIONARIES.get(lang.split("_")[0])
    return Pyphen(lang=name, left=2, right=2) if name else None


def _run_breaks(run: str, dictionary: Pyphen) -> list[int]:
    if len(run) < 4 or len(run.lower()) != len(run):
        return []  # too short, or a letter whose lower case has another length
    points = sorted({int(p) for p in dictionary.positions(run) if 0 < int(p) < len(run)})
    # A one-letter syllable between two breaks ("sygefravær-s-samtale") reads badly:
    # it goes with the syllable before it, as the joining s of a compound does.
    kept: list[int] = []
    for i, point in enumerate(points):
        following = points[i + 1] if i + 1 < len(points) else len(run)
        if following - point >= 2:
            kept.append(point)
    return kept


def breaks(text: str, lang: str) -> list[int]:
    """Indices in `text` where a hyphen may go before `text[i]`, in `lang`'s rules."""
    dictionary = _dictionary(lang)
    if dictionary is None:
        return []
    points: list[int] = []
    for match in _LETTERS.finditer(text):
        # A combining mark after the run belongs to its last letter: never break before it.
        points += [match.start() + p for p in _run_breaks(match.group(0), dictionary)]
    return points


def _halves(text: str, start: int, end: int, lang: str) -> list[int]:
    """The one point that splits text[start:end] most evenly, if it has one."""
    word = text[start:end]
    natural = breaks(word, lang)
    for width in range(len(word) // 2 + 2, len(word)):
        pieces = _split_word(word, width, lang)
        if len(pieces) == 2 and pieces[0][-1] in _OPEN_AFTER and not pieces[0].endswith("-"):
            return []  # halved at a slash: a break without a hyphen
        if len(pieces) == 2 and pieces[0].endswith("-"):
            cut = len(pieces[0]) - 1
            if cut in natural:
                return [start + cut]
    return [start + p for p in natural]  # no even split: every point


def soft_hyphenated(text: str, lang: str, *, balanced: bool = False) -> str:
    """`text` with a soft hyphen at hyphenation points: a reader sees none unless a line
    breaks there, and then a hyphen.

    A browser or Typst breaks at the last point that fits ("Arbejdsintensi-tet"); with
    `balanced`, a word of 8 letters or more gets only the point that halves it best
    ("Arbejds-intensitet", "skåne-behov"), for a column that holds about half a word.
    """
    if balanced:
        points: set[int] = set()
        for match in re.finditer(r"\S+", text):
            if len(match.group(0)) >= 8:
                points.update(_halves(text, match.start(), match.end(), lang))
    else:
        points = set(breaks(text, lang))
    return "".join((SOFT_HYPHEN if i in points else "") + ch for i, ch in enumerate(text))


def _joins(ch: str) -> bool:
    """Whether `ch` must stay with the character before it (a mark, a joiner)."""
    return unicodedata.category(ch) in ("Mn", "Mc", "Me", "Cf")


def _split_word(word: str, width: int, lang: str) -> list[str]:
    """`word` in pieces no wider than `width`, a hyphen after each piece broken inside.

    Of the splits into fewest pieces, one at a slash before one at a hyphen ("Timer/"
    "tid"), then the most even one (least squared room left in the pieces, hyphens
    counted), earlier breaks first on a tie: "Forudsi-gelighed", "Arbejds-intensitet".
    """
    n = len(word)
    if n <= width:
        return [word]
    natural = set(breaks(word, lang))
    open_after = {i for i in range(1, n) if word[i - 1] in _OPEN_AFTER}

    def hyphen(i: int) -> int:
        return 0 if i == n or i in open_after else 1

    # best[i]: the cheapest way to end a piece at i, as (forced cuts, pieces, hyphens,
    # raggedness, cuts); a cut of our own only where no dictionary point fits.
    Cost = tuple[int, int, int, int, tuple[int, ...]]
    best: dict[int, Cost] = {0: (0, 0, 0, 0, ())}
    for i in range(1, n + 1):
        if i < n and _joins(word[i]):
            continue  # never between a letter and its mark
        own = 0 if i == n or i in natural or i in open_after else 1
        options = []
        for j, (forced, count, hyphens, ragged, cuts) in best.items():
            size = i - j + hyphen(i)
            if size <= width:
                cut = (*cuts, j) if j else cuts
                room = ragged + (width - size) ** 2
                options.append((forced + own, count + 1, hyphens + hyphen(i), room, cut))
        if options:
            best[i] = min(options)
    if n not in best:  # only marks, nothing to cut at: as it is
        return [word]
    bounds = [0, *best[n][4], n]
    return [word[a:b] + "-" * hyphen(b) for a, b in pairwise(bounds)]


@lru_cache(maxsize=512)
def _wrapped(text: str, width: int, lang: str) -> tuple[str, ...]:
    lines: list[str] = []
    current = ""
    for raw in text.split():
        for piece in _split_word(raw, width, lang):
            candidate = f"{current} {piece}" if current else piece
            if len(candidate) <= width:
                current = candidate
            else:
                if current:
                    lines.append(current)
                current = piece
    if current or not lines:
        lines.append(current)
    return tuple(lines)


def wrap(text: str, width: int, lang: str) -> list[str]:
    """`text` in lines of at most `width` characters, long words hyphenated at the
    dictionary's points (a cut of its own only where a word has none that fits)."""
    if width < 2:
        return [text]
    return list(_wrapped(text, width, lang))
