"""Hyphenation: the dictionary's points, the same on the sheet and in the strips."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mixerpult.hyphenation import SOFT_HYPHEN, breaks, soft_hyphenated, wrap


def test_danish_compounds_break_at_their_syllables() -> None:
    assert soft_hyphenated("Arbejdsintensitet", "da").split(SOFT_HYPHEN) == [
        "Ar", "bejds", "in", "ten", "si", "tet",
    ]  # fmt: skip
    assert soft_hyphenated("Forudsigelighed", "da").split(SOFT_HYPHEN) == [
        "For", "ud", "si", "ge", "lig", "hed",
    ]  # fmt: skip


def test_no_one_letter_syllable() -> None:
    # pyphen's da_DK gives "sy-ge-fra-vær-s-sam-ta-le"; the s goes with "vær".
    assert "værs" + SOFT_HYPHEN + "sam" in soft_hyphenated("sygefraværssamtale", "da")


def test_only_letters_are_hyphenated() -> None:
    assert breaks("Timer/tid", "da") == [2]  # Ti-mer; the slash is a break of its own
    assert breaks("12345678", "da") == []
    assert breaks("Arbejdsintensitet", "xx") == []  # no dictionary: no breaks


def test_wrap_keeps_to_the_width_and_prefers_even_pieces() -> None:
    assert wrap("Forudsigelighed", 11, "da") == ["Forudsi-", "gelighed"]
    assert wrap("Predictability", 11, "en") == ["Predict-", "ability"]
    assert wrap("Timer/tid", 8, "da") == ["Timer/", "tid"]
    # A word with no point that fits is still cut, with a hyphen.
    lines = wrap("xxxxxxxxxxxx", 5, "da")
    assert len(lines) == 3 and all(len(line) <= 5 for line in lines)
    assert "".join(line.removesuffix("-") for line in lines) == "x" * 12


@given(st.text(max_size=60), st.sampled_from(["da", "en"]))
def test_soft_hyphens_change_nothing_a_reader_sees(text: str, lang: str) -> None:
    shown = soft_hyphenated(text, lang)
    assert shown.replace(SOFT_HYPHEN, "") == text.replace(SOFT_HYPHEN, "")
