"""The finish: make the preparation sheet, show where it went, offer to open the PDF.

The sheet is made by `mixerpult.sheet.render.render_session`, imported only
when asked for: it loads Jinja2 and Typst, which the wizard must not pay for
at start-up.

Served to a browser, the sheet is made in a private temporary folder and handed
to the browser with `App.deliver_binary`; nothing is left behind on the serving
machine but the answers file itself. A page may start only one download by
itself (the browser's pop-up blocker stops the rest), so several formats go as
one zip, made in memory. The page says the sheet arrived only when Textual says
so (`DeliveryComplete`).

What happened is said in the result line above the buttons, never in a notice:
at 80×24 a notice sat over "Afslut" and "Lav arket" for as long as the screen
was not redrawn.
"""

from __future__ import annotations

import copy
import io
import shutil
import tempfile
import time
import zipfile
from pathlib import Path
from typing import ClassVar, Literal

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import (
    Button,
    Input,
    Label,
    RadioSet,
    SelectionList,
    Static,
)
from textual.widgets.selection_list import Selection

from mixerpult import store
from mixerpult.answers import Session
from mixerpult.present.viewers import AUDIENCES, audience_of
from mixerpult.questionnaire import Questionnaire, tr
from mixerpult.sheet.formats import FORMATS, PREPARATION, STATEMENT
from mixerpult.tui.flow import FINISH, REVIEW
from mixerpult.tui.screens.page import PageScreen
from mixerpult.tui.text import plain, short_path
from mixerpult.tui.widgets.footer import KeyFooter
from mixerpult.tui.widgets.toggles import Choice, TickList

# In the order people want them: the PDF first (the one to print and bring), then the
# page to open in a browser, then the plain ones.
CHOICES = ("pdf", "html", "md", "txt")
assert sorted(CHOICES) == sorted(FORMATS), "every format, once"
SHEET_CHOICES = (*AUDIENCES, STATEMENT)
"""The finish page's versions: the preparation sheet for each audience, then the
mulighedserklæring's part 1 (always the employer's: no answer about health)."""


