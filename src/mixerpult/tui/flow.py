"""The order of the wizard's pages: the steps, the mixerpult, the review, the finish.

Pure data (no Textual), so the order can be tested and reused without a screen.
A page is named by a step id or by one of the fixed names below; the same name
is stored as `Session.current_step`, so resuming lands on the same page.

Two pages stand outside the order: the walkthrough (the whole session at a
glance, for the meeting) and the agreements made there. They are visited from
anywhere and lead back to where they were opened; they are never stored as the
page to resume on.
"""

from __future__ import annotations

from mixerpult.answers import Session
from mixerpult.i18n import t
from mixerpult.questionnaire import CONSOLE, Questionnaire, tr

MIXERPULT = CONSOLE
REVIEW = "review"
FINISH = "finish"
WALKTHROUGH = "walkthrough"
AGREEMENTS = "agreements"
FIXED = (MIXERPULT, REVIEW, FINISH)
ASIDE = (WALKTHROUGH, AGREEMENTS)
"""Pages outside the order (the question pack may not use these ids for steps either)."""


class Flow:
    """The pages of one questionnaire, in the order the wizard shows them."""

    def __init__(self, pack: Questionnaire) -> None:
        self.pack = pack
        # A step may not be called like a fixed page; the checker forbids it.
        self.pages: list[str] = [*pack.pages, REVIEW, FINISH]

    @property
    def first(self) -> str:
        return self.pages[0]

    def is_step(self, page: str) -> bool:
        return page not in FIXED and page in self.pages

    def number(self, page: str) -> int:
        """1-based position of `page` among the pages."""
        return self.pages.index(page) + 1

    @property
    def count(self) -> int:
        """How many pages there are, the review and the finish page included."""
        return len(self.pages)

    def next(self, page: str) -> str | None:
        i = self.pages.index(page)
        return self.pages[i + 1] if i + 1 < len(self.pages) else None

    def previous(self, page: str) -> str | None:
        i = self.pages.index(page)
        return self.pages[i - 1] if i > 0 else None

    def resume_page(self, session: Session) -> str:
        """Where a resumed session continues: its stored page if it still exists."""
        page = session.current_step
        if page in self.pages and page != FINISH:
            return page
        return self.first

    def title(self, page: str, lang: str) -> str:
        """The page's heading in `lang`."""
        if page == MIXERPULT and self.pack.mixerpult is not None:
            return tr(self.pack.mixerpult.title, lang)
        if page == REVIEW:
            return t("review_title", lang)
        if page == FINISH:
            return t("finish_title", lang)
        if page == WALKTHROUGH:
            return t("walkthrough_title", lang)
        if page == AGREEMENTS:
            return t("agreements_title", lang)
        return tr(self.pack.step(page).title, lang)
