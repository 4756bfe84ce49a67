"""`mixerpult check`: every problem of a question pack, with file, line and column.

Structure comes first (pydantic, which reports every error in one pass), then
a linter over the raw data that still runs when the structure is broken, so a
pack author sees all findings at once.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import difflib
import itertools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from mixerpult import conditions as cond
from mixerpult import questionnaire as qn
from mixerpult.kinds import KINDS
from mixerpult.kinds.base import did_you_mean, is_date, is_number
from mixerpult.limits import MAX_PACK_BYTES
from mixerpult.model import DataclassType, data_fields, dataclasses_in, key_of
from mixerpult.problems import Problem, Severity
from mixerpult.yamlsource import Path_, SourceMap, YamlSyntaxError, load_file

# Keys whose value is a translated string ({da: …, en: …}).
TEXT_KEYS = frozenset(
    {
        "title",
        "intro",
        "label",
        "help",
        "error",
        "unit",
        "question",
        "low",
        "high",
        "note_label",
        "name",
        "summary",
        "text",
    }
)


@cache
def schema() -> TypeAdapter[qn.Questionnaire]:
    """The pack's schema: pydantic's reading of the model's own dataclasses."""
    return TypeAdapter(qn.Questionnaire)


def _models() -> list[DataclassType]:
    return dataclasses_in(qn.Questionnaire)


def _keys_of(model: DataclassType) -> set[str]:
    return {key_of(f) for f in data_fields(model)}


def _human(path: Path_) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "the file"


def _data_path(data: Any, loc: tuple[Any, ...]) -> Path_:
    """Drop the union tags pydantic puts into `loc`, keeping real keys and indexes."""
    path: list[str | int] = []
    here = data
    for part in loc:
        if (isinstance(here, Mapping) and part in here) or (
            isinstance(here, list) and isinstance(part, int) and 0 <= part < len(here)
        ):
            path.append(part)
            here = here[part]
    return tuple(path)


class _Report:
    def __init__(self, file: Path, smap: SourceMap) -> None:
        self.file = file
        self.smap = smap
        self.problems: list[Problem] = []

    def add(
        self, path: Path_, message: str, *, key: bool = False, severity: Severity = "error"
    ) -> None:
        pos = self.smap.find(path, key=key)
        where = _human(path)
        self.problems.append(
            Problem(self.file, pos.line, pos.column, f"{where}: {message}", severity)
        )


def _structure(data: Any, report: _Report) -> qn.Questionnaire | None:
    try:
        return schema().validate_python(data)
    except ValidationError as exc:
        errors = exc.errors()
    models = _models()
    _explain_all(errors, data, report, models)
    # An unknown question type hides every other error of that question; validate once
    # more with the closest known type so the author sees them all in this run.
    patched = copy.deepcopy(data)
    retry = False
    for err in errors:
        if err["type"] == "union_tag_invalid":
            target = _get(patched, _data_path(patched, err["loc"]))
            if isinstance(target, dict) and "type" in target:
                guess = difflib.get_close_matches(
                    str(target["type"]), qn.QUESTION_TYPES, n=1, cutoff=0
                )
                target["type"] = guess[0] if guess else "text"
                retry = True
    if retry:
        try:
            schema().validate_python(patched)
        except ValidationError as exc:
            _explain_all(exc.errors(), data, report, models)
    return None


# What a key takes, by pydantic's error type, for a value of the wrong kind.
_TAKES = {
    "string_type": "text",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
    "dataclass_type": "a mapping",
    "list_type": "a list",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_parsing_size": "a whole number",
    "int_from_float": "a whole number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "date_type": "a date",
    "date_parsing": "a date",
    "date_from_datetime_parsing": "a date",
    "date_from_datetime_inexact": "a date without a time of day",
}
# What an item of these lists is, for a list or an item of the wrong kind.
_ITEMS = {
    "steps": ("step", "a mapping with id, title and questions"),
    "questions": ("question", "a mapping with id, type and label"),
    "options": ("option", "a mapping with id and label"),
    "channels": ("channel", "a mapping with id and label"),
    "tools": ("tool", "a mapping with id, name, summary and source"),
    "facts": ("fact", "a mapping with id, text, source and checked"),
    "languages": ("language", "a code such as da"),
    "levels": ("level", "a text in each language"),
    "all": ("condition", "such as {answer: id, equals: value}"),
    "any": ("condition", "such as {answer: id, equals: value}"),
}
_CONDITION_KEYS = frozenset({"visible_if", "suggest_if", "not"})
_EXAMPLE_DATE = "2026-11-01"


