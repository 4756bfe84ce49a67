"""`mixerpult check`: every problem of a question pack, with file, line and column.

Structure comes first (pydantic, which reports every error in one pass), then
a linter over the raw data that still runs when the structure is broken, so a
pack author sees all findings at once.
"""

from __future__ import annotations

import copy
import difflib
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from mixerpult import conditions as cond
from mixerpult import questionnaire as qn
from mixerpult.yamlsource import MAX_PACK_BYTES, Path_, SourceMap, YamlSyntaxError, load_file

Severity = Literal["error", "warning"]

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


@dataclass(frozen=True, order=True)
class Problem:
    """One finding, printed as `FILE:LINE:COLUMN: severity: message`."""

    file: Path
    line: int
    column: int
    message: str
    severity: Severity = "error"

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.severity}: {self.message}"


def _models() -> list[type[BaseModel]]:
    seen: list[type[BaseModel]] = []
    todo: list[type[BaseModel]] = [qn._Model, cond._Strict]
    while todo:
        model = todo.pop()
        for sub in model.__subclasses__():
            if sub not in seen:
                seen.append(sub)
                todo.append(sub)
    return seen


def _keys_of(model: type[BaseModel]) -> set[str]:
    return {f.alias or name for name, f in model.model_fields.items() if not f.exclude}


def _suggest(word: str, candidates: set[str] | list[str]) -> str:
    match = difflib.get_close_matches(str(word), sorted(candidates), n=1, cutoff=0.6)
    return f"; did you mean '{match[0]}'?" if match else ""


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
        return qn.Questionnaire.model_validate(data)
    except ValidationError as exc:
        errors = exc.errors()
    models = _models()
    for err in errors:
        _explain(err, data, report, models)
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
            qn.Questionnaire.model_validate(patched)
        except ValidationError as exc:
            for err in exc.errors():
                _explain(err, data, report, models)
    return None


def _explain(err: Any, data: Any, report: _Report, models: list[type[BaseModel]]) -> None:
    kind = err["type"]
    path = _data_path(data, err["loc"])
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        bad = err["loc"][-1]
        parent = _get(data, path[:-1])
        siblings = set(parent) - {bad} if isinstance(parent, Mapping) else set()
        best = max(models, key=lambda m: len(_keys_of(m) & siblings), default=None)
        hint = _suggest(bad, _keys_of(best)) if best is not None else ""
        report.add(path, f"unknown key '{bad}'{hint}", key=True)
    elif kind == "missing":
        report.add(path, f"missing key '{err['loc'][-1]}'")
    elif kind == "union_tag_invalid":
        expected = [t.strip(" '") for t in str(ctx.get("expected_tags", "")).split(",")]
        tag = ctx.get("tag")
        report.add(
            (*path, "type"),
            f"unknown type '{tag}'{_suggest(str(tag), expected)} (one of: {', '.join(expected)})",
        )
    elif kind == "literal_error":
        expected = [
            t.strip(" '") for t in str(ctx.get("expected", "")).replace(" or ", ",").split(",")
        ]
        report.add(
            path,
            f"'{err['input']}' is not allowed{_suggest(str(err['input']), expected)} "
            f"(one of: {', '.join(e for e in expected if e)})",
        )
    elif kind == "string_pattern_mismatch":
        report.add(
            path,
            f"'{err['input']}' is not a valid id: use lower-case letters, digits "
            "and _, starting with a letter",
        )
    elif kind == "string_type" and isinstance(err["input"], bool):
        report.add(
            path,
            "YAML read this as true/false (yes, no, on and off are booleans): "
            "put the text in quotes",
        )
    else:
        report.add(path, str(err["msg"]).removeprefix("Value error, "))


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


def _lint(data: Mapping[str, Any], report: _Report) -> None:
    questions: dict[str, tuple[Path_, Mapping[str, Any]]] = {}
    every_question: list[tuple[Path_, Mapping[str, Any]]] = []
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
            every_question.append((path, q))
            if isinstance(qid, str):
                if qid in questions:
                    report.add(
                        (*path, "id"),
                        f"duplicate question id '{qid}' (first at {_human(questions[qid][0])})",
                    )
                else:
                    questions[qid] = (path, q)
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
        default_scale = mixer.get("scale", 5)
        _check_scale(default_scale, ("mixerpult", "scale"), report)
        levels = mixer.get("levels")
        if (
            isinstance(levels, list)
            and isinstance(default_scale, int)
            and len(levels) != default_scale
        ):
            report.add(
                ("mixerpult", "levels"), f"{len(levels)} levels for a scale of {default_scale}"
            )
        after = mixer.get("after")
        if isinstance(after, str) and after not in step_ids:
            report.add(
                ("mixerpult", "after"), f"unknown step '{after}'{_suggest(after, list(step_ids))}"
            )
        seen: dict[str, Path_] = {}
        for ci, ch in _items(mixer, "channels"):
            path = ("mixerpult", "channels", ci)
            _unique(ch.get("id"), (*path, "id"), seen, "channel id", report)
            scale = ch.get("scale", default_scale)
            if "scale" in ch:
                _check_scale(scale, (*path, "scale"), report)
            if isinstance(ch.get("id"), str):
                channels[ch["id"]] = (path, scale if isinstance(scale, int) else 5)

    for _ in ("tools", "facts"):
        seen = {}
        for i, item in _items(data, _):
            _unique(item.get("id"), (_, i, "id"), seen, f"{_[:-1]} id", report)

    roles: dict[str, Path_] = {}
    for path, q in every_question:
        role = q.get("role")
        if isinstance(role, str):
            _unique(role, (*path, "role"), roles, "role", report)
        _lint_condition(
            q.get("visible_if"), (*path, "visible_if"), questions, channels, report, own=q.get("id")
        )
    for ti, tool in _items(data, "tools"):
        _lint_condition(
            tool.get("suggest_if"), ("tools", ti, "suggest_if"), questions, channels, report
        )
    _lint_languages(data, report)
    _lint_timeline(data, report)


