"""The browser as a shared screen: what arrives, what a second tab says, sizes that read.

Each test drives a real headless Chromium against a real `mixerpult serve`, and
reads the screen back as the browser drew it (see cdp.py).
"""

from __future__ import annotations

import asyncio
import time
import zipfile
from pathlib import Path

import pytest

from mixerpult import files

from . import cdp
from .conftest import Served, example_answers, needs_chromium
from .test_serve import ipv6_loopback


async def wait_for_files(folder: Path, page: cdp.Page, timeout: float = 30) -> list[str]:
    """The downloads, once some have arrived and no more came for a second."""
    end = time.monotonic() + timeout
    while not cdp.downloaded(folder):
        # What the wizard said instead, should nothing come (seen once, under load).
        assert time.monotonic() < end, "nothing was downloaded:\n" + "\n".join(page.screen())
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
            files = await wait_for_files(folder, page)
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


async def visible_text(page: cdp.Page) -> str:
    """The page's own words that show (a hidden dialog's do not)."""
    return str(await page.evaluate("document.body.innerText"))


@needs_chromium
async def test_a_second_tab_says_the_file_is_in_use(served: Served, tmp_path: Path) -> None:
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as first,
    ):
        await first.send("Page.navigate", url=served.url)
        await first.wait_for_screen("Begynd")
        async with cdp.open_page(http, devtools) as second:
            await second.send("Page.navigate", url=served.url)
            end = time.monotonic() + 20
            while "allerede åben" not in (shown := await visible_text(second)):
                assert time.monotonic() < end, f"the second tab shows {shown!r}"
                await asyncio.sleep(0.2)
            assert "svar.yaml" in shown and "already open" in shown
            # It stays so: no session that ends, no restart that ends again.
            await asyncio.sleep(3)
            shown = await visible_text(second)
            assert "allerede åben" in shown
            assert "Sessionen er slut" not in shown and "Start igen" not in shown, shown
            # Once the first tab is closed, trying again opens the wizard.
            await first.send("Page.close")
            await asyncio.sleep(1)
            await second.evaluate("document.querySelector('.in-use-dialog button').click()")
            await second.wait_for_screen("Begynd")


@needs_chromium
async def test_a_tab_whose_wizard_finds_the_file_taken_says_why(
    served: Served, tmp_path: Path
) -> None:
    """Two tabs at the same moment: the page was free when served, the file not when started."""
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await page.send("Page.navigate", url=served.url)
        while not page.documents:
            await asyncio.sleep(0.01)
        with files.Lock(tmp_path / "svar.yaml"):
            end = time.monotonic() + 20
            while "allerede åben" not in (shown := await visible_text(page)):
                assert time.monotonic() < end, f"the tab shows {shown!r}"
                await asyncio.sleep(0.2)
            assert "Sessionen er slut" not in shown and "Start igen" not in shown, shown


@needs_chromium
async def test_reloading_the_tab_opens_the_wizard_again(served: Served, tmp_path: Path) -> None:
    """The old page and its wizard live until the new page arrives: no "in use" for that."""
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await page.send("Page.navigate", url=served.url)
        await page.wait_for_screen("Begynd")
        page.terminal.clear()
        await page.send("Page.reload")
        await page.wait_for_screen("Begynd")
        assert "allerede åben" not in await visible_text(page)


@needs_chromium
@pytest.mark.parametrize(("font_size", "height"), [(24, 540), (32, None)])
@pytest.mark.parametrize("resumed", [False, True])
async def test_the_welcome_opens_at_its_top(
    font_size: int, height: int | None, resumed: bool, tmp_path: Path
) -> None:
    """A shared screen's large font leaves few rows: the title and language come first."""
    answers = tmp_path / "svar.yaml"
    if resumed:
        example_answers(answers, current_step="review")
    served = Served(answers)
    try:
        async with (
            cdp.browser(tmp_path / "profile") as (http, devtools),
            cdp.open_page(http, devtools) as page,
        ):
            if height is not None:
                await page.send("Emulation.setDeviceMetricsOverride", width=1280, height=height,
                                deviceScaleFactor=1, mobile=False)  # fmt: skip
            await page.send("Page.navigate", url=f"{served.url}?fontsize={font_size}")
            await page.wait_for_screen("Velkommen")
            await page.wait_for_screen("Hjælp")  # the footer: the page is laid out
            await asyncio.sleep(1.5)  # anything that would scroll it has happened by now
            rows = page.screen()
    finally:
        served.stop()
    shown = "\n".join(rows)
    assert len(rows) < 24, f"the screen is not short enough to test this:\n{shown}"
    assert "Forberedelse til opfølgningssamtalen" in shown, shown
    assert "Sprog / Language" in shown, shown


