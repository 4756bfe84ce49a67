"""The Textual wizard: one client of the core."""

from __future__ import annotations

import argparse


def run_wizard(args: argparse.Namespace) -> int:
    """Start the wizard for the command line's arguments; returns the exit status."""
    raise SystemExit("the wizard is not built yet")
