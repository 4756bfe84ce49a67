"""`mixerpult render`: the command-line client of the sheet."""

from __future__ import annotations

import argparse


def render_command(args: argparse.Namespace) -> int:
    """Render the sheet for the command line's arguments; returns the exit status."""
    raise SystemExit("render is not built yet")
