"""How large a question pack may be before it is refused unread.

A module of its own, without PyYAML: loading a pack from the validated-pack cache
checks the size and needs nothing else of the YAML reading.
"""

from __future__ import annotations

MAX_PACK_BYTES = 2 * 1024 * 1024
"""The shipped pack is 36 KB and a pack of 1,000 questions some hundreds; checking takes
about 3 s a MB, so a larger file is refused unread rather than keeping `check` busy."""
