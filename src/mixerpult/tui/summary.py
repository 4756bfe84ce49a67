"""Answers, faders and agreements in a few words, as the review and the walkthrough show them.

One place decides how an item reads, so the two overviews never disagree.
Unanswered questions and private answers are marked in words (not only in
colour), so the marks survive NO_COLOR and screen readers. User text is
always plain `Content`, never markup, with its control characters shown as
symbols (`format.shown`).
"""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from mixerpult.answers import NextStep, Session
from mixerpult.i18n import t
from mixerpult.questionnaire import Channel, Mixerpult, Question, tr
from mixerpult.tui.format import answer_text, show_date, shown

Part = Content | tuple[str, str] | str


def fader_bar(position: int | None, scale: int) -> str:
    """A fader's position drawn small, e.g. '■■□□□' for 2 of 5."""
    if position is None:
        return "·" * scale
    return "■" * position + "□" * (scale - position)


def is_hidden(session: Session, question_id: str, hide_private: bool) -> bool:
    """Whether the answer to `question_id` is kept off the screen now."""
    return hide_private and session.is_private(question_id)


def question_summary(
    question: Question, session: Session, lang: str, *, hide_private: bool = False
) -> Content:
    """The question's label and its answer (or why there is none to see)."""
    value = session.answer(question.id)
    head: list[Part] = [(tr(question.label, lang), "bold")]
    if session.is_private(question.id):
        head.append(("  " + t("review_private_mark", lang), "italic $warning"))
    draft = session.drafts.get(question.id)
    if is_hidden(session, question.id, hide_private):
        body = Content.styled(t("private_hidden", lang), "italic $text-muted")
    elif value is None and draft:
        body = Content.assemble(shown(draft), ("  " + t("review_draft", lang), "italic $warning"))
    elif value is None:
        key = "review_unanswered_required" if question.required == "hard" else "review_unanswered"
        body = Content.styled(t(key, lang), "italic $text-muted")
    else:
        body = Content(answer_text(question, value, lang))
    return Content.assemble(*head, "\n", body)


def level_words(mixer: Mixerpult, channel: Channel, position: int | None, lang: str) -> str:
    """A fader's position in words ('not set' when it has none, or one off the scale)."""
    if mixer.on_scale(channel, position) is None:
        return t("fader_unset", lang)
    return mixer.level(channel, position, lang)


def faders_set(mixer: Mixerpult, session: Session) -> int:
    """How many faders stand on their scale (one off it counts as not set)."""
    return sum(
        mixer.on_scale(channel, session.fader(channel.id).position) is not None
        for channel in mixer.channels
    )


def fader_summary(mixer: Mixerpult, channel: Channel, session: Session, lang: str) -> Content:
    """The channel's name, its position drawn small and in words, and its note."""
    setting = session.fader(channel.id)
    position = mixer.on_scale(channel, setting.position)
    parts: list[Part] = [
        (tr(channel.label, lang), "bold"),
        "  ",
        fader_bar(position, mixer.scale_of(channel)),
        "  ",
        (level_words(mixer, channel, position, lang), "italic" if position is None else ""),
    ]
    if setting.note.strip():
        parts.extend(["\n", Content(shown(setting.note))])
    return Content.assemble(*parts)


def by_text(by: dt.date | str | None) -> str:
    """When a next step is due, as written ('' when not said)."""
    if isinstance(by, dt.date):
        return show_date(by)
    return (by or "").strip()


def notes_summary(session: Session, lang: str) -> Content:
    """The meeting's free notes under their heading."""
    notes = session.agreements.notes
    head: Part = (t("agreements_notes", lang), "bold")
    if notes.strip():
        return Content.assemble(head, "\n", Content(shown(notes.strip())))
    return Content.assemble(head, "\n", Content.styled(t("agreements_no_notes", lang), "italic"))


def next_step_summary(step: NextStep, lang: str) -> Content:
    """One next step: what, then who and by when."""
    what = shown(step.what.strip())
    first: Part = what if what else (t("agreements_no_what", lang), "italic")
    details: list[str] = []
    if step.who.strip():
        details.append(t("agreements_who_is", lang, who=shown(step.who.strip())))
    when = by_text(step.by)
    if when:
        details.append(t("agreements_by_is", lang, by=shown(when)))
    if not details:
        return Content.assemble(("• ", "bold"), first)
    return Content.assemble(("• ", "bold"), first, "\n  ", (" · ".join(details), "$text-muted"))