def _got(value: Any) -> str:
    """`value` as the author wrote it, in words."""
    if value is None or value in ("", [], {}):
        return "empty"
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes, no, on and off are true/false in YAML)"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.datetime):
        return "a date with a time of day"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return f"the text '{shown}'"
    return "a list" if isinstance(value, list) else "a mapping"


def _or(words: list[str]) -> str:
    if len(words) < 3:
        return " or ".join(words)
    return ", ".join(words[:-1]) + ", or " + words[-1]


def _takes(kind: str, path: Path_, data: Any) -> str:
    """What the key at `path` takes, in the words of the question-file format."""
    key = path[-1] if path else None
    parent = path[-2] if len(path) > 1 else None
    takes = _TAKES[kind]
    if kind.startswith("date"):
        return takes if "time" in takes else f"a date such as {_EXAMPLE_DATE}"
    if kind == "dict_type" and (key in TEXT_KEYS or parent == "levels"):
        langs = data.get("languages") if isinstance(data, Mapping) else None
        if not (isinstance(langs, list) and langs and all(isinstance(x, str) for x in langs)):
            langs = ["da", "en"]
        return "a text in each language, such as {" + ", ".join(f"{x}: …" for x in langs) + "}"
    if kind in ("model_type", "model_attributes_type", "dataclass_type", "dict_type"):
        if key in _CONDITION_KEYS or parent in ("all", "any"):
            return "a condition, such as {answer: id, equals: value}"
        if isinstance(key, int) and parent in _ITEMS:
            noun, shape = _ITEMS[str(parent)]
            return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun} ({shape})"
        if key == "mixerpult":
            return "a mapping with title, question, low, high and channels"
    if kind == "list_type" and key == "levels":
        return "a list of level words, one for each position"
    if kind == "list_type" and key in _ITEMS:
        return f"a list of {_ITEMS[str(key)][0]}s"
    if kind == "list_type" and key == "in":
        return "a list of values, such as [ja, nej]"
    return takes


def _key_name(path: Path_) -> str:
    if not path:
        return "the file"
    if isinstance(path[-1], int):
        return f"each item of '{path[-2]}'" if len(path) > 1 else "each item"
    return f"'{path[-1]}'"


def _explain_all(
    errors: list[Any], data: Any, report: _Report, models: list[DataclassType]
) -> None:
    # A value that fits no member of a union (a comparison's value may be text, a
    # number, true/false or a date) gives one error per member: say it once.
    wrong_kind: dict[Path_, list[Any]] = {}
    for err in errors:
        if err["type"] in _TAKES:
            wrong_kind.setdefault(_data_path(data, err["loc"]), []).append(err)
        else:
            _explain(err, data, report, models)
    for path, errs in wrong_kind.items():
        _explain_kind(path, errs, data, report)


def _explain_kind(path: Path_, errs: list[Any], data: Any, report: _Report) -> None:
    value = errs[0]["input"]
    if errs[0]["type"] == "string_type" and len(errs) == 1 and isinstance(value, bool):
        report.add(
            path,
            "YAML read this as true/false (yes, no, on and off are booleans): "
            "put the text in quotes",
        )
        return
    takes: list[str] = []
    for err in errs:
        word = _takes(err["type"], path, data)
        if word not in takes:
            takes.append(word)
    if "a number" in takes and "a whole number" in takes:
        takes.remove("a whole number")
    if len(takes) > 1:  # the example only where a date is all the key takes
        takes = [w.split(" such as ")[0] for w in takes]
    what = _or(takes)
    hint = ""
    key = path[-1] if path else None
    if key in ("equals", "not_equals"):
        what = "one value: " + what
        if isinstance(value, list):
            hint = " (to compare with several values, use 'in')"
    elif takes == ["text"] and isinstance(value, int | float | dt.date):
        hint = ": put it in quotes"
    report.add(path, f"{_key_name(path)} must be {what}; here it is {_got(value)}{hint}")