class ResultLine(Static):
    """What making the sheet did, kept in view together with the buttons under it."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._said = False

    def say(self, text: Content) -> None:
        """Show `text` and bring it into view (now, and again once it is laid out)."""
        self._said = True
        self.update(text)
        self.bring_into_view()

    def bring_into_view(self) -> None:
        # At once, both: a deferred second scroll would start from where the first began.
        self.scroll_visible(animate=False, immediate=True)
        following = self.parent.children if self.parent is not None else []
        index = following.index(self)
        if index + 1 < len(following):
            following[index + 1].scroll_visible(animate=False, immediate=True)

    def on_resize(self) -> None:
        # A new text of more lines moves the buttons down after they were scrolled to;
        # only now, laid out anew, do the regions say where they went. (Before anything
        # is said, the page stays at its top.)
        if self._said:
            self.bring_into_view()


class FinishScreen(PageScreen):
    """Formats, audience and folder; then the sheet."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "make_sheet", "Lav arket"),
        Binding("ctrl+n", "make_sheet", "Lav arket", show=False),
    ]

    def __init__(self) -> None:
        super().__init__(FINISH)
        self.made: list[Path] = []
        self.delivered: dict[str, bytes] = {}
        """Sheets handed to the browser, by file name (kept to open the PDF again)."""
        self.sending: dict[str, tuple[str, list[str]]] = {}
        """Downloads not yet arrived, by delivery key: the file's name and the sheets in it."""

    def on_mount(self) -> None:
        # Textual tells only the app that the browser has a file; this page says what arrived.
        self.app.message_signal.subscribe(self, self._delivery_news)

    def action_make_sheet(self) -> None:
        self.make_sheet()

    def compose(self) -> ComposeResult:
        yield self.top_bar()
        with VerticalScroll(id="body", can_focus=False):
            yield Static(plain(self.t("finish_intro")), classes="page-intro")
            yield Label(plain(self.t("finish_formats")), classes="field-label")
            yield TickList(
                *[Selection(plain(self.t(f"format_{f}")), f, f == "pdf") for f in CHOICES],
                id="formats",
                compact=True,
            )
            yield Label(plain(self.t("finish_audience")), classes="field-label")
            # The version for whoever is watching comes first to hand.
            chosen = audience_of(self.wizard.viewer)
            with RadioSet(id="audience", compact=True):
                for audience in SHEET_CHOICES:
                    yield Choice(plain(self.audience_label(audience)), audience == chosen)
            yield Button(plain(self.t("button_preview")), id="preview", compact=True)
            if self.wizard.in_browser:
                yield Static(plain(self.t("finish_browser")), classes="page-intro")
            else:
                yield Label(plain(self.t("finish_folder")), classes="field-label")
                yield Input(short_path(store.sheets_dir()), id="folder")
            yield ResultLine(id="result")
            with Horizontal(classes="button-row"):
                yield Button(plain(self.t("button_open_pdf")), id="open-pdf", disabled=True)
                yield Button(plain(self.t("button_walkthrough")), id="walkthrough")
                yield Button(plain(self.t("button_quit")), id="quit")
        with Horizontal(id="nav"):
            yield Button(plain(self.t("button_back")), id="back")
            yield Static("", id="nav-status", markup=False)
            yield Button(plain(self.t("button_make_sheet")), id="make", variant="primary")
        yield KeyFooter()

    def audience_label(self, audience: str) -> str:
        """Who the sheet `audience` is for: the pack's words, else the program's."""
        own = None if audience == STATEMENT else (self.wizard.pack.audiences or {}).get(audience)  # type: ignore[call-overload]
        return tr(own, self.wizard.ui_lang) if own else self.t(f"audience_{audience}")

    def action_back(self) -> None:
        self.wizard.go(REVIEW)

    @on(Button.Pressed, "#quit")
    async def _quit(self) -> None:
        await self.wizard.action_quit()

    @on(Button.Pressed, "#walkthrough")
    def _walkthrough(self) -> None:
        self.wizard.open_walkthrough()

    @on(Button.Pressed, "#preview")
    def _preview(self) -> None:
        from mixerpult.tui.screens.preview import PreviewScreen

        audience = self.chosen_audience()
        # The mulighedserklæring holds what the employer's sheet may hold: that preview.
        self.app.push_screen(PreviewScreen("arbejdsgiver" if audience == STATEMENT else audience))

    # -- making the sheet ---------------------------------------------------------

    def chosen_formats(self) -> list[str]:
        return list(self.query_one("#formats", SelectionList).selected)

    def chosen_audience(self) -> str:
        index = self.query_one("#audience", RadioSet).pressed_index
        return SHEET_CHOICES[index if index >= 0 else 0]

    def chosen_folder(self) -> Path:
        folders = self.query("#folder")
        text = folders.first(Input).value.strip() if folders else ""
        return Path(text).expanduser() if text else store.sheets_dir()

    @on(Button.Pressed, "#make")
    def make_sheet(self) -> None:
        formats = self.chosen_formats()
        if not formats:
            self._show(self.t("finish_no_format"), "warning")
            return
        app = self.wizard
        app.save_now()
        self.query_one("#make", Button).disabled = True
        self._show(self.t("finish_working"))
        # A copy: the sheet is rendered in a thread while the user may go on editing.
        session = copy.deepcopy(app.s)
        audience = self.chosen_audience()
        if app.in_browser:
            self.render_for_browser(session, app.pack, formats, app.ui_lang, audience)
        else:
            self.render_sheet(
                session, app.pack, formats, self.chosen_folder(), app.ui_lang, audience
            )

    @work(thread=True, exclusive=True, group="sheet")
    def render_sheet(
        self,
        session: Session,
        pack: Questionnaire,
        formats: list[str],
        folder: Path,
        lang: str,
        audience: str,
    ) -> None:
        # Runs in a thread (Typst takes a moment): it only calls back, never touches widgets.
        try:
            paths = _render(session, pack, formats, folder, lang, audience)
        except Exception as exc:  # a sheet that fails is reported; the answers are safe
            self.app.call_from_thread(self._failed, "finish_failed", self._why(exc, lang))
        else:
            self.app.call_from_thread(self._done, paths)

    @work(thread=True, exclusive=True, group="sheet")
    def render_for_browser(
        self,
        session: Session,
        pack: Questionnaire,
        formats: list[str],
        lang: str,
        audience: str,
    ) -> None:
        """Make the sheet in a private temporary folder, read it, and remove the folder."""
        # mkdtemp makes a folder only this user can read; the sheet holds health details.
        folder = Path(tempfile.mkdtemp(prefix="mixerpult-sheet-"))
        try:
            paths = _render(session, pack, formats, folder, lang, audience)
            files = {path.name: path.read_bytes() for path in paths}
        except Exception as exc:  # a sheet that fails is reported; the answers are safe
            self.app.call_from_thread(self._failed, "finish_failed", self._why(exc, lang))
        else:
            self.app.call_from_thread(self._deliver, files)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def _why(exc: Exception, lang: str) -> str:
        # A disk's reason in the user's language; a template's or Typst's as they say it.
        if isinstance(exc, store.SaveError):
            return f"{short_path(exc.path)}: {exc.reason_in(lang)}"
        return str(exc) or type(exc).__name__

    def _deliver(self, files: dict[str, bytes]) -> None:
        """Hand the sheet to the browser as one download: the file itself, or a zip of them."""
        self.delivered = files
        self.made = []
        name, data = _one_download(files)
        key = self.app.deliver_binary(io.BytesIO(data), save_filename=name, name=name)
        self.sending = {key: (name, list(files))} if key else {}
        self.query_one("#make", Button).disabled = False
        self._show(f"{self.t('finish_sending', name=name)}\n{self.t('finish_sending_hint')}")
        open_pdf = self.query_one("#open-pdf", Button)
        open_pdf.disabled = not any(name.endswith(".pdf") for name in files)
        self.query_one("#result", Static).scroll_visible(animate=False)
        if not open_pdf.disabled:
            open_pdf.focus()

    def _delivery_news(self, message: Message) -> None:
        if not isinstance(message, events.DeliveryComplete | events.DeliveryFailed):
            return
        if message.key not in self.sending:
            return  # an earlier sheet, or the PDF opened in a tab
        name, sheets = self.sending.pop(message.key)
        if isinstance(message, events.DeliveryFailed):
            # The app tells it in a notice too: that one outlives this page.
            reason = str(message.exception) or type(message.exception).__name__
            self._show(self.t("delivery_failed", name=name, reason=reason))
            return
        if sheets == [name]:
            lines = [self.t("finish_delivered"), f"  {name}"]
        else:
            lines = [self.t("finish_delivered_zip", name=name), *(f"  {s}" for s in sheets)]
        self._show("\n".join(lines))

    def _show(self, text: str, kind: Literal["error", "warning"] | None = None) -> None:
        """Say `text` in the result line, and bring it into view with the buttons under it."""
        result = self.query_one("#result", ResultLine)
        result.set_class(kind == "error", "-error")
        result.set_class(kind == "warning", "-warning")
        result.say(plain(text))

    def _failed(self, key: str, reason: str) -> None:
        message = self.t(key, reason=reason)
        self.query_one("#make", Button).disabled = False
        self._show(message, "error")

    def _done(self, paths: list[Path]) -> None:
        self.made = paths
        self.delivered = {}
        self.query_one("#make", Button).disabled = False
        has_pdf = any(p.suffix == ".pdf" for p in paths)
        open_pdf = self.query_one("#open-pdf", Button)
        open_pdf.disabled = not has_pdf
        if has_pdf:
            open_pdf.focus(scroll_visible=False)  # scrolled to with the result, below
        # At 80×24 the result is below the form: `_show` brings it into view.
        self._show("\n".join(self._made_lines()))

    def _made_lines(self) -> list[str]:
        return [self.t("finish_done")] + [f"  {short_path(p)}" for p in self.made]

    @on(Button.Pressed, "#open-pdf")
    def open_pdf(self) -> None:
        pdf_name = next((name for name in self.delivered if name.endswith(".pdf")), None)
        if pdf_name is not None:
            # In a browser: the PDF again, shown in a tab this time.
            data = io.BytesIO(self.delivered[pdf_name])
            self.app.deliver_binary(data, save_filename=pdf_name, open_method="browser")
            return
        pdf = next((p for p in self.made if p.suffix == ".pdf"), None)
        if pdf is not None:
            self.app.open_url(pdf.resolve().as_uri())
            # Whether a viewer opened is not known here: say where the file is, either way.
            opening = self.t("finish_opening", path=short_path(pdf))
            self._show("\n".join([*self._made_lines(), "", opening]))


