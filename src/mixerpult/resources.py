"""Where the shipped question packs and templates live.

In a wheel they sit inside the package (`mixerpult/_data/…`, put there by the
build's force-include); in a source checkout or an editable install they are
the top-level `questions/` and `templates/` folders of the repository.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DEFAULT_PACK_ID = "sygeopfoelgning"


def _data_dir(name: str) -> Path:
    inside = _PACKAGE / "_data" / name
    if inside.is_dir():
        return inside
    checkout = _PACKAGE.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"mixerpult cannot find its '{name}' folder (looked in {inside} and {checkout}); "
        "the installation is incomplete: reinstall with 'pip install mixerpult'."
    )


def questions_dir() -> Path:
    """The folder of the shipped question packs."""
    return _data_dir("questions")


def templates_dir() -> Path:
    """The folder of the shipped sheet templates."""
    return _data_dir("templates")


def default_pack_path() -> Path:
    """The shipped Danish questionnaire."""
    return questions_dir() / f"{DEFAULT_PACK_ID}.yaml"


def user_cache_dir(name: str) -> Path | None:
    """The folder `name` in mixerpult's user cache folder, private to the user (0700).

    None when it cannot be made (a read-only home): callers then work without a cache.
    """
    from platformdirs import user_cache_path

    from mixerpult.private_io import ensure_private_dir

    base = user_cache_path("mixerpult", appauthor=False)
    try:
        ensure_private_dir(base / name)
        for folder in (base, base / name):
            # The cache names the packs and templates in use; a folder made by an older
            # version, or by hand, is made private too (both are mixerpult's own).
            if folder.stat().st_mode & 0o077:
                folder.chmod(0o700)
    except OSError:
        return None
    return base / name
