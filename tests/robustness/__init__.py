"""The robustness suite: hostile text, faults, bad files and privacy (issue 6)."""