def _explain(err: Any, data: Any, report: _Report, models: list[DataclassType]) -> None:
    kind = err["type"]
    path = _data_path(data, err["loc"])
    ctx = err.get("ctx") or {}
    # A stdlib dataclass reports an unknown key as an argument its __init__ does not take.
    if kind in ("extra_forbidden", "unexpected_keyword_argument"):
        bad = err["loc"][-1]
        parent = _get(data, path[:-1])
        siblings = set(parent) - {bad} if isinstance(parent, Mapping) else set()
        best = max(models, key=lambda m: len(_keys_of(m) & siblings), default=None)
        hint = did_you_mean(bad, _keys_of(best)) if best is not None else ""
        report.add(path, f"unknown key '{bad}'{hint}", key=True)
    elif kind == "missing":
        report.add(path, f"missing key '{err['loc'][-1]}'")
    elif kind == "union_tag_not_found":
        report.add(path, f"missing key 'type' (one of: {', '.join(qn.QUESTION_TYPES)})")
    elif kind == "union_tag_invalid":
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        given = _get(data, (*path, "type"))
        if isinstance(given, str):
            message = f"unknown type '{given}'{did_you_mean(given, expected)}"
        else:
            message = f"'type' must be one of: {', '.join(expected)}; here it is {_got(given)}"
            expected = []
        report.add(
            (*path, "type"), message + (f" (one of: {', '.join(expected)})" if expected else "")
        )
    elif kind == "literal_error":
        expected = [
            t.strip(" '") for t in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
        ]
        report.add(
            path,
            f"'{err['input']}' is not allowed{did_you_mean(str(err['input']), expected)} "
            f"(one of: {', '.join(e for e in expected if e)})",
        )
    elif kind == "string_pattern_mismatch":
        report.add(
            path,
            f"'{err['input']}' is not a valid id: use lower-case letters, digits "
            "and _, starting with a letter",
        )
    elif kind == "string_too_long":
        report.add(
            path,
            f"{_key_name(path)} must be at most {ctx.get('max_length')} characters; "
            f"here it has {len(str(err['input']))}",
        )
    elif kind == "too_short":
        least = int(ctx.get("min_length", 1))
        key = path[-1] if path else ""
        noun = _ITEMS[key][0] if key in _ITEMS else "item"
        report.add(
            path,
            f"{_key_name(path)} must have at least {least} {noun}{'' if least == 1 else 's'}; "
            f"here it is {_got(err['input'])}",
        )
    elif kind in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
        bound = next(iter(ctx.values()), "")
        than = {"greater_than": "greater than", "greater_than_equal": "at least",
                "less_than": "less than", "less_than_equal": "at most"}[kind]  # fmt: skip
        report.add(
            path,
            f"{_key_name(path)} must be a number {than} {bound}; here it is {_got(err['input'])}",
        )
    elif kind in ("value_error", "assertion_error"):
        # Our own validators' sentences, written for the pack's author.
        report.add(path, str(err["msg"]).removeprefix("Value error, "))
    else:
        # Not a type this pack's models produce today; still never pydantic's wording.
        report.add(path, f"{_key_name(path)} cannot be {_got(err['input'])}")


def _get(data: Any, path: Path_) -> Any:
    for part in path:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _items(data: Any, key: str) -> Iterator[tuple[int, Mapping[str, Any]]]:
    value = data.get(key) if isinstance(data, Mapping) else None
    if isinstance(value, list):
        for i, item in enumerate(value):
            if isinstance(item, Mapping):
                yield i, item


# ---------------------------------------------------------------- the linter


@dataclass(frozen=True)
class _Q:
    """A question as the linter sees it: where it is and what it holds."""

    path: Path_
    raw: Mapping[str, Any]
    order: int
    step: str


@dataclass
class _Graph:
    """What conditions can name, and what each question's `visible_if` names."""

    questions: dict[str, _Q]
    channels: dict[str, tuple[Path_, int]]
    report: _Report
    depends: dict[str, list[str]]
    ranged: bool = False
    """Whether the channels hold a range (`mixerpult: range: true`): `end` may be given."""


