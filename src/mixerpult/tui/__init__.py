"""The Textual wizard: one client of the core.

`import mixerpult.tui` stays cheap: Textual and the app are imported only
inside `run_wizard`, so `mixerpult check` and `render` never pay for them.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mixerpult.tui.app import MixerpultApp


def build_app(args: argparse.Namespace) -> MixerpultApp | str:
    """The wizard for the command line's arguments, or why it cannot start."""
    from mixerpult.i18n import t
    from mixerpult.language import run_language
    from mixerpult.packs import PackError, load_pack
    from mixerpult.resources import default_pack_path
    from mixerpult.store import default_path

    lang = getattr(args, "lang", None)
    answers = getattr(args, "file", None)
    answers_path = answers.expanduser() if answers else default_path()
    pack_path = getattr(args, "questions", None) or default_pack_path()
    try:
        pack = load_pack(pack_path)
    except (PackError, OSError) as exc:
        # As the app would have chosen: --lang, else the answers' language (this pack is broken).
        say = run_language(lang, answers_path, pack_path)
        problems = exc.strerror or str(exc) if isinstance(exc, OSError) else str(exc)
        return t("pack_unusable", say, path=pack_path, problems=problems)

    from mixerpult.tui.app import MixerpultApp

    walkthrough = bool(getattr(args, "walkthrough", False))
    shared = walkthrough or bool(getattr(args, "shared_screen", False))
    return MixerpultApp(
        answers_path,
        pack,
        lang=lang,
        theme=getattr(args, "theme", None),
        # None lets the app decide (hidden when served to a browser).
        shared_screen=True if shared else None,
        start_in_walkthrough=walkthrough,
    )


def run_wizard(args: argparse.Namespace) -> int:
    """Start the wizard for the command line's arguments; returns the exit status."""
    from mixerpult.tui import collector

    # Held until the first page is painted: start-up makes objects, and drops few.
    collector.pause()
    try:
        app = build_app(args)
        if isinstance(app, str):
            print(app, file=sys.stderr)
            return 2
        app.run()
    finally:
        collector.release()
    # Anything still unsaved (a crash inside the app, a failing disk) gets a last try.
    problem = app.final_save()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    farewell = app.farewell()
    if farewell:
        # After SIGHUP the terminal may be gone; the answers are saved all the same.
        with contextlib.suppress(OSError):
            print(farewell, flush=True)
    return app.return_code or 0
