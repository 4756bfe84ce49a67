"""A finding of a check (of a pack, a template folder), as `check` prints it.

On its own so that what checks templates at every render does not import the pack
checker, and pydantic with it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as `FILE:LINE:COLUMN: severity: message`."""

    file: Path
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"
