"""When Python's cycle collector runs in the wizard: not while a page is being built.

Building a page makes tens of thousands of objects, and leaving one drops as many,
held in cycles (a widget and its parent) that only the cycle collector frees. Left
to itself, the collector ran its full collection in the middle of building the next
page, scanning the whole heap (every module, the pack, the styles): 40–110 ms of a
page change of 150–250 ms on a 2-core machine, and 20–30 ms of start-up (issue 16).
As Textual pauses it during a scroll (`App.PAUSE_GC_ON_SCROLL`), the wizard:

- pauses it from start-up, and from a "next" until the new page is painted; one
  collection then frees what the page left behind, before the user's first key;
- freezes what exists once the app is mounted (modules, the pack, the style sheet,
  and the few hundred objects of start-up garbage among them): they live as long
  as the program, and no collection scans them again;
- never pauses it for long: a page that is never painted resumes it after
  `LONGEST_PAUSE` seconds.

Apart from that start-up garbage, kept until the app ends, nothing here changes what
is kept or freed, only when the collector looks.
"""

from __future__ import annotations

import gc

LONGEST_PAUSE = 2.0
"""Seconds after which a pause ends though no page said it was painted."""

_paused = False
_frozen = False


def pause() -> None:
    """Hold the collector until `resume` (a page is about to be built)."""
    global _paused
    if not _paused and gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """End a pause: the page is painted; free what the page before it left behind."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
        gc.collect()


def is_paused() -> bool:
    """Whether a pause of this module holds the collector."""
    return _paused


def freeze() -> None:
    """Keep every object that exists now out of all later collections (once)."""
    global _frozen
    if not _frozen:
        gc.freeze()
        _frozen = True


def release() -> None:
    """The app has ended: the collector as it was before, for whatever runs next in
    this process (a test, a benchmark's next app)."""
    global _paused, _frozen
    if _paused:
        _paused = False
        gc.enable()
    if _frozen:
        _frozen = False
        gc.unfreeze()
