"""Overview items drawn small, as the review and the walkthrough show them.

What an item says is decided by the presentation layer (`mixerpult.present`);
this module only styles it. Unanswered questions, hidden answers and the sharing
level of each answer and note (but "everyone", the plain case) are marked in
words (not only in colour), so the marks survive NO_COLOR and screen readers.
User text is always plain `Content`, never markup, with its control characters
shown as symbols (`format.shown`).
"""

from __future__ import annotations

from textual.content import Content

from mixerpult.answers import Level
from mixerpult.i18n import t
from mixerpult.present.overview import AnswerItem, ChannelItem, NextStepItem
from mixerpult.present.words import fader_bar
from mixerpult.tui.format import shown

Part = Content | tuple[str, str] | str


def level_mark(level: Level, lang: str) -> list[Part]:
    """Who something is shared with, after its label (nothing for "everyone")."""
    if level == "everyone":
        return []
    return [("  " + t(f"review_level_{level}", lang), "italic $warning")]


def answer_summary(item: AnswerItem, lang: str) -> Content:
    """The question's label and its answer (or why there is none to see)."""
    head: list[Part] = [(shown(item.label), "bold"), *level_mark(item.level, lang)]
    if item.hidden:
        body = Content.styled(t("private_hidden", lang), "italic $text-muted")
    elif not item.answered and item.draft:
        body = Content.assemble(
            shown(item.draft), ("  " + t("review_draft", lang), "italic $warning")
        )
    elif not item.answered:
        required = item.question.required == "hard"
        key = "review_unanswered_required" if required else "review_unanswered"
        body = Content.styled(t(key, lang), "italic $text-muted")
    else:
        body = Content(shown(item.words))
    return Content.assemble(*head, "\n", body)


def channel_summary(item: ChannelItem, lang: str, unagreed: str = "") -> Content:
    """The channel's name, its position drawn small and in words, and its note;
    `unagreed`: the mark of a channel needing easing that nothing agreed is about."""
    parts: list[Part] = [
        (shown(item.label), "bold"),
        "  ",
        fader_bar(item.position, item.scale, item.bad),
        "  ",
        (shown(item.level), "" if item.is_set else "italic"),
    ]
    if unagreed:
        parts.append(("  " + unagreed, "italic $warning"))
    if item.note:
        parts.extend(["\n", Content(shown(item.note)), *level_mark(item.note_level, lang)])
    return Content.assemble(*parts)


def notes_summary(notes: str, lang: str) -> Content:
    """The meeting's free notes under their heading."""
    head: Part = (t("agreements_notes", lang), "bold")
    if notes:
        return Content.assemble(head, "\n", Content(shown(notes)))
    return Content.assemble(head, "\n", Content.styled(t("agreements_no_notes", lang), "italic"))


def next_step_summary(step: NextStepItem, lang: str) -> Content:
    """One next step: what, then who and by when."""
    first: Part = shown(step.what) if step.what else (t("agreements_no_what", lang), "italic")
    details: list[str] = []
    if step.who:
        details.append(t("agreements_who_is", lang, who=shown(step.who)))
    if step.by:
        details.append(t("agreements_by_is", lang, by=shown(step.by)))
    if step.plan_ref:
        details.append(shown(step.plan_ref))
    if not details:
        return Content.assemble(("• ", "bold"), first)
    return Content.assemble(("• ", "bold"), first, "\n  ", (" · ".join(details), "$text-muted"))