def _lint(data: Mapping[str, Any], report: _Report) -> None:
    questions: dict[str, _Q] = {}
    every_question: list[_Q] = []
    step_ids: dict[str, Path_] = {}
    for si, step in _items(data, "steps"):
        _unique(step.get("id"), ("steps", si, "id"), step_ids, "step id", report)
        if step.get("id") in qn.RESERVED_STEP_IDS:
            report.add(
                ("steps", si, "id"),
                f"'{step['id']}' is the name of one of the wizard's own pages; "
                f"step ids may not be any of: {', '.join(qn.RESERVED_STEP_IDS)}",
            )
        for qi, q in _items(step, "questions"):
            path: Path_ = ("steps", si, "questions", qi)
            qid = q.get("id")
            here = _Q(path, q, len(every_question), str(step.get("id")))
            every_question.append(here)
            if isinstance(qid, str):
                if qid in questions:
                    report.add(
                        (*path, "id"),
                        f"duplicate question id '{qid}' (first at {_human(questions[qid].path)})",
                    )
                else:
                    questions[qid] = here
            options: dict[str, Path_] = {}
            for oi, opt in _items(q, "options"):
                _unique(opt.get("id"), (*path, "options", oi, "id"), options, "option id", report)
            if (
                isinstance(q.get("min"), int | float)
                and isinstance(q.get("max"), int | float)
                and q["min"] > q["max"]
            ):
                report.add((*path, "min"), f"min {q['min']} is greater than max {q['max']}")

    mixer = data.get("mixerpult")
    channels: dict[str, tuple[Path_, int]] = {}
    if isinstance(mixer, Mapping):
        channels = _lint_mixerpult(mixer, step_ids, report)

    for _ in ("tools", "facts"):
        seen: dict[str, Path_] = {}
        for i, item in _items(data, _):
            _unique(item.get("id"), (_, i, "id"), seen, f"{_[:-1]} id", report)
    today = dt.date.today()
    for i, fact in _items(data, "facts"):
        checked = fact.get("checked")
        if isinstance(checked, dt.date):
            day = checked.date() if isinstance(checked, dt.datetime) else checked
            if day > today:
                # A warning, not an error: the wizard checks a pack before first use, and
                # a computer whose clock is wrong must still open it.
                report.add(
                    ("facts", i, "checked"),
                    f"checked in the future: {day.isoformat()} is after today "
                    f"({today.isoformat()}); give the day the fact was last checked",
                    severity="warning",
                )

    graph = _Graph(questions, channels, report, {})
    graph.ranged = isinstance(mixer, Mapping) and mixer.get("range") is True
    roles: dict[str, Path_] = {}
    for one in every_question:
        role = one.raw.get("role")
        if isinstance(role, str):
            _unique(role, (*one.path, "role"), roles, "role", report)
            allowed = qn.ROLE_TYPES.get(role)
            qtype = one.raw.get("type")
            if allowed and qtype in qn.QUESTION_TYPES and qtype not in allowed:
                report.add(
                    (*one.path, "role"),
                    f"the role '{role}' needs a question of type {' or '.join(allowed)}; "
                    f"'{one.raw.get('id')}' is {qtype}",
                )
        _lint_condition(one.raw.get("visible_if"), (*one.path, "visible_if"), graph, one)
        hours_channel = one.raw.get("hours_channel")
        if isinstance(hours_channel, str) and hours_channel not in channels:
            report.add(
                (*one.path, "hours_channel"),
                f"unknown channel '{hours_channel}'{did_you_mean(hours_channel, set(channels))}",
            )
    for ti, tool in _items(data, "tools"):
        _lint_condition(tool.get("suggest_if"), ("tools", ti, "suggest_if"), graph, None)
    _lint_cycles(graph)
    _lint_languages(data, report)
    _lint_timeline(data, report)


def _lint_mixerpult(
    mixer: Mapping[str, Any], step_ids: Mapping[str, Path_], report: _Report
) -> dict[str, tuple[Path_, int]]:
    """Check the console's scales and level words; its channels by id, with their scale."""
    default_scale = mixer.get("scale", 5)
    _check_scale(default_scale, ("mixerpult", "scale"), report)
    levels = mixer.get("levels")
    if isinstance(levels, list) and isinstance(default_scale, int) and len(levels) != default_scale:
        report.add(("mixerpult", "levels"), f"{len(levels)} levels for a scale of {default_scale}")
    after = mixer.get("after")
    if isinstance(after, str) and after not in step_ids:
        report.add(
            ("mixerpult", "after"), f"unknown step '{after}'{did_you_mean(after, list(step_ids))}"
        )
    seen: dict[str, Path_] = {}
    channels: dict[str, tuple[Path_, int]] = {}
    for ci, ch in _items(mixer, "channels"):
        path: Path_ = ("mixerpult", "channels", ci)
        cid = ch.get("id")
        _unique(cid, (*path, "id"), seen, "channel id", report)
        scale = ch.get("scale", default_scale)
        if "scale" in ch:
            _check_scale(scale, (*path, "scale"), report)
        own = ch.get("levels")
        if isinstance(scale, int) and not isinstance(scale, bool):
            if isinstance(own, list) and len(own) != scale:
                report.add(
                    (*path, "levels"),
                    f"{len(own)} levels for channel '{cid}', whose scale is {scale}",
                )
            elif (
                own is None and "scale" in ch and isinstance(levels, list) and len(levels) != scale
            ):
                # Without this the channel would show "2/5" where the others show words.
                report.add(
                    (*path, "scale"),
                    f"channel '{cid}' has a scale of {scale}, but the mixerpult's levels are "
                    f"{len(levels)} words: give '{cid}' its own 'levels' ({scale} words)",
                )
        if isinstance(cid, str):
            channels[cid] = (path, scale if isinstance(scale, int) else 5)
    return channels


