"""The Textual wizard: one client of the core.

`import mixerpult.tui` stays cheap: Textual and the app are imported only
inside `run_wizard`, so `mixerpult check` and `render` never pay for them.
"""

from __future__ import annotations

import argparse
import sys


def run_wizard(args: argparse.Namespace) -> int:
    """Start the wizard for the command line's arguments; returns the exit status."""
    from mixerpult.i18n import t
    from mixerpult.questionnaire import PackError, load_pack
    from mixerpult.resources import default_pack_path
    from mixerpult.store import default_path

    lang = getattr(args, "lang", None)
    say = lang or "da"
    pack_path = getattr(args, "questions", None) or default_pack_path()
    try:
        pack = load_pack(pack_path)
    except PackError as exc:
        print(t("pack_unusable", say, path=pack_path, problems=str(exc)), file=sys.stderr)
        return 2
    except OSError as exc:
        reason = exc.strerror or str(exc)
        print(t("pack_unusable", say, path=pack_path, problems=reason), file=sys.stderr)
        return 2
    answers = getattr(args, "file", None)
    answers_path = answers.expanduser() if answers else default_path()

    from mixerpult.tui.app import MixerpultApp

    app = MixerpultApp(answers_path, pack, lang=lang, theme=getattr(args, "theme", None))
    app.run()
    # Anything still unsaved (a crash inside the app, a failing disk) gets a last try.
    problem = app.final_save()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    return app.return_code or 0
