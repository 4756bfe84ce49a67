"""One person's session: answers, fader positions, private marks, agreements.

The session is plain data that knows its questionnaire only by id, version and
hash, so that answers survive any change to the pack: nothing is dropped,
differences are reported instead.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mixerpult.i18n import t
from mixerpult.kinds import kind_of
from mixerpult.kinds.plan import unreadable_rows
from mixerpult.questionnaire import Question, Questionnaire, tr

FORMAT = 1
AnswerValue = bool | int | float | dt.date | str | list[str] | list[Any]
"""`list[Any]`: a plan's rows, mappings as `kinds.plan` reads them; taken as they are,
so that a malformed row is kept and reported rather than the file refused."""


def now() -> dt.datetime:
    """The local time, to the second, with its UTC offset."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


class _Model(BaseModel):
    # Unknown keys are kept (extra="allow") so a newer mixerpult's additions survive a save.
    model_config = ConfigDict(extra="allow", validate_assignment=True)


class PackRef(_Model):
    id: str
    version: str = ""
    hash: str = ""


def _ref(pack: Questionnaire) -> PackRef:
    return PackRef(id=pack.id, version=pack.version, hash=pack.content_hash)


class FaderSetting(_Model):
    position: int | None = None
    note: str = ""


class NextStep(_Model):
    what: str = ""
    who: str = ""
    by: dt.date | str | None = None
    plan_row: int | None = None
    """The row of the return plan this step belongs to (from 1), if any."""


class Agreements(_Model):
    notes: str = ""
    next_steps: list[NextStep] = Field(default_factory=list)


class Session(_Model):
    """The content of an answers file."""

    format: int = FORMAT
    questionnaire: PackRef
    language: str = ""
    """The language the employee chose ('' when the file does not say: the pack's first)."""
    created: dt.datetime = Field(default_factory=now)
    updated: dt.datetime = Field(default_factory=now)
    current_step: str | None = None
    answers: dict[str, AnswerValue | None] = Field(default_factory=dict)
    faders: dict[str, FaderSetting] = Field(default_factory=dict)
    private: list[str] = Field(default_factory=list)
    agreements: Agreements = Field(default_factory=Agreements)
    drafts: dict[str, str] = Field(default_factory=dict)
    """Text typed into a number or date field that is no answer (yet), by question id:
    kept so that nothing typed is lost; the answer itself is then unanswered."""

    @classmethod
    def new(cls, pack: Questionnaire, language: str | None = None) -> Session:
        """An empty session for `pack`."""
        return cls(questionnaire=_ref(pack), language=language or pack.languages[0])

    def follow(self, pack: Questionnaire) -> None:
        """Record that the answers now go with `pack`, once its differences were told:
        the next save then stops the "questionnaire changed" notice from coming back
        at every start. (Answers that no longer fit are kept and still reported.)"""
        self.questionnaire = _ref(pack)

    def answer(self, question_id: str) -> AnswerValue | None:
        """The answer to a question, None when unanswered (blank text counts as unanswered)."""
        value = self.answers.get(question_id)
        if value is None or (isinstance(value, str | list) and not value):
            return None
        if isinstance(value, str) and not value.strip():
            return None
        return value

    def set_answer(self, question_id: str, value: AnswerValue | None) -> None:
        """Store an answer exactly as given (an empty one stays, as the user left it)."""
        self.answers = {**self.answers, question_id: value}

    def set_draft(self, question_id: str, raw: str | None) -> None:
        """Keep `raw`, typed for `question_id`, that is not a valid answer (None: drop it)."""
        rest = {qid: text for qid, text in self.drafts.items() if qid != question_id}
        self.drafts = rest if raw is None else {**rest, question_id: raw}

    def fader(self, channel_id: str) -> FaderSetting:
        """The setting of a channel (a fresh, unset one if never touched)."""
        return self.faders.get(channel_id) or FaderSetting()

    def set_fader(
        self, channel_id: str, *, position: int | None = None, note: str | None = None
    ) -> None:
        """Move a fader and/or change its note."""
        changes: dict[str, Any] = {}
        if position is not None:
            changes["position"] = position
        if note is not None:
            changes["note"] = note
        self._replace_fader(channel_id, changes)

    def clear_fader(self, channel_id: str) -> None:
        """Take a fader back to "not set"; its note stays."""
        self._replace_fader(channel_id, {"position": None})

    def _replace_fader(self, channel_id: str, changes: dict[str, Any]) -> None:
        # A copy, not a new FaderSetting: keys a newer mixerpult wrote there are kept.
        new = self.fader(channel_id).model_copy(update=changes)
        self.faders = {**self.faders, channel_id: new}

    def is_private(self, question_id: str) -> bool:
        return question_id in self.private

    def set_private(self, question_id: str, private: bool) -> None:
        """Mark an answer as kept off the sheet (or not)."""
        rest = [q for q in self.private if q != question_id]
        self.private = [*rest, question_id] if private else rest

    def touch(self) -> None:
        self.updated = now()

    def to_data(self) -> dict[str, Any]:
        """The file's content, as plain YAML-ready data."""
        data = self.model_dump(mode="python", exclude_none=False)
        data["created"] = self.created.isoformat()
        data["updated"] = self.updated.isoformat()
        return data