def _unique(ident: Any, path: Path_, seen: dict[str, Path_], what: str, report: _Report) -> None:
    if not isinstance(ident, str):
        return
    if ident in seen:
        report.add(path, f"duplicate {what} '{ident}' (first at {_human(seen[ident])})")
    else:
        seen[ident] = path


def _check_scale(scale: Any, path: Path_, report: _Report) -> None:
    if isinstance(scale, bool):  # the model would read true as a scale of 1
        report.add(path, f"a scale is a number of steps (got {str(scale).lower()})")
    elif isinstance(scale, int) and scale < 2:
        report.add(path, f"a scale needs at least 2 steps (got {scale})")


def _operand(op: str, value: Any) -> list[Any] | None:
    """The values a comparison compares with, as the model reads them; None when the
    structure pass already reports them (a list for `equals`, text for `answered` …)."""
    values = value if op == "in" else [value]
    if not isinstance(values, list):
        return None
    out = []
    for v in values:
        if op in ("at_least", "at_most") and isinstance(v, str):
            # The model reads "3" as 3 and "2026-12-01" as a date, so must the linter.
            try:
                v = float(v)
            except ValueError:
                try:
                    v = dt.date.fromisoformat(v)
                except ValueError:
                    return None
        if op == "answered" and not isinstance(v, bool):
            return None
        if op == "contains" and not isinstance(v, str):
            return None
        if not isinstance(v, str | int | float | dt.date) or isinstance(v, dt.datetime):
            return None
        out.append(v)
    return out


def _lint_condition(raw: Any, path: Path_, graph: _Graph, own: _Q | None) -> None:
    if not isinstance(raw, Mapping):
        return
    for key in ("all", "any"):
        if isinstance(raw.get(key), list):
            children = raw[key]
            if key == "any" and not children:
                graph.report.add((*path, key), "an empty 'any' can never hold")
            for i, child in enumerate(children):
                _lint_condition(child, (*path, key, i), graph, own)
            if key == "all":
                _lint_contradictions(list(_conjuncts(children, (*path, key))), graph.report)
            return
    if "not" in raw:
        _lint_condition(raw["not"], (*path, "not"), graph, own)
        return
    ops = [op for op in cond.OPERATORS if op in raw]
    if len(ops) != 1:
        return  # the structure pass reports it
    op = ops[0]
    values = _operand(op, raw[op])
    if values is None:
        return
    if op == "in" and not values:
        _impossible(path, op, "the list is empty", graph.report)
        return
    if isinstance(raw.get("answer"), str):
        _lint_answer(raw["answer"], op, values, path, graph, own)
    elif isinstance(raw.get("fader"), str):
        _lint_fader(raw["fader"], op, values, path, graph)
        if "end" in raw and not graph.ranged:
            graph.report.add(
                (*path, "end"),
                "'end' needs a mixerpult whose channels hold a range: "
                "add 'range: true' under 'mixerpult'",
            )


def _lint_answer(
    qid: str, op: str, values: list[Any], path: Path_, graph: _Graph, own: _Q | None
) -> None:
    report = graph.report
    own_id = own.raw.get("id") if own is not None else None
    target = graph.questions.get(qid)

    def fits(q: _Q) -> bool:
        return (
            q.raw.get("id") != own_id
            and (own is None or q.order < own.order)
            and (_answer_problem(q.raw, op, values) is None)
        )

    if qid == own_id:
        report.add((*path, "answer"), f"question '{qid}' cannot depend on its own answer")
        return
    if target is None:
        if qid in graph.channels:
            message = f"'{qid}' is a channel of the mixerpult, not a question: write 'fader: {qid}'"
        else:
            compatible = [k for k, q in graph.questions.items() if fits(q)]
            message = f"unknown question '{qid}'{did_you_mean(qid, compatible)}"
        report.add((*path, "answer"), message)
        return
    if own is not None:
        graph.depends.setdefault(str(own_id), []).append(qid)
        if target.order > own.order:
            where = (
                "in the same step"
                if target.step == own.step
                else f"in the pack (step '{target.step}')"
            )
            report.add(
                (*path, "answer"),
                f"'{qid}' comes later {where}; a condition can name only questions "
                "that come before it",
            )
    problem = _answer_problem(target.raw, op, values)
    if problem is not None:
        others = [k for k, q in graph.questions.items() if k != qid and fits(q)]
        _impossible(path, op, problem + did_you_mean(qid, others), report)


