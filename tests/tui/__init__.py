"""Tests of the Textual wizard (pilots, snapshots, and a real terminal)."""
