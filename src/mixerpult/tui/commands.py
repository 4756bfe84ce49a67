"""The command palette's commands: go to a page, switch language, switch theme, and more.

Page titles come from the question pack, so hits are shown as plain Content
(Textual's own highlighter parses its candidate as markup).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from mixerpult.i18n import LANGUAGES, t
from mixerpult.tui.flow import FINISH

if TYPE_CHECKING:
    from mixerpult.tui.wizard import Wizard

LANGUAGE_NAMES = {"da": "Dansk", "en": "English"}


class WizardCommands(Provider):
    """Every command the wizard offers, in the current language."""

    def _commands(self) -> list[tuple[str, Callable[[], object], str]]:
        app = cast("Wizard", self.app)
        lang = app.ui_lang
        commands: list[tuple[str, Callable[[], object], str]] = []
        if app.session is not None:
            for page in app.flow.pages:
                if page == FINISH:
                    continue
                title = app.flow.title(page, lang)
                commands.append(
                    (t("cmd_go", lang, title=title), partial(app.go, page), t("cmd_go_help", lang))
                )
        for code in LANGUAGES:
            commands.append(
                (
                    t("cmd_language", lang, language=LANGUAGE_NAMES.get(code, code)),
                    partial(app.set_language, code),
                    t("cmd_language_help", lang),
                )
            )
        for key in ("default", "high-contrast", "ansi"):
            commands.append(
                (
                    t("cmd_theme", lang, theme=t(f"theme_{key}", lang)),
                    partial(app.set_theme_key, key),
                    t("cmd_theme_help", lang),
                )
            )
        if app.session is not None:
            commands.append(
                (t("cmd_walkthrough", lang), app.open_walkthrough, t("cmd_walkthrough_help", lang))
            )
            commands.append(
                (t("cmd_agreements", lang), app.open_agreements, t("cmd_agreements_help", lang))
            )
            commands.append(
                (t("cmd_preview", lang), partial(_open_preview, self), t("cmd_preview_help", lang))
            )
            if app.hide_private:
                private = (t("cmd_show_private", lang), partial(app.set_hide_private, False))
            else:
                private = (t("cmd_hide_private", lang), partial(app.set_hide_private, True))
            commands.append((*private, t("cmd_private_help", lang)))
        commands.append((t("key_help", lang), app.action_help, t("cmd_help_help", lang)))
        if app.session is not None:
            commands.append((t("key_save_as", lang), app.action_save_as, ""))
        commands.append((t("key_quit", lang), app.action_quit, t("cmd_quit_help", lang)))
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(Content(text), command, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, command, help_text in self._commands():
            score = matcher.match(text)
            if score > 0:
                shown = _highlight(matcher.query, text)
                yield Hit(score, shown, command, text=text, help=help_text)


def _open_preview(provider: Provider) -> None:
    """The preview of the sheets, over the page at hand."""
    from mixerpult.tui.screens.preview import PreviewScreen

    provider.app.push_screen(PreviewScreen())


def _highlight(query: str, text: str) -> Content:
    """`text` as plain Content with the letters that match `query` reversed."""
    from textual.fuzzy import FuzzySearch

    content = Content(text)
    score, offsets = FuzzySearch().match(query, text)
    if score:
        for offset in offsets:
            if not text[offset].isspace():
                content = content.stylize("reverse", offset, offset + 1)
    return content
