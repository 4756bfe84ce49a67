"""The sheet's formats and their file suffixes: one list for the command line, the
renderer and the finish page."""

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