def _one_download(files: dict[str, bytes]) -> tuple[str, bytes]:
    """One file as it is; several as a zip named like the first (made in memory only)."""
    if len(files) == 1:
        return next(iter(files.items()))
    buffer = io.BytesIO()
    stamp = time.localtime()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
        for name, data in files.items():
            entry = zipfile.ZipInfo(name, date_time=stamp)
            # Unpacked, a sheet is as private as the answers it comes from.
            entry.external_attr = 0o100600 << 16
            bundle.writestr(entry, data, zipfile.ZIP_DEFLATED)
    return f"{Path(next(iter(files))).stem}.zip", buffer.getvalue()


def _render(
    session: Session,
    pack: Questionnaire,
    formats: list[str],
    folder: Path,
    lang: str,
    audience: str,
) -> list[Path]:
    # Imported here, not at the top: Jinja2 and Typst cost the wizard's start-up.
    from mixerpult.sheet.render import render_session

    # The radio's last choice is a sheet of its own, not an audience.
    sheet = STATEMENT if audience == STATEMENT else PREPARATION
    made = render_session(
        session,
        pack,
        formats,
        folder,
        lang,
        "arbejdsgiver" if sheet == STATEMENT else audience,
        sheet=sheet,
    )
    return [Path(p) for p in made]