def _answer_problem(q: Mapping[str, Any], op: str, values: list[Any]) -> str | None:
    """Why comparing question `q` by `op` with `values` can never hold; None if it can.
    Each question kind knows what it may be compared with (`mixerpult.kinds`)."""
    kind = KINDS.get(str(q.get("type")))
    if op == "answered" or kind is None:
        return None
    return kind.comparison_problem(q, op, values)


def _lint_fader(cid: str, op: str, values: list[Any], path: Path_, graph: _Graph) -> None:
    if cid not in graph.channels:
        if cid in graph.questions:
            message = (
                f"'{cid}' is a question, not a channel of the mixerpult: write 'answer: {cid}'"
            )
        else:
            fitting = [
                c
                for c, (_, scale) in graph.channels.items()
                if _fader_problem(c, scale, op, values) is None
            ]
            message = f"unknown channel '{cid}'{did_you_mean(cid, fitting)}"
        graph.report.add((*path, "fader"), message)
        return
    problem = _fader_problem(cid, graph.channels[cid][1], op, values)
    if problem is not None:
        _impossible(path, op, problem, graph.report)


def _fader_problem(cid: str, scale: int, op: str, values: list[Any]) -> str | None:
    if op == "answered":
        return None
    if op == "contains":
        return f"fader '{cid}' holds one position"
    for v in values:
        if not is_number(v):
            return f"fader '{cid}' is a position from 1 to {scale}"
        if (op in ("equals", "in", "at_least") and v > scale) or (
            op in ("equals", "in", "at_most") and v < 1
        ):
            return f"fader '{cid}' goes from 1 to {scale}"
    return None


def _impossible(path: Path_, op: str, why: str, report: _Report) -> None:
    report.add((*path, op), f"this comparison can never hold: {why}")


def _conjuncts(children: list[Any], path: Path_) -> Iterator[tuple[Path_, Mapping[str, Any]]]:
    """The comparisons that must all hold: those of an `all`, and of an `all` within it."""
    for i, child in enumerate(children):
        if not isinstance(child, Mapping):
            continue
        if isinstance(child.get("all"), list):
            yield from _conjuncts(child["all"], (*path, i, "all"))
        elif not {"any", "not"} & set(child):
            yield (*path, i), child


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


@dataclass
class _Needs:
    """What the comparisons of one `all` so far require of one answer or fader."""

    answered: bool | None = None
    valued: str | None = None  # the first comparison that needs a value, in words
    equals: Any = None
    has_equals: bool = False
    not_equals: list[Any] = field(default_factory=list)
    least: dict[str, Any] = field(default_factory=dict)  # "number"/"date" -> highest at_least
    most: dict[str, Any] = field(default_factory=dict)  # "number"/"date" -> lowest at_most

    def add(self, name: str, op: str, value: Any) -> str | None:
        """Take in one more comparison; why it contradicts the earlier ones, if it does."""
        why = None
        if op == "answered":
            if self.answered is (not value):
                why = f"{name} cannot be both answered and unanswered"
            elif value is False and self.valued is not None:
                why = f"{name} cannot be unanswered and {self.valued}"
            self.answered = value
            return why
        if op != "not_equals":
            if self.answered is False:
                why = f"{name} cannot be unanswered and be compared with a value"
            if self.valued is None:
                self.valued = f"{op.replace('_', ' ')} {_show(value)}"
        if op == "equals":
            if self.has_equals and self.equals != value:
                why = why or f"{name} cannot equal both {_show(self.equals)} and {_show(value)}"
            elif value in self.not_equals:
                why = why or f"{name} cannot both equal and not equal {_show(value)}"
            if not self.has_equals:
                self.equals, self.has_equals = value, True
        elif op == "not_equals":
            if self.has_equals and self.equals == value:
                why = f"{name} cannot both equal and not equal {_show(value)}"
            self.not_equals.append(value)
        elif op in ("at_least", "at_most"):
            kind = _kind_of(value)
            bounds = self.least if op == "at_least" else self.most
            old = bounds.get(kind)
            if old is None or (value > old if op == "at_least" else value < old):
                bounds[kind] = value
        return why or self._bounds(name)

    def _bounds(self, name: str) -> str | None:
        for kind, low in self.least.items():
            high = self.most.get(kind)
            if high is not None and low > high:
                return f"{name} cannot be at least {_show(low)} and at most {_show(high)}"
        if self.has_equals:
            kind = _kind_of(self.equals)
            low, high = self.least.get(kind), self.most.get(kind)
            if low is not None and self.equals < low:
                return f"{name} cannot equal {_show(self.equals)} and be at least {_show(low)}"
            if high is not None and self.equals > high:
                return f"{name} cannot equal {_show(self.equals)} and be at most {_show(high)}"
        return None


