"""The sheet's formats and their file suffixes, and the kinds of sheet: one list for the
command line, the renderer and the finish page."""

from __future__ import annotations

FORMATS = ("md", "html", "txt", "pdf")
SUFFIXES = {"md": ".md", "html": ".html", "txt": ".txt", "pdf": ".pdf"}
"""The file suffix each format is written with."""
ACCEPTED_SUFFIXES = {
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "txt": (".txt", ".text"),
    "pdf": (".pdf",),
}
"""Suffixes an output file named on the command line may have."""

PREPARATION = "forberedelse"
"""The preparation sheet (for the municipality or the employer)."""
STATEMENT = "mulighedserklaering"
"""A draft of part 1 of the mulighedserklæring, from the same answers."""
SHEETS = (PREPARATION, STATEMENT)
"""The kinds of sheet, as the command line and the finish page call them."""
