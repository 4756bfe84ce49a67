"""The command-line side of `mixerpult serve`: checks, the wizard's command, the banner."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from mixerpult.i18n import t
from mixerpult.web.address import browser_url, is_loopback, readable_font_size


def wizard_command(
    answers: Path, questions: Path | None, lang: str | None, *, walkthrough: bool = False
) -> list[str]:
    """The command textual-serve starts for each browser tab."""
    command = [sys.executable, "-m", "mixerpult", "--file", str(answers.resolve())]
    if walkthrough:
        command.append("--walkthrough")
    if questions is not None:
        command += ["--questions", str(questions.resolve())]
    if lang is not None:
        command += ["--lang", lang]
    return command


def serve_command(args: argparse.Namespace) -> int:
    """Serve the wizard until Ctrl+C; returns the exit status."""
    from mixerpult import store
    from mixerpult.language import run_language

    answers: Path = args.serve_file or args.file or store.default_path()
    lang = run_language(args.lang, answers, args.questions)
    host: str = args.host
    port: int = args.port
    if not 0 < port < 65536:
        print(t("serve_bad_port", lang, port=port), file=sys.stderr)
        return 2
    if not is_loopback(host):
        if not args.allow_remote:
            print(t("serve_refused", lang, host=host), file=sys.stderr)
            return 2
        print(t("serve_remote_warning", lang, host=host), file=sys.stderr)

    command = wizard_command(
        answers, args.questions, args.lang, walkthrough=getattr(args, "serve_walkthrough", False)
    )
    font_size = readable_font_size(args.font_size)
    url = browser_url(host, port, font_size)
    banner = t("serve_banner", lang, url=url, path=answers)

    from mixerpult.web.server import MixerpultServer

    server = MixerpultServer(
        shlex.join(command),
        host,
        port,
        answers=answers.resolve(),
        font_size=font_size,
        banner=banner,
        remote=not is_loopback(host),
    )
    try:
        server.serve()
    except OSError as exc:
        print(t("serve_cannot_listen", lang, host=host, port=port, reason=exc.strerror or exc),
              file=sys.stderr)  # fmt: skip
        return 1
    return 0