def _kind_of(value: Any) -> str:
    return "date" if is_date(value) else "number" if is_number(value) else "other"


def _lint_contradictions(items: list[tuple[Path_, Mapping[str, Any]]], report: _Report) -> None:
    """Comparisons of one `all` that cannot hold together, on the same answer or fader."""
    needs: dict[tuple[str, str], _Needs] = {}
    for path, raw in items:
        ops = [op for op in cond.OPERATORS if op in raw]
        kind = "answer" if isinstance(raw.get("answer"), str) else "fader"
        ident = raw.get(kind)
        # Each end of a range is its own value (a good day high, a bad day low is what a
        # range is for); "either" holds on one end or the other, so it rules out nothing.
        end = raw.get("end") or "good"
        if len(ops) != 1 or not isinstance(ident, str) or end not in ("good", "bad"):
            continue
        values = _operand(ops[0], raw[ops[0]])
        if not values or ops[0] == "in":
            continue
        name = f"'{ident}'" if kind == "answer" else f"fader '{ident}'"
        if end == "bad":
            name += " on a bad day"
        why = needs.setdefault((kind, f"{ident}/{end}"), _Needs()).add(name, ops[0], values[0])
        if why is not None:
            report.add(path, f"this 'all' can never hold: {why}")


def _lint_cycles(graph: _Graph) -> None:
    """Name every circle of `visible_if` conditions, at its first question in the pack."""
    # Tarjan's strongly connected components, iteratively: a pack of thousands of
    # questions must not reach Python's recursion limit.
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for root in graph.depends:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(graph.depends.get(root, ())))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt == node:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(graph.depends.get(nxt, ()))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        components.append(component)
    for component in components:
        members = set(component)
        first = min(component, key=lambda k: graph.questions[k].order)
        circle = _path_back(first, members, graph.depends)
        steps = [f"'{a}' on '{b}'" for a, b in itertools.pairwise(circle)]
        steps[0] = steps[0].replace(" on ", " depends on ", 1)
        graph.report.add(
            (*graph.questions[first].path, "visible_if"),
            "the conditions go round in a circle: " + ", ".join(steps),
        )


def _path_back(start: str, members: set[str], depends: Mapping[str, list[str]]) -> list[str]:
    """The shortest way from `start` through `members` back to `start`, both ends included."""
    came_from = {start: start}
    todo = [start]
    for node in todo:
        for nxt in depends.get(node, ()):
            if nxt == start and node != start:
                way = [node]
                while way[-1] != start:
                    way.append(came_from[way[-1]])
                return [*reversed(way), start]
            if nxt in members and nxt not in came_from:
                came_from[nxt] = node
                todo.append(nxt)
    return [start, start]  # not reached: every member of a circle leads back to it


def _lint_languages(data: Mapping[str, Any], report: _Report) -> None:
    langs = data.get("languages")
    if not isinstance(langs, list) or not all(isinstance(x, str) for x in langs):
        return
    declared = set(langs)

    def walk(value: Any, path: Path_, text_here: bool) -> None:
        if text_here and isinstance(value, Mapping):
            for lang in langs:
                text = value.get(lang)
                if text is None or (isinstance(text, str) and not text.strip()):
                    report.add(path, f"missing text in language '{lang}'")
            for extra in set(value) - declared:
                report.add(
                    (*path, extra),
                    f"language '{extra}' is not declared in 'languages'"
                    f"{did_you_mean(str(extra), langs)}",
                    key=True,
                    severity="warning",
                )
            return
        if isinstance(value, Mapping):
            for key, child in value.items():
                if key in ("visible_if", "suggest_if"):
                    continue
                walk(child, (*path, key), key in TEXT_KEYS)
        elif isinstance(value, list):
            is_levels = bool(path) and path[-1] == "levels"
            for i, child in enumerate(value):
                walk(child, (*path, i), is_levels)

    walk(data, (), False)


