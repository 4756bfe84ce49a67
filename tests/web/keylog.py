"""`mixerpult` (or `mixerpult serve`) with a log of the keys the wizard receives.

Run as a script by the browser tests: `python keylog.py serve ...` serves wizards
that are this script too, and each writes one JSON line per key it receives to
$MIXERPULT_KEYLOG: the key as Textual named it, the page on screen and the keys
its footer shows. While the file $MIXERPULT_KEYLOG.probe exists, keys are only
logged, not acted on, so that a test can press every footer key of a page
(Ctrl+Q among them) and still find the page there afterwards.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

from textual import events

from mixerpult.cli import main
from mixerpult.tui.app import MixerpultApp
from mixerpult.tui.widgets.footer import footer_keys
from mixerpult.web import command

LOG = Path(os.environ["MIXERPULT_KEYLOG"])
PROBE = LOG.with_name(LOG.name + ".probe")

_on_event = MixerpultApp.on_event


async def _logged(self: MixerpultApp, event: events.Event) -> None:
    # Only a key as it arrives: the same event comes back to the app as it bubbles
    # (and the bindings of the page run then), and must then pass whatever the probe.
    if isinstance(event, events.Key) and not event.is_forwarded:
        screen = self.screen
        entry: dict[str, Any] = {
            "key": event.key,
            "screen": type(screen).__name__,
            "page": self.page,
            "web": self.is_web,
            "footer": [[key.key, key.key_display, key.description] for key in footer_keys(screen)],
        }
        with LOG.open("a", encoding="utf-8") as log:
            log.write(json.dumps(entry) + "\n")
        if PROBE.exists():
            return
    await _on_event(self, event)


MixerpultApp.on_event = _logged  # type: ignore[method-assign,assignment]

_wizard_command = command.wizard_command


def _this_script(*args: Any, **kwargs: Any) -> list[str]:
    wizard = _wizard_command(*args, **kwargs)
    # [python, -m, mixerpult, ...] -> [python, this file, ...]
    return [wizard[0], str(Path(__file__).resolve()), *wizard[3:]]


command.wizard_command = _this_script

if __name__ == "__main__":
    sys.exit(main())
