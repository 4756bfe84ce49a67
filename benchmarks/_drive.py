"""The child side of the whole-process benchmarks: run one app headless, note when it is ready.

    python benchmarks/_drive.py minimal
    python benchmarks/_drive.py wizard [MIXERPULT ARGUMENTS...]

`wizard` runs the real command line (`mixerpult.cli.main`), so everything the
`mixerpult` command does before its first page (argument parsing, loading and
validating the pack, opening the answers file, building the app) is in the
figure. `minimal` runs the anchor app of `_apps.py`.

Every `App.run` in this process is made headless at 100×40, and its paints
are watched: the first page is *ready* at the first paint of a screen with a
focused widget (the page is drawn and a key press would land somewhere).
Then, by the environment variable BENCH_UNTIL:

    ready     (default) exit at once
    journey   first drive the app through its whole journey (the memory benchmark);
              with BENCH_SHEET=1 the wizard also makes the PDF on its last page

When the app has ended, one line of JSON goes to stdout:
{"ready": time.monotonic() when ready, "maxrss_kib": peak RSS of this process}.
CLOCK_MONOTONIC is shared by all processes, so the parent can subtract its own
time.monotonic() taken just before spawning this one.
"""

from __future__ import annotations

import asyncio
import json
import os
import resource
import sys
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from _apps import SIZE, MinimalApp, PaintWatch, ready, send_key

RESULT: dict[str, Any] = {}


async def _key(pilot: Pilot[Any], key: str) -> None:
    """One key, then a short settle. (Pilot.press waits for the whole process to be idle,
    which the wizard's blinking cursors make take a tenth of a second a key.)"""
    send_key(pilot.app, key)
    await pilot.pause(0.02)


async def _wizard_journey(pilot: Pilot[Any]) -> None:
    """Welcome → every step → the mixerpult (faders moved) → review → finish."""
    app: Any = pilot.app
    pages: list[str] = RESULT.setdefault("pages", [])
    await _key(pilot, "enter")  # welcome: "Resume" (or "Begin" on a new file)
    for _ in range(60):
        page = app.page
        for _wait in range(100):  # a page is built after the key that asked for it
            if page is not None and getattr(app.screen, "page", None) == page:
                break
            await pilot.pause(0.02)
            page = app.page
        if not pages or pages[-1] != page:
            pages.append(page)
        if page == "finish":
            break
        if page == "mixerpult":
            for _channel in range(6):
                await _key(pilot, "up")
                await _key(pilot, "right")
        await _key(pilot, "ctrl+n")  # "next"; a soft-required question warns once
    if app.page != "finish":
        raise SystemExit(f"journey stuck on page {app.page!r}")
    if os.environ.get("BENCH_SHEET"):
        await _key(pilot, "ctrl+n")  # "make the sheet" (PDF, the default format)
        for _ in range(600):
            if getattr(app.screen, "made", None):
                break
            await asyncio.sleep(0.05)
        else:
            raise SystemExit("the sheet was never made")


async def _minimal_journey(pilot: Pilot[Any]) -> None:
    for key in [*"Mette", "space", *"Hansen", "enter"]:
        await _key(pilot, key)


def _patch_run() -> None:
    original = App.run
    journey = os.environ.get("BENCH_UNTIL", "ready") == "journey"

    def run(self: App[Any], **kwargs: Any) -> Any:
        watch = PaintWatch(self)

        def is_ready() -> bool:
            return ready(self)

        watch.when(is_ready)

        async def auto_pilot(pilot: Pilot[Any]) -> None:
            await watch.wait()
            RESULT["ready"] = watch.painted_at
            if journey:
                if isinstance(self, MinimalApp):
                    await _minimal_journey(pilot)
                else:
                    await _wizard_journey(pilot)
            self.exit()

        kwargs.update(headless=True, size=SIZE, auto_pilot=auto_pilot)
        return original(self, **kwargs)

    App.run = run  # type: ignore[method-assign]


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("minimal", "wizard"):
        print(__doc__, file=sys.stderr)
        return 2
    _patch_run()
    if argv[0] == "minimal":
        MinimalApp().run()
        status = 0
    else:
        from mixerpult.cli import main as mixerpult

        status = mixerpult(argv[1:])
    if "ready" not in RESULT:
        print("the app was never ready", file=sys.stderr)
        return 1
    RESULT["maxrss_kib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stdout.write(json.dumps(RESULT) + "\n")
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
