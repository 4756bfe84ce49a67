"""Mixerpult: prepare for the follow-up conversation with the jobcenter/municipality.

The package root stays empty of imports so that `mixerpult check` and
`mixerpult render` start without pulling in the TUI.
"""

__version__ = "0.1.0"
