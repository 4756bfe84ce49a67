"""The wizard application: one session, its file, and the pages that edit it.

The app owns the session and everything about keeping it safe: the lock on
the answers file, the debounced autosave, the save on every page change and
on exit, and the SIGTERM/SIGHUP handlers (Textual's driver has none, so
closing the terminal would otherwise kill the app before anything is saved).
Screens only edit the session and call `mark_dirty()`.

It also knows who is looking (`viewer`): the employee alone, or a screen shared
with the caseworker or the employer (the walkthrough, and always when served to
a browser, until the employee says otherwise). What each of them sees is decided
by the presentation layer (`mixerpult.present`), never here or in a screen.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import signal
import threading
from collections.abc import Iterable
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import events, on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.reactive import reactive
from textual.screen import ModalScreen, Screen
from textual.timer import Timer

from mixerpult import files, store
from mixerpult.answers import Session, notice_text, reconcile
from mixerpult.i18n import LANGUAGES, t
from mixerpult.present.viewers import Viewer
from mixerpult.questionnaire import Questionnaire
from mixerpult.tui import collector
from mixerpult.tui.ahead import SETTLE, Ahead
from mixerpult.tui.commands import WizardCommands
from mixerpult.tui.flow import AGREEMENTS, ASIDE, FINISH, MIXERPULT, REVIEW, WALKTHROUGH, Flow
from mixerpult.tui.kept_styles import KeptStylesheet
from mixerpult.tui.text import key_display, localize_bindings, short_path
from mixerpult.tui.themes import HIGH_CONTRAST, THEMES, choose_theme
from mixerpult.tui.widgets.topbar import TopBar

if TYPE_CHECKING:
    from mixerpult.present.overview import Overview

SaveState = Literal["clean", "pending", "saved", "failed"]

SIGNALS = (signal.SIGTERM, signal.SIGHUP)

KEEP_STYLES_AFTER = 1.0
"""Seconds after the start when the styles parsed for the first page are kept."""


class MixerpultApp(App[int]):
    """The wizard for one answers file and one question pack."""

    CSS_PATH: ClassVar[list[str | PurePath]] = [
        "styles/base.tcss",
        "styles/pages.tcss",
        "styles/walkthrough.tcss",
        "styles/plan.tcss",
    ]
    TITLE = "Mixerpult"
    COMMANDS: ClassVar[set[type[WizardCommands]]] = {WizardCommands}  # type: ignore[assignment]

    BINDINGS: ClassVar[list[BindingType]] = [
        # F1 is GNOME Terminal's own help, so the footer names "?" too (which works
        # wherever no text field has the focus).
        Binding("f1", "help", "Hjælp", key_display="F1/?"),
        Binding("question_mark", "help", "Hjælp", show=False),
        Binding("ctrl+s", "save_as", "Gem som", show=False),
        Binding("ctrl+g", "walkthrough", "Gennemgang", show=False),
        # Not a priority binding: Ctrl+Q then queues behind the keys typed before it
        # (through the field, as they go), so on a busy moment (a slow disk's fsync,
        # a burst over ssh) they are in the session before the last save. No widget
        # here takes Ctrl+Q for itself. Not in a browser's footer: Firefox on Linux
        # quits itself on Ctrl+Q (closing the tab saves everything anyway).
        Binding("ctrl+q", "quit", "Afslut"),
    ]

    save_state: reactive[SaveState] = reactive("clean", repaint=False)
    """Shown in the top bar, so the user can see that nothing is lost (the top bar
    draws it, so a change need not repaint the whole screen)."""

    def __init__(
        self,
        answers_path: Path,
        pack: Questionnaire,
        *,
        lang: str | None = None,
        theme: str | None = None,
        save_delay: float = 0.5,
        lock: bool = True,
        shared_screen: bool | None = None,
        start_in_walkthrough: bool = False,
    ) -> None:
        """`shared_screen`: whether others may see the screen, so what they are not to see
        starts hidden (None: only when served to a browser). `start_in_walkthrough`: open the
        walkthrough at once instead of the welcome (an unreadable file still says so)."""
        super().__init__()
        # The same stylesheet, but what it parses is kept for the next start.
        self.stylesheet = KeptStylesheet(variables=self.get_css_variables())
        self.answers_path = answers_path
        self.pack = pack
        self.flow = Flow(pack)
        self.requested_lang = lang
        self.ui_lang: str = lang or (pack.languages[0] if pack.languages[0] in LANGUAGES else "da")
        self.save_delay = save_delay
        """Seconds between a change and its save (0: save at once, as the snapshots do)."""
        self._use_lock = lock
        self._lock: files.Lock | None = None
        self.session: Session | None = None
        """The answers being edited (None until the file is read, or while it is broken)."""
        self.warned: set[str] = set()
        """Soft-required questions already warned about: they warn only once."""
        self._dirty = False
        self._save_timer: Timer | None = None
        self._save_error: store.SaveError | None = None
        self.rescued: Path | None = None
        """Where `rescue` last put the answers, until the answers file is written again."""
        self.served = False
        """Whether it ran in a browser tab (known only while it runs; `farewell` asks after)."""
        self._signals_installed: list[signal.Signals] = []
        self.shared_screen = shared_screen
        self.start_in_walkthrough = start_in_walkthrough
        self.shared_viewer = Viewer.CASEWORKER
        """Who is watching when the screen is shared (the walkthrough asks)."""
        self.viewer = self.shared_viewer if shared_screen else Viewer.ALONE
        """Who is looking at the screen now: what they may not see is shown as hidden."""
        self.ahead = Ahead(self)
        """The next step's page, built while the user reads this one."""
        self.aside_origin: dict[str, str | None] = {}
        """Where the walkthrough and the agreements lead back to (None: the resume page)."""
        self.register_theme(HIGH_CONTRAST)
        self.theme = choose_theme(theme, self.no_color)

    # -- start ---------------------------------------------------------------

    @property
    def in_browser(self) -> bool:
        """Whether the wizard is served to a web browser (tests pretend by patching this)."""
        return self.is_web

    def on_mount(self) -> None:
        # Modules, pack and styles are loaded: kept out of every later collection. The
        # first page is built with the collector held (from `run_wizard`, if it ran).
        collector.freeze()
        self._hold_collector()
        # Once the first page is up, so that the next start need not parse its styles.
        self.set_timer(KEEP_STYLES_AFTER, self._keep_styles)
        self._install_signal_handlers()
        self.served = self.in_browser
        if self.shared_screen is None:
            # Known only now: the driver that says so exists once the app runs.
            self.viewer = self.shared_viewer if self.in_browser else Viewer.ALONE
        localize_bindings(self, self.ui_lang)
        if self._use_lock:
            lock = files.Lock(self.answers_path)
            try:
                lock.acquire()
            except files.FileLocked as exc:
                message = t("store_locked", self.ui_lang, path=short_path(exc.path))
                self.exit(return_code=1, message=Text(message))
                return
            except OSError as exc:
                # No lock folder (read-only place): carry on; saving will say what is wrong.
                self.log.warning(f"no lock: {exc}")
            else:
                self._lock = lock
        self._open_file()

    def _open_file(self) -> None:
        from mixerpult.tui.screens.welcome import WelcomeScreen

        try:
            session = store.load(self.answers_path)
        except FileNotFoundError:
            self.session = Session.new(self.pack, self.requested_lang or self.ui_lang)
        except store.AnswersFileError as exc:
            from mixerpult.tui.screens.broken import BrokenFileScreen

            self.push_screen(BrokenFileScreen(exc))
            return
        else:
            self.session = session
            if self.requested_lang is None and session.language in LANGUAGES:
                self.ui_lang = session.language
                localize_bindings(self, self.ui_lang)
            self._tell_notices(session)
            if session.questionnaire.id == self.pack.id:  # not a one-off test pack
                session.follow(self.pack)
            if session.migrated_private:
                # Told once: saved in the new form, the old `private` key is gone.
                self.mark_dirty()
        self.push_screen(WelcomeScreen())
        if self.start_in_walkthrough:
            self.open_walkthrough()

    def _tell_notices(self, session: Session) -> None:
        for notice in reconcile(session, self.pack):
            self.notify(notice_text(notice, self.pack, self.ui_lang), markup=False, timeout=10)

    # -- the session ---------------------------------------------------------

    @property
    def s(self) -> Session:
        """The session (the pages exist only once there is one)."""
        assert self.session is not None, "no session yet"
        return self.session

    def start_anew(self) -> None:
        """Begin an empty session; an existing file is first set aside, never overwritten.

        A file that could not be read becomes `NAME.broken-DATE`, a good one
        `NAME.backup-DATE`, so the user can tell them apart later.
        """
        readable = self.session is not None
        # The backup must hold the very latest answers (a language switch, say), and
        # answers that were never written (a folder that refused every save) must not
        # be replaced by an empty form: if they cannot be written now, nothing
        # changes and "save as" is offered.
        must_save = readable and (self._dirty or self.answers_path.exists())
        if must_save and not self.save_now(offer_save_as=False):
            self.action_save_as()  # every time: the autosave may have offered it before
            return
        if self.answers_path.exists():
            try:
                backup = store.set_aside(self.answers_path, tag="backup" if readable else "broken")
            except OSError as exc:
                self.notify(
                    t("set_aside_failed", self.ui_lang, reason=exc.strerror or str(exc)),
                    severity="error",
                    markup=False,
                    timeout=15,
                )
                return
            self.notify(
                t("store_set_aside", self.ui_lang, backup=short_path(backup)),
                markup=False,
                timeout=10,
            )
        self.warned.clear()
        self.session = Session.new(self.pack, self.ui_lang)
        self.go(self.flow.first)

    def resume(self) -> None:
        self.go(self.flow.resume_page(self.s))

    def mark_dirty(self) -> None:
        """Note a change; it is saved within `save_delay` seconds (never more than one)."""
        if self.session is None:
            return
        self._dirty = True
        self.save_state = "pending"
        if self.save_delay <= 0:
            self.save_now()
        elif self._save_timer is None:
            # A throttle rather than a debounce: typing without pause must not
            # postpone the save forever.
            self._save_timer = self.set_timer(self.save_delay, self._autosave)

    def watch_save_state(self, state: SaveState) -> None:
        # Every screen in the stack, not only the one on top: a page under "save as"
        # or the help must be right when it shows again. A new page reads the state
        # when its top bar is mounted.
        for screen in self.screen_stack:
            for bar in screen.query_children(TopBar):
                bar.show_save_state(state)

    def _autosave(self) -> None:
        self._save_timer = None
        self.save_now()

    def save_now(self, *, offer_save_as: bool = True) -> bool:
        """Write pending changes now; False if saving failed (the answers stay in memory).

        A failure tells the user and (unless `offer_save_as` is False) opens "save as".
        """
        if self._save_timer is not None:
            self._save_timer.stop()
            self._save_timer = None
        if self.session is None or not self._dirty:
            return True
        self.session.touch()
        try:
            store.save(self.answers_path, self.session)
        except store.SaveError as exc:
            self._save_failed(exc, offer_save_as)
            return False
        self._dirty = False
        self._save_error = None
        self.rescued = None  # the answers file is newer than any rescue copy
        self.save_state = "saved"
        return True

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _save_failed(self, exc: store.SaveError, offer_save_as: bool) -> None:
        first = self._save_error is None or self._save_error.code != exc.code
        self._save_error = exc
        self.save_state = "failed"
        message = t(
            "store_save_failed",
            self.ui_lang,
            path=short_path(exc.path),
            reason=exc.reason_in(self.ui_lang),
        )
        if not self.is_running:
            return
        if first and offer_save_as:
            # Say it once per reason, and open "save as" right away: a failing
            # autosave must not nag at every keystroke.
            self.notify(message, severity="error", markup=False, timeout=20)
            from mixerpult.tui.screens.save_as import SaveAsScreen

            if not isinstance(self.screen, SaveAsScreen):
                self.push_screen(SaveAsScreen(problem=message))

    def save_as(self, path: Path) -> str | None:
        """Save to `path` and keep using it; returns what went wrong, or None."""
        path = path.expanduser()
        if not path.is_absolute():
            path = Path.cwd() / path
        if path.is_dir():
            path = path / store.FILE_NAME
        if path == self.answers_path:
            self._dirty = True
            return None if self.save_now(offer_save_as=False) else self.last_save_problem()
        if path.exists():
            return t("save_as_exists", self.ui_lang, path=short_path(path))
        lock: files.Lock | None = files.Lock(path)
        try:
            lock.acquire()  # type: ignore[union-attr]
        except files.FileLocked:
            return t("store_locked", self.ui_lang, path=short_path(path))
        except OSError:
            lock = None  # no folder to lock in yet: saving will say what is wrong
        old_lock, old_path = self._lock, self.answers_path
        self.answers_path = path
        self._dirty = True
        if not self.save_now(offer_save_as=False):
            if lock is not None:
                lock.release()
            self.answers_path = old_path
            return self.last_save_problem()
        if old_lock is not None:
            old_lock.release()
        self._lock = lock
        self.notify(t("saved_to", self.ui_lang, path=short_path(path)), markup=False)
        return None

    def last_save_problem(self) -> str:
        exc = self._save_error
        if exc is None:
            return ""
        return t(
            "store_save_failed",
            self.ui_lang,
            path=short_path(exc.path),
            reason=exc.reason_in(self.ui_lang),
        )

    def rescue(self) -> Path | None:
        """Last resort when the answers file cannot be written: a copy somewhere else."""
        if self.session is None or not self._dirty:
            return None
        stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        name = f"mixerpult-rescued-{stamp}.yaml"
        for folder in (store.data_dir(), Path.home(), Path("/tmp")):
            target = folder / name
            try:
                store.save(target, self.session)
            except store.SaveError:
                continue
            self._dirty = False
            self.rescued = target
            return target
        return None

    # -- pages -----------------------------------------------------------------

    def go(self, page: str, *, focus: str | None = None, return_to: str | None = None) -> None:
        """Show `page` (a step id, 'mixerpult', 'review', 'finish', 'walkthrough' or
        'agreements'), saving first.

        `focus` names what to focus there (a question, a channel, an item's id);
        `return_to` opens a page to edit something, and its "next" leads back there.
        """
        from mixerpult.tui.screens.agreements import AgreementsScreen
        from mixerpult.tui.screens.finish import FinishScreen
        from mixerpult.tui.screens.mixerpult import MixerpultScreen
        from mixerpult.tui.screens.review import ReviewScreen
        from mixerpult.tui.screens.step import StepScreen
        from mixerpult.tui.screens.walkthrough import WalkthroughScreen

        session = self.s
        if page not in self.flow.pages and page not in ASIDE:
            page = self.flow.first
        # Help, palette or a question on top belong to the page being left.
        while len(self.screen_stack) > 2 and isinstance(self.screen, ModalScreen):
            self.pop_screen()
        if page == getattr(self.screen, "page", None):
            # Already there (the palette's "go to" this page): a second screen with
            # the same id would crash Textual, and the first keeps the cursor.
            self.save_now()
            return
        if page in ASIDE:
            self._note_origin(page)
        else:
            # The pages aside are never where the wizard resumes.
            stored = REVIEW if page == FINISH else page
            if session.current_step != stored:
                session.current_step = stored
                self._dirty = True
        screen: Screen[None]
        if page == MIXERPULT:
            screen = MixerpultScreen(focus=focus, return_to=return_to)
        elif page == REVIEW:
            screen = ReviewScreen(focus=focus)
        elif page == FINISH:
            screen = FinishScreen()
        elif page == WALKTHROUGH:
            screen = WalkthroughScreen(focus=focus)
        elif page == AGREEMENTS:
            screen = AgreementsScreen(focus=focus, return_to=self.aside_origin.get(AGREEMENTS))
        else:
            built = self.ahead.take(page) if focus is None and return_to is None else None
            screen = built or StepScreen(self.pack.step(page), focus=focus, return_to=return_to)
        # Whatever was built ahead is for the page before this one.
        self.ahead.drop()
        self._hold_collector()
        self.switch_screen(screen)
        # After the switch, so that a failing save's "save as" opens over the new page.
        self.save_now()

    def build_ahead(self) -> None:
        """Soon build the page "next" leads to, if it is a step's, while this one is read."""
        # Not at once, and only if this page is still the one shown then: a user going
        # through the pages quickly (Ctrl+F held down) is not made to wait for pages
        # built for pages already left.
        screen = self.screen
        self.set_timer(SETTLE, lambda: self._build_ahead(screen))

    def _build_ahead(self, shown: Screen[object]) -> None:
        from mixerpult.tui.screens.page import PageScreen

        if not self.screen_stack or self.screen is not shown:  # left, or the app is ending
            return
        if not isinstance(shown, PageScreen) or shown.return_to is not None:
            return
        if shown.page not in self.flow.pages:  # the walkthrough, the agreements
            return
        following = self.flow.next(shown.page)
        if following is not None and self.flow.is_step(following):
            self.ahead.build(following)

    def _hold_collector(self) -> None:
        """No cycle collection while a page is built: its first paint ends the pause
        (`WizardScreen`), or at the latest `collector.LONGEST_PAUSE`."""
        collector.pause()
        self.set_timer(collector.LONGEST_PAUSE, collector.resume)

    def _note_origin(self, page: str) -> None:
        """Remember where `page` (walkthrough or agreements) was opened from.

        Coming back to it from something it opened (an answer being edited, the
        agreements opened from the walkthrough) keeps the first origin, so that
        "back" still leads to where the user started.
        """
        current = self.page
        if current == page:
            return
        returning = getattr(self.screen, "return_to", None) == page or (
            current in ASIDE and self.aside_origin.get(current) == page
        )
        if returning and page in self.aside_origin:
            return
        self.aside_origin[page] = current
        if page == WALKTHROUGH:
            # Someone else is looking: what they are not to see starts hidden, every time.
            self.viewer = self.shared_viewer

    def leave_aside(self, page: str, *, focus: str | None = None) -> None:
        """Leave the walkthrough or the agreements for where they were opened from."""
        origin = self.aside_origin.get(page)
        if origin is None or origin == page:
            origin = self.flow.resume_page(self.s)
        self.go(origin, focus=focus)

    def open_walkthrough(self, *, focus: str | None = None) -> None:
        """Show the walkthrough (as the watcher may see it, unless coming back to it)."""
        if self.session is not None and self.page != WALKTHROUGH:
            self.go(WALKTHROUGH, focus=focus)

    def open_agreements(self, *, focus: str | None = None) -> None:
        """Show the agreements of the meeting; leaving them leads back here."""
        if self.session is not None and self.page != AGREEMENTS:
            self.go(AGREEMENTS, focus=focus)

    @property
    def hide_private(self) -> bool:
        """Whether someone else is looking, so that what they are not to see is hidden."""
        return self.viewer.is_shared

    def overview(self) -> Overview:
        """The session as the viewer of the screen sees it, in the wizard's language."""
        # Imported here: a first start (a new file) shows its welcome without it.
        from mixerpult.present.overview import build_overview

        return build_overview(self.pack, self.s, self.viewer, self.ui_lang)

    def set_hide_private(self, hide: bool) -> None:
        """Show every page as the watcher may see it, or everything (nothing is saved)."""
        self.set_viewer(self.shared_viewer if hide else Viewer.ALONE)

    def set_viewer(self, viewer: Viewer) -> None:
        """`viewer` is looking now: every page shows what they may see (nothing is saved)."""
        if viewer.is_shared:
            self.shared_viewer = viewer
        if viewer == self.viewer:
            return
        self.viewer = viewer
        from mixerpult.tui.screens.base import WizardScreen

        for screen in self.screen_stack:
            if isinstance(screen, WizardScreen) and screen.follows_viewer:
                screen.relanguage()
        self.refresh_bindings()
        self.notify(t(f"viewer_now_{viewer.value}", self.ui_lang), markup=False, timeout=4)

    @property
    def page(self) -> str | None:
        """The page on screen now (None on the welcome and broken-file screens)."""
        for screen in reversed(self.screen_stack):
            page = getattr(screen, "page", None)
            if isinstance(page, str):
                return page
        return None

    # -- keys ------------------------------------------------------------------

    def get_key_display(self, binding: Binding) -> str:
        """Keys as the keyboard names them ("Ctrl+F", "Esc"), in the footer as in the help."""
        return binding.key_display or key_display(binding.key)

    def get_key_display_for(self, key: str) -> str:
        """How the footer and the help write `key` (a Textual key name such as "ctrl+f")."""
        return key_display(key)

    @property
    def footer_hidden(self) -> frozenset[str]:
        """Actions whose keys the footer leaves out here: they do not reach the wizard."""
        return frozenset({"quit"}) if self.in_browser else frozenset()

    # -- language and theme ----------------------------------------------------

    def set_language(self, lang: str) -> None:
        """Speak `lang` from now on, on every screen, without losing anything."""
        if lang not in LANGUAGES or lang == self.ui_lang:
            return
        self.ui_lang = lang
        if self.session is not None and self.session.language != lang:
            self.session.language = lang
            self.mark_dirty()
        localize_bindings(self, lang)
        from mixerpult.tui.screens.base import WizardScreen

        for screen in self.screen_stack:
            if isinstance(screen, WizardScreen):
                screen.relanguage()
        self.refresh_bindings()

    def set_theme_key(self, key: str) -> None:
        """Switch to the theme the command line calls `key`."""
        self.theme = THEMES.get(key, THEMES["default"])

    # -- actions -----------------------------------------------------------------

    def action_help(self) -> None:
        from mixerpult.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_walkthrough(self) -> None:
        self.open_walkthrough()

    def action_toggle_private(self) -> None:
        self.set_hide_private(not self.hide_private)

    def action_save_as(self) -> None:
        from mixerpult.tui.screens.save_as import SaveAsScreen

        if self.session is not None and not isinstance(self.screen, SaveAsScreen):
            self.push_screen(SaveAsScreen(problem=self.last_save_problem()))

    def commit_pages(self) -> None:
        """What every open page shows, into the session (before a last save)."""
        from mixerpult.tui.screens.base import WizardScreen

        for screen in self.screen_stack:
            if isinstance(screen, WizardScreen):
                screen.commit()

    async def action_quit(self) -> None:
        """Save, then quit; if saving fails, offer another place instead of quitting."""
        from mixerpult.tui.screens.save_as import SaveAsScreen

        # Quitting from "save as" itself means: quit anyway (the last resort,
        # a rescue copy, is still tried when the app ends).
        asked_already = isinstance(self.screen, SaveAsScreen)
        self.commit_pages()
        if self.save_now(offer_save_as=False) or asked_already:
            self.exit(0)
            return
        self.push_screen(SaveAsScreen(problem=self.last_save_problem(), quitting=True))

    @on(events.DeliveryFailed)
    def _delivery_failed(self, event: events.DeliveryFailed) -> None:
        # A sheet that did not reach the browser (the finish page names its files).
        if event.name and event.name != "screenshot":
            reason = str(event.exception) or type(event.exception).__name__
            message = t("delivery_failed", self.ui_lang, name=event.name, reason=reason)
            self.notify(message, severity="error", markup=False, timeout=15)

    def action_help_quit(self) -> None:
        # Ctrl+C copies in Textual; people pressing it out of habit want to quit.
        self.notify(t("help_quit", self.ui_lang), title=t("help_quit_title", self.ui_lang))

    def action_command_palette(self) -> None:
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                CommandPalette(
                    id="--command-palette", placeholder=t("palette_placeholder", self.ui_lang)
                )
            )

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # The wizard's own provider (localised) replaces Textual's English system commands.
        return ()

    # -- signals and the end -------------------------------------------------------

    def _install_signal_handlers(self) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for sig in SIGNALS:
            try:
                loop.add_signal_handler(sig, self.handle_signal, sig)
            except (NotImplementedError, RuntimeError, ValueError):  # pragma: no cover
                continue
            self._signals_installed.append(sig)

    def _remove_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:  # pragma: no cover
            return
        for sig in self._signals_installed:
            loop.remove_signal_handler(sig)
        self._signals_installed.clear()

    def handle_signal(self, sig: int) -> None:
        """SIGTERM or SIGHUP (terminal closed): save everything, then end cleanly."""
        self.commit_pages()
        if not self.save_now(offer_save_as=False):
            self.rescue()
        self.exit(0)

    def _fatal_error(self) -> None:
        # Textual's own report of a crash shows every frame's local variables, and here
        # they hold the user's answers: never on a screen that may be shared. The same
        # report without them. (Textual 8.2's method, overridden: the pin is <8.3.)
        import rich
        from rich.segment import Segments
        from rich.traceback import Traceback

        self.bell()
        traceback = Traceback(show_locals=False, width=None, suppress=[rich])
        self._exit_renderables.append(
            Segments(self.console.render(traceback, self.console.options))
        )
        self._close_messages_no_wait()

    def on_unmount(self) -> None:
        if not self.save_now(offer_save_as=False):
            self.rescue()
        self._remove_signal_handlers()
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        collector.release()
        # And what was parsed for pages shown since.
        self._keep_styles()

    def _keep_styles(self) -> None:
        if isinstance(self.stylesheet, KeptStylesheet):  # not after a live CSS reload
            self.stylesheet.keep()

    def farewell(self) -> str | None:
        """After the app has ended in a terminal: one line that says where the answers are
        (None if nothing was saved, or when served: the terminal is the server's)."""
        if self.session is None or self.served or self.rescued is not None:
            return None
        if not self.answers_path.exists():
            return None
        return t("answers_kept_in", self.ui_lang, path=self.answers_path)

    def final_save(self) -> str | None:
        """After the app has ended: save what is left; a message for the terminal, if any."""
        if self.session is None:
            return None
        if self._dirty and not self.save_now() and self.rescue() is None:
            return self.last_save_problem()
        if self.rescued is None:
            return None
        # Rescued here or when the app ended (Ctrl+Q from "save as", a signal): either
        # way the user must learn where the answers went.
        rescued = t("rescued_to", self.ui_lang, path=self.rescued)
        return "\n".join(part for part in (self.last_save_problem(), rescued) if part)


if TYPE_CHECKING:
    # mypy checks here that the app is everything the screens may ask of it.
    from mixerpult.tui.wizard import Wizard

    def _is_a_wizard(app: MixerpultApp) -> Wizard:
        return app
