"""`mixerpult serve`: the wizard in a browser tab, through textual-serve."""

from __future__ import annotations

import argparse


def serve_command(args: argparse.Namespace) -> int:
    """Serve the wizard; returns the exit status."""
    raise SystemExit("serve is not built yet")
