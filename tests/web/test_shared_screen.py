"""The browser as a shared screen: what arrives, what a second tab says, sizes that read.

Each test drives a real headless Chromium against a real `mixerpult serve`, and
reads the screen back as the browser drew it (see cdp.py).
"""

from __future__ import annotations

import asyncio
import time
import zipfile
from pathlib import Path

from . import cdp
from .conftest import Served, example_answers, needs_chromium


async def wait_for_files(folder: Path, timeout: float = 30) -> list[str]:
    """The downloads, once some have arrived and no more came for a second."""
    end = time.monotonic() + timeout
    while not cdp.downloaded(folder):
        assert time.monotonic() < end, "nothing was downloaded"
        await asyncio.sleep(0.1)
    while True:
        files = cdp.downloaded(folder)
        await asyncio.sleep(1)
        if cdp.downloaded(folder) == files and not list(folder.glob("*.crdownload")):
            return files


@needs_chromium
async def test_every_chosen_format_arrives_in_one_download(tmp_path: Path) -> None:
    served = Served(example_answers(tmp_path / "svar.yaml", current_step="review"))
    try:
        async with (
            cdp.browser(tmp_path / "profile") as (http, devtools),
            cdp.downloads(http, devtools, tmp_path / "hentet") as folder,
            cdp.open_page(http, devtools) as page,
        ):
            await page.send("Page.navigate", url=served.url)
            await page.click_text("Fortsæt")
            await page.wait_for_screen("Oversigt")
            await page.click_text("Lav arket", beside="← Tilbage")
            await page.wait_for_screen("Ren tekst")
            for label in ("HTML", "Markdown", "Ren tekst"):
                await page.click_text(label)
            await page.click_text("Lav arket", beside="← Tilbage")
            files = await wait_for_files(folder)
            rows = await page.wait_for_screen("Din browser har hentet")
    finally:
        served.stop()
    assert files == ["forberedelse.zip"], files
    with zipfile.ZipFile(folder / "forberedelse.zip") as bundle:
        assert bundle.namelist() == [f"forberedelse.{f}" for f in ("pdf", "html", "md", "txt")]
        assert bundle.read("forberedelse.pdf").startswith(b"%PDF")
        assert "Mette" in bundle.read("forberedelse.md").decode("utf-8")
    shown = "\n".join(rows)
    assert "forberedelse.zip" in shown and "forberedelse.txt" in shown, shown