TIMELINE_WEEKS = range(1, 53)
"""A timeline mark falls in the sick leave's first year: a larger week is a typo."""


def _lint_timeline(data: Mapping[str, Any], report: _Report) -> None:
    """Each fact's `timeline` mark: a week the sheet can date, and a question to date it
    from. (Its shape and `kind` are the structure pass's.)"""
    marked: list[Path_] = []
    for fi, fact in _items(data, "facts"):
        mark = fact.get("timeline")
        if not isinstance(mark, Mapping):
            continue
        marked.append(("facts", fi, "timeline"))
        week = mark.get("week")
        if isinstance(week, int) and not isinstance(week, bool) and week not in TIMELINE_WEEKS:
            report.add(
                ("facts", fi, "timeline", "week"),
                f"week {week} is not a week of the sick leave's first year: "
                f"count weeks from the first sick day, {TIMELINE_WEEKS.start} "
                f"to {TIMELINE_WEEKS.stop - 1}",
            )
    roles = [
        q.get("role") for _, step in _items(data, "steps") for _, q in _items(step, "questions")
    ]
    if marked and "first_sick_day" not in roles:
        report.add(
            marked[0],
            "no question has role first_sick_day, so this timeline is never dated or shown",
            severity="warning",
        )


# ------------------------------------------------------------------ entry points


def check_file(path: Path) -> tuple[qn.Questionnaire | None, list[Problem]]:
    """Validate one pack file; the pack is None when it has any error."""
    try:
        size = path.stat().st_size
        if size > MAX_PACK_BYTES:
            limit = MAX_PACK_BYTES // 1024 // 1024
            # Rounded up, so that a file just over the limit is never "2.0 MB".
            shown = math.ceil(size / 1024 / 1024 * 10) / 10
            message = f"the file is {shown:.1f} MB; a question pack is at most {limit} MB"
            return None, [Problem(path, 1, 1, message)]
        data, smap = load_file(path)
    except YamlSyntaxError as exc:
        return None, [
            Problem(path, exc.position.line, exc.position.column, f"not valid YAML: {exc.message}")
        ]
    except OSError as exc:
        return None, [Problem(path, 1, 1, f"cannot read the file: {exc.strerror or exc}")]
    pack, problems = check_data(data, smap, path)
    if pack is not None:
        pack = dataclasses.replace(pack, content_hash=qn.content_hash(path.read_bytes()))
    return pack, problems


def check_data(
    data: Any, smap: SourceMap, path: Path
) -> tuple[qn.Questionnaire | None, list[Problem]]:
    """Validate a loaded pack (`smap` gives its positions, `path` names it in messages);
    the pack is None when it has any error."""
    report = _Report(path, smap)
    for dup_path, pos in smap.duplicates:
        report.problems.append(
            Problem(
                path, pos.line, pos.column, f"{_human(dup_path)}: key '{dup_path[-1]}' given twice"
            )
        )
    if not isinstance(data, Mapping):
        report.add((), "a question pack is a YAML mapping (id:, version:, steps: …)")
        return None, report.problems
    if "steps" not in data and "questionnaire" in data and ("answers" in data or "faders" in data):
        # Fifteen "unknown key" errors would only hide what went wrong.
        report.add((), "this is an answers file, not a question pack (`mixerpult render` reads it)")
        return None, report.problems
    pack = _structure(data, report)
    _lint(data, report)
    problems = sorted(set(report.problems), key=lambda p: (p.line, p.column, p.message))
    if pack is not None and not any(p.severity == "error" for p in problems):
        return pack, problems
    return None, problems


def pack_files(target: Path) -> list[Path]:
    """The pack files at `target`: the file itself, or the YAML files of a folder."""
    if target.is_file():
        return [target]
    return sorted(p for p in target.iterdir() if p.suffix in (".yaml", ".yml") and p.is_file())


def check_path(target: Path) -> list[Problem]:
    """Every problem of every pack at `target` (a file or a folder)."""
    if not target.exists():
        return [Problem(target, 1, 1, "no such file or folder")]
    files = pack_files(target)
    if not files:
        return [Problem(target, 1, 1, "no question pack (*.yaml) here")]
    problems: list[Problem] = []
    for file in files:
        problems.extend(check_file(file)[1])
    return problems