@needs_chromium
@pytest.mark.parametrize("font_size", ["0", "200"])
async def test_any_font_size_opens_a_wizard_to_read(
    font_size: str, served: Served, tmp_path: Path
) -> None:
    """0 hung on "Starter …"; 200 gave a terminal of 10x2 cells."""
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await page.send("Page.navigate", url=f"{served.url}?fontsize={font_size}")
        await page.wait_for_screen("Velkommen")
        columns, rows = page.size()
    assert columns >= 50 and rows >= 15, (columns, rows)


@needs_chromium
async def test_the_agreements_give_what_the_widest_column(tmp_path: Path) -> None:
    """At 32 px "Hvad" (what was agreed, the longest text) had 11 columns and "Hvem" 20."""
    served = Served(example_answers(tmp_path / "svar.yaml", current_step="review"))
    try:
        async with (
            cdp.browser(tmp_path / "profile") as (http, devtools),
            cdp.open_page(http, devtools) as page,
        ):
            await page.send("Page.navigate", url=f"{served.url}?fontsize=32")
            await page.wait_for_screen("Velkommen")
            await page.focus_terminal()
            await page.press_enter()  # "Fortsæt", focused below the fold
            await page.wait_for_screen("Oversigt")
            await page.type_text("a")  # the review's key for the agreements
            await page.wait_for_screen("Aftaler fra samtalen")
            rows = await page.wait_for_screen("Hvem")
    finally:
        served.stop()
    heads = [row for row in rows if "Hvad" in row and "Hvem" in row]
    assert heads, "\n".join(rows)
    head = heads[0]
    what = head.index("Hvem") - head.index("Hvad")
    who = head.index("Hvornår") - head.index("Hvem")
    assert what > who and what >= 16, head


@needs_chromium
@pytest.mark.skipif(not ipv6_loopback(), reason="this machine has no IPv6 loopback")
async def test_the_wizard_opens_at_the_ipv6_loopback(served: Served, tmp_path: Path) -> None:
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await page.send("Page.navigate", url=f"http://[::1]:{served.port}/")
        await page.wait_for_screen("Begynd")


async def _begin(page: cdp.Page, served: Served, font_size: str) -> None:
    """Open the wizard on a new file at `font_size` px and press "Begynd"."""
    await page.send("Page.navigate", url=f"{served.url}?fontsize={font_size}")
    await page.wait_for_screen("Velkommen")
    await page.focus_terminal()
    await page.press_enter()


@needs_chromium
@pytest.mark.parametrize("font_size", ["16", "32"])
async def test_an_answers_level_and_count_work_in_the_browser(
    font_size: str, served: Served, tmp_path: Path
) -> None:
    """The row under an answer ("Deles med:", the level, the count) is drawn by the
    wizard itself: typing updates the count, a click opens the level's list, and a
    click on a level chooses it."""
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await _begin(page, served, font_size)
        rows = await page.wait_for_screen("Deles med: alle på arket")
        assert any("0/60 tegn" in row for row in rows), "\n".join(rows)
        await page.type_text("Ada")
        await page.wait_for_screen("3/60 tegn")
        await page.click_text("alle på arket", beside="Deles med:")
        await page.wait_for_screen("kun kommunen")
        await page.click_text("kun mig")
        rows = await page.wait_for_screen("Deles med: kun mig")
        assert any("3/60 tegn" in row for row in rows), "\n".join(rows)


@needs_chromium
@pytest.mark.parametrize("font_size", ["16", "32"])
async def test_the_next_page_built_ahead_arrives_whole_in_the_browser(
    font_size: str, served: Served, tmp_path: Path
) -> None:
    """The next page, built while the one before was read, arrives whole (its footer
    too) and takes what is typed."""
    async with (
        cdp.browser(tmp_path / "profile") as (http, devtools),
        cdp.open_page(http, devtools) as page,
    ):
        await _begin(page, served, font_size)
        await page.wait_for_screen("Side 1 af 10")
        await asyncio.sleep(1)  # reading the page: the next one is built meanwhile
        for _ in range(3):  # a required question unanswered warns once
            await page.click_text("Næste →")
            try:
                rows = await page.wait_for_screen("Side 2 af 10", timeout=3)
                break
            except AssertionError:
                continue
        else:
            raise AssertionError("never on page 2")
        assert any("Hvor står du nu?" in row for row in rows), "\n".join(rows)
        assert any("0/2000 tegn" in row for row in rows), "\n".join(rows)
        assert any("Næste" in row and "Tilbage" in row for row in rows[-3:]), "\n".join(rows)
        await page.type_text("Ada")
        await page.wait_for_screen("3/2000 tegn")