class SessionFormatError(ValueError):
    """The content is not an answers file this version understands.

    `code` names the reason (`reason_CODE` in strings/core.yaml); `values` fill it in.
    """

    def __init__(self, code: str, **values: Any) -> None:
        super().__init__(code, values)
        self.code = code
        self.values = values


def session_from_data(data: Any) -> Session:
    """Validate loaded YAML as a session; SessionFormatError says what is wrong."""
    if not isinstance(data, dict):
        raise SessionFormatError("not_mapping")
    fmt = data.get("format")
    if isinstance(fmt, int) and not isinstance(fmt, bool) and fmt > FORMAT:
        raise SessionFormatError("newer_format", found=fmt, supported=FORMAT)
    if fmt != FORMAT:
        raise SessionFormatError("unknown_format", found=repr(fmt), supported=FORMAT)
    try:
        return Session.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        more = exc.error_count() - 1
        code = "wrong_content_more" if more else "wrong_content"
        raise SessionFormatError(
            code, where=where, detail=first["msg"], total=exc.error_count()
        ) from exc


@dataclass(frozen=True)
class Notice:
    """Something the user should know after opening a file (nothing was lost)."""

    kind: Literal["version", "content", "orphan", "type", "range", "plan_row"]
    subject: str
    detail: str = ""


def notice_text(notice: Notice, pack: Questionnaire, lang: str) -> str:
    """What `notice` says to the user in `lang`: questions and faders by their words,
    not their ids (an answer whose question is gone has only its id)."""
    subject, detail = notice.subject, notice.detail
    if notice.kind == "type" and subject in pack.questions:
        subject = tr(pack.questions[subject].label, lang)
        detail = t(f"answer_kind_{detail}", lang)
    elif notice.kind == "plan_row" and subject in pack.questions:
        subject = tr(pack.questions[subject].label, lang)
    elif notice.kind == "range" and subject in pack.channels:
        subject = tr(pack.channels[subject].label, lang)
    return t(f"notice_{notice.kind}", lang, subject=subject, detail=detail)


def _fits(question: Question, value: Any) -> bool:
    return value is None or kind_of(question).fits(question, value)


def reconcile(session: Session, pack: Questionnaire) -> list[Notice]:
    """What differs between a session and the questionnaire; changes nothing."""
    notices: list[Notice] = []
    ref = session.questionnaire
    if ref.id != pack.id or ref.version != pack.version:
        notices.append(
            Notice("version", pack.id, f"{ref.id} {ref.version} → {pack.id} {pack.version}")
        )
    elif ref.hash and ref.hash != pack.content_hash:
        # Same version, edited wording: worth a word, since a label may now ask otherwise.
        notices.append(Notice("content", pack.id, f"{pack.id} {pack.version}"))
    for qid, value in session.answers.items():
        question = pack.questions.get(qid)
        if question is None:
            if value not in (None, "", []):
                notices.append(Notice("orphan", qid))
        elif question.type == "plan" and isinstance(value, list) and value:
            # A plan is read row by row: a row that cannot be read is named, and kept.
            bad = unreadable_rows(value)
            if bad:
                notices.append(Notice("plan_row", qid, ", ".join(str(n) for n in bad)))
        elif not _fits(question, value):
            notices.append(Notice("type", qid, question.type))
    for cid, setting in session.faders.items():
        channel = pack.channels.get(cid)
        if channel is None:
            notices.append(Notice("orphan", cid))
        elif (
            pack.mixerpult
            and setting.position is not None
            and pack.mixerpult.on_scale(channel, setting.position) is None
        ):
            scale = pack.mixerpult.scale_of(channel)
            notices.append(Notice("range", cid, f"{setting.position}, 1–{scale}"))
    return notices
