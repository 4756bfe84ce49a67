"""One person's session: answers, fader positions, sharing levels, agreements.

The session is plain data that knows its questionnaire only by id, version and
hash, so that answers survive any change to the pack: nothing is dropped,
differences are reported instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
import typing
from dataclasses import dataclass, field
from typing import Any, Literal, Union

from mixerpult.i18n import t
from mixerpult.kinds import kind_of
from mixerpult.kinds.plan import unreadable_rows
from mixerpult.questionnaire import Question, Questionnaire, tr

FORMAT = 1
AnswerValue = bool | int | float | dt.date | str | list[str] | list[Any]
"""`list[Any]`: a plan's rows, mappings as `kinds.plan` reads them; taken as they are,
so that a malformed row is kept and reported rather than the file refused."""
Level = Literal["everyone", "municipality", "me"]
"""Who an answer or a note is shared with: everyone on the sheet, only the
municipality (not the employer), or only the employee."""
LEVELS: tuple[Level, ...] = ("everyone", "municipality", "me")


def now() -> dt.datetime:
    """The local time, to the second, with its UTC offset."""
    return dt.datetime.now().astimezone().replace(microsecond=0)


class _Data:
    """The base of the file's parts: a key this version does not know is kept in
    `extra` and written back where it was, so a newer mixerpult's additions survive a save."""

    __slots__ = ()
    extra: dict[str, Any]


_EXTRA = {"extra": True}
"""The metadata of the field `extra` (it is no key of the file)."""
_UNSAVED = {"unsaved": True}
"""The metadata of a field the program keeps for itself (never a key of the file)."""


@dataclass(kw_only=True, slots=True)
class PackRef(_Data):
    id: str
    version: str = ""
    hash: str = ""
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)


def _ref(pack: Questionnaire) -> PackRef:
    return PackRef(id=pack.id, version=pack.version, hash=pack.content_hash)


@dataclass(kw_only=True, slots=True)
class FaderSetting(_Data):
    position: int | None = None
    note: str = ""
    bad_day: int | None = None
    """In a pack with ranges, the position on a bad day when it differs from
    `position` (the good day); absent, the one position is both ends."""
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)


@dataclass(kw_only=True, slots=True)
class NextStep(_Data):
    what: str = ""
    who: str = ""
    by: dt.date | str | None = None
    channel: str = ""
    """The console's channel the step is about ('' for none): a channel that needs
    easing and has no step about it is marked after the meeting."""
    plan_row: int | None = None
    """The row of the return plan this step belongs to (from 1), if any."""
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)


@dataclass(kw_only=True, slots=True)
class Agreements(_Data):
    notes: str = ""
    next_steps: list[NextStep] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)


@dataclass(kw_only=True, slots=True)
class Sharing(_Data):
    """The levels the employee chose, by question id and by channel id (for its note);
    what is not here takes the default of its question or channel."""

    answers: dict[str, Level] = field(default_factory=dict)
    notes: dict[str, Level] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)


