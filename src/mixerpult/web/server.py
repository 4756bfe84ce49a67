"""textual-serve's server, adapted: no fonts from the internet, Danish page, own start-up text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import aiohttp_jinja2
import textual_serve
from aiohttp import web
from textual_serve.server import Server

_PAGE = Path(__file__).resolve().parent / "page"
_STATIC = Path(textual_serve.__file__).resolve().parent / "static"


class MixerpultServer(Server):
    """Serves one wizard process per browser tab.

    The stock page loads its font from Google; health information must not
    announce itself to anyone, so our page uses the font shipped with
    textual-serve. URLs are built from the request's own Host so that the page
    works under whichever name the browser used.
    """

    def __init__(
        self,
        command: str,
        host: str,
        port: int,
        *,
        font_size: int | None,
        banner: str,
    ) -> None:
        super().__init__(
            command,
            host=host,
            port=port,
            title="Mixerpult",
            statics_path=_STATIC,
            templates_path=_PAGE,
        )
        self.font_size = font_size
        self.banner = banner

    async def on_startup(self, app: web.Application) -> None:
        self.console.print(self.banner, highlight=False, markup=False)

    @aiohttp_jinja2.template("app_index.html")
    async def handle_index(self, request: web.Request) -> dict[str, Any]:
        font_size = request.query.get("fontsize", "")
        base = f"{request.scheme}://{request.host}"
        return {
            "font_size": int(font_size) if font_size.isdigit() else (self.font_size or 16),
            "app_websocket_url": f"ws://{request.host}/ws",
            "config": {"static": {"url": f"{base}/static/"}},
            "application": {"name": self.title},
        }
