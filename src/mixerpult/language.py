"""Which language a run of the program speaks: one for everything it says.

`--lang` if given; else the language the answers file was written in; else the
question pack's first language; else Danish. The wizard decides the same way as
it opens the file (`MixerpultApp`), and `render` from the answers it has read.
"""

from __future__ import annotations

from pathlib import Path

from mixerpult.i18n import LANGUAGES


def run_language(lang: str | None, answers: Path | None, pack: Path | None) -> str:
    """The language of a run: `lang`, else the answers file's, else the pack's first
    language (the shipped pack when `pack` is None), else Danish.

    A file that cannot be read has no say (the command itself then tells what is wrong).
    """
    if lang in LANGUAGES:
        return str(lang)
    if answers is not None:
        from mixerpult import store

        try:
            language = store.load(answers).language
        except (OSError, store.AnswersFileError):
            language = ""
        if language in LANGUAGES:
            return language
    from mixerpult.packs import PackError, load_pack
    from mixerpult.resources import default_pack_path

    try:
        first = load_pack(pack or default_pack_path()).languages[0]
    except (OSError, PackError):
        first = ""
    return first if first in LANGUAGES else "da"
