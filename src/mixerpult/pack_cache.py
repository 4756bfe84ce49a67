"""Validated question packs kept between runs, so that starting does not check them again.

Reading a pack means parsing YAML with source positions, linting and validating
it: about 25 ms for the shipped pack and 100 ms for a pack of 1,000 questions,
on every start of the wizard and every `render`. The positions are needed only
to report errors, so once a pack has passed, its model is kept as plain JSON
data in the user's cache folder and built back into the model's dataclasses by
`mixerpult.model.build`, without pydantic (importing it and building its
validators took longer than reading the pack).

A cached model is found by the SHA-256 of the pack's bytes together with the
version of mixerpult and a fingerprint of the code that checks packs, so an
edited pack, or a mixerpult whose rules have changed, is checked in full again.
Only a pack that comes back from JSON equal to the checked one, value for value
and type for type, is kept (a date in a condition, say, would come back as a
string). A cache file that cannot be read or does not validate is ignored and
written anew: the cache can only make loading faster, never make it fail.
`mixerpult check` never looks here.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from functools import cache
from pathlib import Path

from mixerpult import __version__
from mixerpult.files import SaveError, write_private
from mixerpult.model import build, plain
from mixerpult.questionnaire import Questionnaire, content_hash
from mixerpult.resources import user_cache_dir

CACHE_FORMAT = 2
"""The layout of the cache files; a new layout makes every old file unused."""

_CHECKING_CODE = ("questionnaire.py", "conditions.py", "model.py", "checker.py", "yamlsource.py")


@cache
def _code_fingerprint() -> str:
    """What the cached result depends on besides the pack: version, layout, the checker's code."""
    digest = hashlib.sha256(f"{__version__}\0{CACHE_FORMAT}".encode())
    package = Path(__file__).resolve().parent
    for name in _CHECKING_CODE:
        digest.update(b"\0" + (package / name).read_bytes())
    return digest.hexdigest()


def cache_file(raw: bytes) -> Path | None:
    """Where the model of a pack with these bytes is kept (None: no cache folder)."""
    folder = user_cache_dir("packs")
    if folder is None:
        return None
    try:
        fingerprint = _code_fingerprint()
    except OSError:
        return None  # the checker's source is not readable (a frozen build): no cache
    key = hashlib.sha256(fingerprint.encode() + b"\0" + raw).hexdigest()
    return folder / f"{key}.json"


def read(raw: bytes) -> Questionnaire | None:
    """The model of the pack with these bytes, if it was checked before; else None."""
    path = cache_file(raw)
    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError:
        return None
    try:
        pack = _from_json(data)
    except (ValueError, TypeError, RecursionError):  # a corrupt file is not fatal
        return None
    return dataclasses.replace(pack, content_hash=content_hash(raw))


def _from_json(data: str | bytes) -> Questionnaire:
    pack = build(Questionnaire, json.loads(data))
    if not isinstance(pack, Questionnaire):
        raise ValueError("not a question pack")
    return pack


def _to_json(pack: Questionnaire) -> str:
    return json.dumps(plain(pack), ensure_ascii=False, separators=(",", ":"))


def write(raw: bytes, pack: Questionnaire) -> None:
    """Keep the checked model of the pack with these bytes (silently skipped if impossible)."""
    path = cache_file(raw)
    if path is None:
        return
    data = _to_json(pack)
    try:
        again = dataclasses.replace(_from_json(data), content_hash=pack.content_hash)
    except (ValueError, TypeError, RecursionError):
        return
    # repr too: 1 == 1.0 and True == 1, but the sheet would print them otherwise.
    if again != pack or repr(again) != repr(pack):
        return
    try:
        write_private(path, data)
    except SaveError:
        return
