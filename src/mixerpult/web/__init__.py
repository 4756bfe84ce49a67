"""`mixerpult serve`: the wizard in a browser tab, for a shared screen."""

from mixerpult.web.command import serve_command

__all__ = ["serve_command"]