@dataclass(kw_only=True, slots=True)
class Session(_Data):
    """The content of an answers file."""

    format: int = FORMAT
    questionnaire: PackRef
    language: str = ""
    """The language the employee chose ('' when the file does not say: the pack's first)."""
    created: dt.datetime = field(default_factory=now)
    updated: dt.datetime = field(default_factory=now)
    current_step: str | None = None
    answers: dict[str, AnswerValue | None] = field(default_factory=dict)
    faders: dict[str, FaderSetting] = field(default_factory=dict)
    sharing: Sharing = field(default_factory=Sharing)
    migrated_private: list[str] = field(default_factory=list, metadata=_UNSAVED)
    """The answers an older file marked `private`, now "only me": told once, never saved."""
    agreements: Agreements = field(default_factory=Agreements)
    drafts: dict[str, str] = field(default_factory=dict)
    """Text typed into a number or date field that is no answer (yet), by question id:
    kept so that nothing typed is lost; the answer itself is then unanswered."""
    extra: dict[str, Any] = field(default_factory=dict, repr=False, metadata=_EXTRA)

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
        self,
        channel_id: str,
        *,
        position: int | None = None,
        note: str | None = None,
        bad_day: int | None = None,
    ) -> None:
        """Move a fader (its bad-day end too) and/or change its note."""
        changes: dict[str, Any] = {}
        if position is not None:
            changes["position"] = position
        if note is not None:
            changes["note"] = note
        if bad_day is not None:
            changes["bad_day"] = bad_day
        self._replace_fader(channel_id, changes)

    def clear_fader(self, channel_id: str) -> None:
        """Take a fader back to "not set", both its ends; its note stays."""
        self._replace_fader(channel_id, {"position": None, "bad_day": None})

    def clear_bad_day(self, channel_id: str) -> None:
        """Make a range one position again: the bad day is the good day."""
        self._replace_fader(channel_id, {"bad_day": None})

    def _replace_fader(self, channel_id: str, changes: dict[str, Any]) -> None:
        # A copy, not a new FaderSetting: keys a newer mixerpult wrote there are kept.
        new = dataclasses.replace(self.fader(channel_id), **changes)
        self.faders = {**self.faders, channel_id: new}

    def chosen_level(self, question_id: str) -> Level | None:
        """The level chosen for an answer (None: never chosen, its default applies)."""
        return self.sharing.answers.get(question_id)

    def set_level(self, question_id: str, level: Level | None) -> None:
        """Choose who sees an answer (None: back to its default)."""
        rest = {q: v for q, v in self.sharing.answers.items() if q != question_id}
        chosen = rest if level is None else {**rest, question_id: level}
        self.sharing = dataclasses.replace(self.sharing, answers=chosen)

    def chosen_note_level(self, channel_id: str) -> Level | None:
        """The level chosen for a channel's note (None: its default applies)."""
        return self.sharing.notes.get(channel_id)

    def set_note_level(self, channel_id: str, level: Level | None) -> None:
        """Choose who sees a channel's note (None: back to its default)."""
        rest = {c: v for c, v in self.sharing.notes.items() if c != channel_id}
        chosen = rest if level is None else {**rest, channel_id: level}
        self.sharing = dataclasses.replace(self.sharing, notes=chosen)

    def is_private(self, question_id: str) -> bool:
        """Whether an answer is "only me" (the old "private")."""
        return self.chosen_level(question_id) == "me"

    def set_private(self, question_id: str, private: bool) -> None:
        """Mark an answer "only me", or take the mark back (to its default)."""
        self.set_level(question_id, "me" if private else None)

    def touch(self) -> None:
        self.updated = now()

    def to_data(self) -> dict[str, Any]:
        """The file's content, as plain YAML-ready data."""
        data: dict[str, Any] = _plain(self)
        data["created"] = self.created.isoformat()
        data["updated"] = self.updated.isoformat()
        for setting in data["faders"].values():
            # A fader without a bad day of its own is written as before ranges were.
            if setting.get("bad_day") is None:
                setting.pop("bad_day", None)
        return data


def _plain(value: Any) -> Any:
    # Fresh containers all the way down: the data is dumped while the session lives on.
    if isinstance(value, _Data):
        data = {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)  # type: ignore[arg-type]
            if not f.metadata.get("extra") and not f.metadata.get("unsaved")
        }
        data.update(_plain(value.extra))
        return data
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


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
    data, migrated = _migrate_private(data)
    errors: list[tuple[str, str]] = []
    session = _read(Session, data, (), errors)
    if errors:
        where, detail = errors[0]
        code = "wrong_content_more" if len(errors) > 1 else "wrong_content"
        raise SessionFormatError(code, where=where, detail=detail, total=len(errors))
    assert isinstance(session, Session)
    session.migrated_private = migrated
    return session


# -- reading the file's data: by the classes' type hints, every error noted ------


_WRONG = object()
"""What a value that does not fit reads as (the error is noted; nothing is built of it)."""
_INTEGER = re.compile(r"[+-]?\d{1,20}")
_HINTS: dict[type, dict[str, Any]] = {}
_WORDS = {
    bool: "true or false",
    int: "a whole number",
    float: "a number",
    str: "text",
    dt.date: "a date",
    dt.datetime: "a date and time",
    type(None): "empty",
}


def _words(tp: Any) -> str:
    origin = typing.get_origin(tp)
    if origin is Union or origin is types.UnionType:
        words = [_words(a) for a in typing.get_args(tp)]
        if "a number" in words and "a whole number" in words:
            words.remove("a whole number")
        return ", ".join(words[:-1]) + " or " + words[-1]
    if origin is Literal:
        return "one of " + ", ".join(repr(a) for a in typing.get_args(tp))
    if origin is list:
        return f"a list of {_words(typing.get_args(tp)[0])}"
    if origin is dict or (isinstance(tp, type) and issubclass(tp, _Data)):
        return "a mapping"
    return _WORDS.get(tp, str(tp))


def _where(loc: tuple[str | int, ...]) -> str:
    return ".".join(str(part) for part in loc)