def _unique(ident: Any, path: Path_, seen: dict[str, Path_], what: str, report: _Report) -> None:
    if not isinstance(ident, str):
        return
    if ident in seen:
        report.add(path, f"duplicate {what} '{ident}' (first at {_human(seen[ident])})")
    else:
        seen[ident] = path


def _check_scale(scale: Any, path: Path_, report: _Report) -> None:
    if isinstance(scale, int) and not isinstance(scale, bool) and scale < 2:
        report.add(path, f"a scale needs at least 2 steps (got {scale})")


def _lint_condition(
    raw: Any,
    path: Path_,
    questions: Mapping[str, tuple[Path_, Mapping[str, Any]]],
    channels: Mapping[str, tuple[Path_, int]],
    report: _Report,
    own: str | None = None,
) -> None:
    if not isinstance(raw, Mapping):
        return
    for key in ("all", "any"):
        if isinstance(raw.get(key), list):
            for i, child in enumerate(raw[key]):
                _lint_condition(child, (*path, key, i), questions, channels, report, own)
            return
    if "not" in raw:
        _lint_condition(raw["not"], (*path, "not"), questions, channels, report, own)
        return
    ops = [op for op in cond.OPERATORS if op in raw]
    if len(ops) != 1:
        return  # the structure pass reports it
    op, value = ops[0], raw[ops[0]]
    if isinstance(raw.get("answer"), str):
        qid = raw["answer"]
        if qid == own:
            report.add((*path, "answer"), f"question '{qid}' cannot depend on its own answer")
        elif qid not in questions:
            report.add(
                (*path, "answer"), f"unknown question '{qid}'{_suggest(qid, list(questions))}"
            )
        else:
            _lint_answer_value(questions[qid][1], op, value, path, report)
    elif isinstance(raw.get("fader"), str):
        cid = raw["fader"]
        if cid not in channels:
            report.add((*path, "fader"), f"unknown channel '{cid}'{_suggest(cid, list(channels))}")
        else:
            _lint_fader_value(cid, channels[cid][1], op, value, path, report)


def _impossible(path: Path_, op: str, why: str, report: _Report) -> None:
    report.add((*path, op), f"this comparison can never hold: {why}")


def _lint_answer_value(
    q: Mapping[str, Any], op: str, value: Any, path: Path_, report: _Report
) -> None:
    qtype = q.get("type")
    qid = q.get("id")
    if op in ("answered",):
        return
    raw_options = q.get("options")
    options = (
        [o.get("id") for o in raw_options if isinstance(o, Mapping)]
        if isinstance(raw_options, list)
        else []
    )
    values = value if op == "in" and isinstance(value, list) else [value]
    if qtype in ("choice", "multi_choice"):
        if op in ("at_least", "at_most"):
            _impossible(path, op, f"'{qid}' is a {qtype}, not a number", report)
        elif qtype == "choice" and op == "contains":
            _impossible(path, op, f"'{qid}' is a single choice; use 'equals'", report)
        elif qtype == "multi_choice" and op in ("equals", "not_equals", "in"):
            _impossible(path, op, f"'{qid}' is a multi_choice; use 'contains'", report)
        else:
            for v in values:
                if v not in options:
                    _impossible(
                        path,
                        op,
                        f"'{qid}' has no option '{v}'{_suggest(str(v), [str(o) for o in options])}",
                        report,
                    )
    elif qtype == "yes_no":
        if op in ("at_least", "at_most", "contains") or any(
            not isinstance(v, bool) for v in values
        ):
            _impossible(path, op, f"'{qid}' is yes/no: compare with true or false", report)
    elif qtype == "number":
        if op == "contains" or any(
            isinstance(v, bool) or not isinstance(v, int | float) for v in values
        ):
            _impossible(path, op, f"'{qid}' is a number", report)
            return
        low, high = q.get("min"), q.get("max")
        for v in values:
            if op in ("equals", "in", "at_least") and isinstance(high, int | float) and v > high:
                _impossible(path, op, f"'{qid}' is at most {high}", report)
            if op in ("equals", "in", "at_most") and isinstance(low, int | float) and v < low:
                _impossible(path, op, f"'{qid}' is at least {low}", report)
    elif qtype in ("text", "long_text", "date") and op in ("at_least", "at_most", "contains"):
        _impossible(path, op, f"'{qid}' is {qtype}", report)


def _lint_fader_value(
    cid: str, scale: int, op: str, value: Any, path: Path_, report: _Report
) -> None:
    if op == "answered":
        return
    if op == "contains":
        _impossible(path, op, f"fader '{cid}' holds one position", report)
        return
    values = value if op == "in" and isinstance(value, list) else [value]
    for v in values:
        if isinstance(v, bool) or not isinstance(v, int | float):
            _impossible(path, op, f"fader '{cid}' is a position from 1 to {scale}", report)
        elif (op in ("equals", "in", "at_least") and v > scale) or (
            op in ("equals", "in", "at_most") and v < 1
        ):
            _impossible(path, op, f"fader '{cid}' goes from 1 to {scale}", report)


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
                    f"{_suggest(str(extra), langs)}",
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
        pack = pack.model_copy(update={"content_hash": qn.content_hash(path.read_bytes())})
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
