"""Loading a question pack: checked in full the first time, from the cache after that.

Above the model (`questionnaire`) and the checker: the model itself knows nothing
of files, checks or caches, so the core's modules import each other in one direction.
"""

from __future__ import annotations

from pathlib import Path

from mixerpult import pack_cache
from mixerpult.limits import MAX_PACK_BYTES
from mixerpult.problems import Problem
from mixerpult.questionnaire import Questionnaire, content_hash


class PackError(Exception):
    """A question pack that cannot be used; `problems` lists every finding."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.path = path
        self.problems = problems
        lines = [str(p) for p in problems]
        super().__init__("\n".join(lines) if lines else f"{path}: invalid question pack")


def load_pack(path: Path) -> Questionnaire:
    """Load and validate a pack; raise PackError with every problem found.

    A pack whose very bytes passed before comes from the validated-pack cache
    (`mixerpult.pack_cache`); `mixerpult check` never uses it.
    """
    try:
        # Too large a file is refused by check_file without being read; so here.
        raw: bytes | None = None if path.stat().st_size > MAX_PACK_BYTES else path.read_bytes()
    except OSError:
        raw = None  # check_file says what is wrong with the file
    if raw is not None and (cached := pack_cache.read(raw)) is not None:
        return cached

    from mixerpult.checker import check_file

    pack, problems = check_file(path)
    errors = [p for p in problems if p.severity == "error"]
    if errors or pack is None:
        raise PackError(path, errors)
    # Not if the file changed between the two reads: the cache is keyed by `raw`.
    if raw is not None and pack.content_hash == content_hash(raw):
        pack_cache.write(raw, pack)
    return pack