def _read(tp: Any, value: Any, loc: tuple[str | int, ...], errors: list[tuple[str, str]]) -> Any:
    """`value` as a `tp`, as pydantic's lax mode read it; (where, why) into `errors` if not."""
    if tp is Any:  # taken as it is: a plan's rows, read and reported by their kind
        return value
    origin = typing.get_origin(tp)
    if isinstance(tp, type) and issubclass(tp, _Data):
        return _read_data(tp, value, loc, errors)
    if origin is Union or origin is types.UnionType:
        members = typing.get_args(tp)
        # The member of the value's own type first ("3" stays text), then one that takes it.
        for member in members:
            if type(value) is member:
                return _read(member, value, loc, errors)
        lists = [m for m in members if typing.get_origin(m) is list]
        if lists and type(value) is list:
            # The first kind of list that takes every item (a list of ids before a
            # plan's rows); else the first one's errors are the ones named.
            for member in lists:
                tried: list[tuple[str, str]] = []
                read = _read(member, value, loc, tried)
                if not tried:
                    return read
            return _read(lists[0], value, loc, errors)
        for member in members:
            converted = _scalar(member, value)
            if converted is not _WRONG:
                return converted
    elif origin is Literal:
        if value in typing.get_args(tp) and isinstance(value, str):
            return value
    elif origin is list:
        if isinstance(value, list):
            item = typing.get_args(tp)[0]
            return [_read(item, v, (*loc, i), errors) for i, v in enumerate(value)]
    elif origin is dict:
        if isinstance(value, dict):
            item = typing.get_args(tp)[1]
            out = {}
            for key, v in value.items():
                if not isinstance(key, str):
                    errors.append((_where((*loc, key)), "the key should be text"))
                    continue
                out[key] = _read(item, v, (*loc, key), errors)
            return out
    else:
        converted = _scalar(tp, value)
        if converted is not _WRONG:
            return converted
    errors.append((_where(loc), f"should be {_words(tp)}"))
    return _WRONG


def _scalar(tp: Any, value: Any) -> Any:
    kind = type(value)
    if tp is type(None):
        return None if value is None else _WRONG
    if tp in (bool, str, dt.datetime) and kind is tp:
        return value
    if tp is int:
        if kind is int or (kind is float and value.is_integer()):
            return int(value)
        if kind is str and _INTEGER.fullmatch(value.strip()):
            return int(value)
    elif tp is float:
        if kind in (int, float):
            return float(value) if kind is int else value
    elif tp is dt.date:
        if kind is dt.date:
            return value
        if kind is str:
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                return _WRONG
    elif tp is dt.datetime:
        if kind is dt.date:  # written by hand without a time of day: its start
            return dt.datetime.combine(value, dt.time())
        if kind is str:
            try:
                return dt.datetime.fromisoformat(value)
            except ValueError:
                return _WRONG
    return _WRONG


def _read_data(
    cls: type[_Data], value: Any, loc: tuple[str | int, ...], errors: list[tuple[str, str]]
) -> Any:
    if not isinstance(value, dict):
        errors.append((_where(loc), "should be a mapping"))
        return _WRONG
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls)
    given: dict[str, Any] = {}
    names: set[str] = set()
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]  # every subclass is one
        if f.metadata.get("extra") or f.metadata.get("unsaved"):
            continue
        names.add(f.name)
        if f.name in value:
            given[f.name] = _read(hints[f.name], value[f.name], (*loc, f.name), errors)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            errors.append((_where((*loc, f.name)), "missing"))
    if errors:
        return _WRONG
    extra = {k: v for k, v in value.items() if k not in names}
    return cls(**given, extra=extra)  # type: ignore[call-arg]


def _migrate_private(data: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """An older file's `private: [ids]` as "only me" levels, and the ids moved.

    A level the file also names wins (a newer mixerpult wrote both); the old key is
    dropped, so the next save writes the new form only. Anything but a list of ids is
    left for validation to name.
    """
    old = data.get("private")
    if not isinstance(old, list) or not all(isinstance(q, str) for q in old):
        return data, []
    sharing = data.get("sharing") or {}
    if not isinstance(sharing, dict):
        return data, []
    levels = sharing.get("answers") or {}
    if not isinstance(levels, dict):
        return data, []
    moved = [q for q in dict.fromkeys(old) if q not in levels]
    levels = {**levels, **dict.fromkeys(moved, "me")}
    rest = {k: v for k, v in data.items() if k != "private"}
    return {**rest, "sharing": {**sharing, "answers": levels}}, list(dict.fromkeys(old))


@dataclass(frozen=True)
class Notice:
    """Something the user should know after opening a file (nothing was lost)."""

    kind: Literal["version", "content", "orphan", "type", "range", "bad_day", "sharing", "plan_row"]
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
    elif notice.kind in ("range", "bad_day") and subject in pack.channels:
        subject = tr(pack.channels[subject].label, lang)
    elif notice.kind == "sharing":
        count = len(subject.split())
        return t("notice_sharing", lang, count=count)
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
        elif pack.mixerpult:
            # A bad-day end is looked at even where the pack has no ranges: it is kept,
            # and a pack that turns ranges on again would show it.
            ends: list[tuple[Literal["range", "bad_day"], int | None]] = [
                ("range", setting.position),
                ("bad_day", setting.bad_day),
            ]
            for kind, end in ends:
                if end is not None and pack.mixerpult.on_scale(channel, end) is None:
                    scale = pack.mixerpult.scale_of(channel)
                    notices.append(Notice(kind, cid, f"{end}, 1–{scale}"))
    if session.migrated_private:
        # Nothing changes for the sheet ("only me" is what "private" was), but the
        # choice now has three levels: worth a word, once (the next save drops the key).
        notices.append(Notice("sharing", " ".join(session.migrated_private)))
    return notices
