"""`mixerpult check`: positions, did-you-mean, every error in one run, exit codes."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import subprocess
import sys
from collections.abc import Iterator
from functools import reduce
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from mixerpult import questionnaire as qn
from mixerpult.checker import check_data, check_file, check_path, schema
from mixerpult.packs import load_pack
from mixerpult.yamlsource import load_file

PACKS = Path(__file__).resolve().parent.parent / "packs"
BROKEN = PACKS / "broken"

# file -> findings that must be printed, as "LINE:COLUMN: text" fragments
EXPECTED: dict[str, list[str]] = {
    "01_yaml_syntax": ["6:6: error: not valid YAML"],
    "02_misspelt_key": ["12:9: error: steps[0].questions[0].lable: unknown key 'lable'; did you mean 'label'?"],
    "03_unknown_type": ["11:15: error: steps[0].questions[0].type: unknown type 'tekst'; did you mean 'text'?"],
    "04_missing_label": ["10:9: error: steps[0].questions[0]: missing key 'label'"],
    "05_duplicate_question_id": ["13:13: error: steps[0].questions[1].id: duplicate question id 'navn'"],
    "06_unknown_answer_in_condition": ["27:30: error: steps[0].questions[3].visible_if.answer: unknown question 'planen'; did you mean 'plan'?"],
    "07_impossible_option": ["27:44: error: steps[0].questions[3].visible_if.equals: this comparison can never hold: 'plan' has no option 'maaske'"],
    "08_number_out_of_range": ["27:47: error: steps[0].questions[3].visible_if.at_least: this comparison can never hold: 'timer' is at most 40"],
    "09_missing_language": ["39:11: error: tools[0].name: missing text in language 'en'"],
    "10_scale_too_small": ["34:10: error: mixerpult.scale: a scale needs at least 2 steps (got 1)"],
    "11_unknown_fader": ["41:25: error: tools[0].suggest_if.fader: unknown channel 'tiid'; did you mean 'tid'?"],
    "12_fader_beyond_scale": ["41:40: error: tools[0].suggest_if.at_least: this comparison can never hold: fader 'tid' goes from 1 to 5"],
    "13_two_operators": ["41:17: error: tools[0].suggest_if: a comparison has exactly one operator"],
    "14_bad_id": ["7:9: error: steps[0].id: 'Start Side' is not a valid id", "29:10: error: mixerpult.after: unknown step 'start'"],
    "15_unquoted_yes": ["22:42: error: steps[0].questions[2].options[0].label.en: YAML read this as true/false"],
    "16_duplicate_key": ["4:1: error: version: key 'version' given twice"],
    "17_after_unknown_step": ["29:10: error: mixerpult.after: unknown step 'slut'"],
    "18_self_reference": ["27:30: error: steps[0].questions[3].visible_if.answer: question 'plan_tekst' cannot depend on its own answer"],
    "19_wrong_required": ["13:19: error: steps[0].questions[0].required: 'always' is not allowed (one of: hard, soft)"],
    "20_not_a_mapping": ["1:1: error: the file: a question pack is a YAML mapping"],
    "21_levels_mismatch": ["35:11: error: mixerpult.levels: 2 levels for a scale of 5"],
    "22_missing_fact_date": ["44:5: error: facts[0]: missing key 'checked'"],
    "24_reserved_step_id": ["7:9: error: steps[0].id: 'review' is the name of one of the wizard's own pages"],
    "25_impossible_date": ["47:14: error: not valid YAML: '2026-02-30' is not a possible value"],
    "26_empty_options": ["21:17: error: steps[0].questions[2].options: 'options' must be a list of options; here it is empty",
                         "25:44: error: steps[0].questions[3].visible_if.equals: this comparison can never hold"],
    "27_visible_if_cycle": ["13:21: error: steps[0].questions[0].visible_if: the conditions go round in a circle: 'navn' depends on 'plan_tekst', 'plan_tekst' on 'plan', 'plan' on 'navn'",
                            "13:30: error: steps[0].questions[0].visible_if.answer: 'plan_tekst' comes later in the pack (step 'mere'); a condition can name only questions that come before it"],
    "28_condition_on_later_question": ["13:30: error: steps[0].questions[0].visible_if.answer: 'plan' comes later in the same step; a condition can name only questions that come before it",
                                       "17:30: error: steps[0].questions[1].visible_if.answer: 'timer' comes later in the pack (step 'mere')"],
    "29_text_compared_with_number": ["19:53: error: steps[0].questions[2].visible_if.at_least: this comparison can never hold: 'timer_tekst' is text, not a number; did you mean 'timer'?",
                                     "23:51: error: steps[0].questions[3].visible_if.equals: this comparison can never hold: 'timer_tekst' is text: compare it with text; did you mean 'timer'?"],
    "30_contains_compatible_ids": ["23:30: error: steps[0].questions[2].visible_if.answer: unknown question 'hjaelpe'; did you mean 'hjaelp_fra'?",
                                   "27:48: error: steps[0].questions[3].visible_if.contains: this comparison can never hold: 'hjaelp' is a single choice; use 'equals'; did you mean 'hjaelp_fra'?",
                                   "31:30: error: steps[0].questions[4].visible_if.answer: 'tid' is a channel of the mixerpult, not a question: write 'fader: tid'"],
    "31_yes_no_and_options": ["22:50: error: steps[0].questions[2].visible_if.equals: this comparison can never hold: 'forsikring' is yes/no: compare it with true or false (without quotes)",
                              "26:40: error: steps[0].questions[3].visible_if.in: this comparison can never hold: 'plan' has no option 'nejj'; did you mean 'nej'?"],
    "32_date_compared_with_number": ["19:46: error: steps[0].questions[2].visible_if.at_least: this comparison can never hold: 'dato' is a date: compare it with a date such as 2026-12-01",
                                     "23:46: error: steps[0].questions[3].visible_if.at_most: this comparison can never hold: 'timer' is a number: compare it with a number",
                                     "27:44: error: steps[0].questions[4].visible_if.at_least: this comparison can never hold: fader 'tid' is a position from 1 to 5"],
    "33_impossible_conditions": ["22:40: error: steps[0].questions[2].visible_if.in: this comparison can never hold: the list is empty",
                                 "29:15: error: steps[0].questions[3].visible_if.all[1]: this 'all' can never hold: 'plan' cannot equal both 'ja' and 'nej'",
                                 "37:15: error: steps[0].questions[4].visible_if.all[2]: this 'all' can never hold: 'timer' cannot be at least 30 and at most 10",
                                 "44:21: error: steps[0].questions[5].visible_if.all[1].all[0]: this 'all' can never hold: 'navn' cannot be both answered and unanswered"],
    "34_role_on_wrong_type": ["17:15: error: steps[0].questions[1].role: the role 'meeting_date' needs a question of type date; 'dato' is text",
                              "21:15: error: steps[0].questions[2].role: the role 'weekly_hours' needs a question of type number; 'timer' is long_text",
                              "25:15: error: steps[0].questions[3].role: duplicate role 'first_name' (first at steps[0].questions[0].role)",
                              "29:15: error: steps[0].questions[4].role: 'meeting_day' is not allowed; did you mean 'meeting_date'? (one of: first_name, meeting_date, weekly_hours, first_sick_day, wish, proposed_hours, already_agreed, most_important, hard_now, job_functions, proposed_tasks, proposed_aids, proposed_other, expected_duration, job_title, workplace, nearest_leader, employer_contact, round_table, companion, interpreter, meeting_energy, next_follow_up)"],
    "50_fader_end": ["28:39: error: steps[0].questions[3].visible_if.end: 'end' needs a mixerpult whose channels hold a range: add 'range: true' under 'mixerpult'",
                     "42:35: error: tools[0].suggest_if.end: 'end' needs a mixerpult whose channels hold a range"],
    "51_range_contradiction": ["43:61: error: tools[0].suggest_if.all[1]: this 'all' can never hold: fader 'tid' on a bad day cannot be at least 4 and at most 2"],
    "35_channel_levels": ["38:61: error: mixerpult.channels[1].scale: channel 'opgaver' has a scale of 5, but the mixerpult's levels are 3 words: give 'opgaver' its own 'levels' (5 words)",
                          "42:15: error: mixerpult.channels[2].levels: 3 levels for channel 'ansvar', whose scale is 2"],
    "37_wrong_kind_of_value": ["13:17: error: steps[0].questions[0].health: 'health' must be true or false; here it is the text 'maybe'",
                               "14:21: error: steps[0].questions[0].max_length: 'max_length' must be a number greater than 0; here it is the number 0",
                               "18:14: error: steps[0].questions[1].min: 'min' must be a number; here it is a list",
                               "27:44: error: steps[0].questions[3].visible_if.equals: 'equals' must be one value: text, a number, true or false, or a date; here it is a list (to compare with several values, use 'in')",
                               "28:9: error: steps[0].questions[4]: missing key 'type' (one of: text, long_text, number, choice, multi_choice, yes_no, date, plan)",
                               "30:9: error: steps[0].questions[5]: each item of 'questions' must be a question (a mapping with id, type and label); here it is the text 'Et spørgsmål'",
                               "33:10: error: mixerpult.title: 'title' must be a text in each language, such as {da: …, en: …}; here it is the text 'Mixerpulten'",
                               "37:10: error: mixerpult.scale: 'scale' must be a whole number; here it is the text 'fem'",
                               "38:13: error: mixerpult.channels: 'channels' must have at least 1 channel; here it is empty",
                               "43:39: error: tools[0].suggest_if.at_most: 'at_most' must be a number or a date; here it is the text 'lav'",
                               "44:13: error: tools[0].source: 'source' must be text; here it is the number 2026: put it in quotes",
                               "49:14: error: facts[0].checked: 'checked' must be a date such as 2026-11-01; here it is the text 'snart'"],
    "23_multi_errors": ["11:15: error: steps[0].questions[0].type: unknown type 'txt'; did you mean 'text'?",
                        "13:9: error: steps[0].questions[0].hjælp: unknown key 'hjælp'; did you mean 'help'?"],
    "40_timeline_offset": ["16:22: error: facts[0].timeline.week: week 0 is not a week of the sick leave's first year",
                           "21:31: error: facts[1].timeline.kind: 'before' is not allowed (one of: by, until, at)",
                           "26:22: error: facts[2].timeline.week: 'week' must be a whole number; here it is the text '22'",
                           "26:45: error: facts[2].timeline.label: missing text in language 'en'"],
}  # fmt: skip


def test_every_broken_pack_has_an_expectation() -> None:
    assert sorted(p.stem for p in BROKEN.glob("*.yaml")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 15


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_broken_pack_is_reported_at_its_place(name: str) -> None:
    path = BROKEN / f"{name}.yaml"
    pack, problems = check_file(path)
    assert pack is None
    printed = [str(p) for p in problems]
    for fragment in EXPECTED[name]:
        assert any(line.startswith(f"{path}:{fragment}") for line in printed), (fragment, printed)


@pytest.mark.parametrize("key", ["2026-02-30", "9" * 5000])
def test_an_impossible_mapping_key_is_an_error_not_a_crash(tmp_path: Path, key: str) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(f"id: x\ntitle: {{da: A, en: B, ? {key} : x}}\n", encoding="utf-8")
    pack, problems = check_file(path)
    assert pack is None
    assert "is not a possible value" in str(problems[0]) and len(str(problems[0])) < 300


def test_an_answers_file_is_named_as_such(root: Path) -> None:
    path = root / "examples" / "answers.da.yaml"
    pack, problems = check_file(path)
    assert pack is None
    assert [str(p) for p in problems] == [
        f"{path}:9:1: error: the file: this is an answers file, not a question pack"
        " (`mixerpult render` reads it)"
    ]


def test_a_wrong_value_is_reported_once() -> None:
    """The structure pass says what a value must be; the linter adds nothing to it."""
    path = BROKEN / "37_wrong_kind_of_value.yaml"
    at_equals = [p for p in check_file(path)[1] if (p.line, p.column) == (27, 44)]
    assert len(at_equals) == 1, at_equals


def _paths(data: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield here
    children = (
        data.items()
        if isinstance(data, dict)
        else enumerate(data)
        if isinstance(data, list)
        else ()
    )
    for key, child in children:
        yield from _paths(child, (*here, key))


WRONG_VALUES: list[Any] = [None, [], {}, "x y", 0, 1.5, True, dt.date(2026, 1, 1),
                           dt.datetime(2026, 1, 1, 10, 30), [1], {"x": 1}, float("nan")]  # fmt: skip


def _library_messages(data: Any) -> set[str]:
    try:
        schema().validate_python(data)
    except ValidationError as exc:
        return {str(e["msg"]).removeprefix("Value error, ") for e in exc.errors()}
    return set()


def test_no_library_message_reaches_the_author() -> None:
    """Every value of a pack replaced by values of the wrong kind: the checker says what
    the key takes in its own words, never pydantic's ("Input should be a valid list")."""
    base, smap = load_file(PACKS / "valid" / "graph.yaml")
    ours = {"a comparison names exactly one of 'answer' or 'fader'"}
    seen: set[str] = set()
    shapes: dict[tuple[Any, ...], tuple[Any, ...]] = {}
    for path in list(_paths(base))[1:]:
        # One path of each shape: every question's label is checked the same way.
        shapes.setdefault(tuple("#" if isinstance(k, int) else k for k in path), path)
    for path in shapes.values():
        for value in [*WRONG_VALUES, "<deleted>"]:
            data = copy.deepcopy(base)
            parent = reduce(lambda d, k: d[k], path[:-1], data)
            if value == "<deleted>":
                del parent[path[-1]]
            else:
                parent[path[-1]] = value
            library = {m for m in _library_messages(data) if not m.startswith(tuple(ours))}
            library = {m for m in library if "comparison has exactly one operator" not in m}
            seen |= library
            for problem in check_data(data, smap, Path("pack.yaml"))[1]:
                text = problem.message.split(": ", 1)[1]
                assert not any(m in text for m in library), (path, value, str(problem))
    assert len(seen) >= 15  # the test did reach pydantic's messages


def test_facts_checked_today_are_fine(tmp_path: Path) -> None:
    text = (PACKS / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace("2026-11-01", dt.date.today().isoformat()), encoding="utf-8")
    assert check_file(path)[1] == []
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    path.write_text(text.replace("2026-11-01", tomorrow.isoformat()), encoding="utf-8")
    pack, problems = check_file(path)
    # Said, but no stop: a wizard on a computer whose clock is wrong must still open.
    assert pack is not None
    assert [p.severity for p in problems] == ["warning"]
    assert "checked in the future" in str(problems[0])


def test_a_new_role_is_one_line_of_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(qn.ROLE_TYPES, "first_sick_day", ("date",))
    text = (PACKS / "valid" / "graph.yaml").read_text(encoding="utf-8")
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace("role: meeting_date", "role: first_sick_day"), "utf-8")
    pack, problems = check_file(path)
    assert problems == [] and pack is not None
    assert pack.by_role("first_sick_day") is pack.questions["moededato"]
    path.write_text(text.replace("role: first_name", "role: first_sick_day"), "utf-8")
    assert "needs a question of type date; 'navn' is text" in str(check_file(path)[1])


def test_each_channel_has_its_own_level_words() -> None:
    pack = load_pack(PACKS / "valid" / "graph.yaml")
    mixer = pack.mixerpult
    assert mixer is not None
    tid, samme, ansvar = (pack.channels[c] for c in ("tid", "samme", "ansvar"))
    assert mixer.level(tid, 2, "da") == "Midt"
    assert mixer.level(samme, 3, "en") == "High"  # its own scale, as long as the pack's
    assert mixer.level(ansvar, 2, "da") == "Meget"
    assert mixer.level(ansvar, 3, "da") == ""  # off its scale
    wider = dataclasses.replace(ansvar, scale=4, levels=None)
    assert mixer.level(wider, 3, "da") == "3/4"  # the pack's 3 words do not fit 4 positions


@pytest.mark.parametrize("name", sorted(p.name for p in (PACKS / "valid").glob("*.yaml")))
def test_valid_packs_are_clean(name: str) -> None:
    pack, problems = check_file(PACKS / "valid" / name)
    assert [str(p) for p in problems] == []
    assert pack is not None


def test_minimal_pack_is_clean(minimal_pack_path: Path) -> None:
    pack, problems = check_file(minimal_pack_path)
    assert problems == []
    assert pack is not None
    assert pack.content_hash.startswith("sha256:")
    assert list(pack.questions) == ["navn", "timer", "plan", "plan_tekst"]


def test_shipped_pack_is_clean(root: Path) -> None:
    problems = check_path(root / "questions")
    assert [str(p) for p in problems] == []


def _run_check(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mixerpult", "check", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_check_command_reports_all_files_and_exits_1() -> None:
    result = _run_check(str(BROKEN))
    assert result.returncode == 1
    files_reported = {line.split(":", 1)[0] for line in result.stdout.splitlines()}
    assert len(files_reported) == len(EXPECTED)


def test_check_command_on_shipped_pack_exits_0_without_textual() -> None:
    code = (
        "import sys; from mixerpult.cli import main; rc = main(['check']); "
        "assert 'textual' not in sys.modules, 'check imported textual'; sys.exit(rc)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("ok:")


def test_missing_folder_is_an_error(tmp_path: Path) -> None:
    result = _run_check(str(tmp_path / "nowhere"))
    assert result.returncode == 1
    assert "no such file or folder" in result.stdout


def test_a_scale_of_true_is_refused(tmp_path: Path) -> None:
    """YAML reads `scale: yes` as true, which the model would take for a scale of 1."""
    text = (PACKS / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    path = tmp_path / "pack.yaml"
    path.write_text(text.replace("  scale: 5", "  scale: yes"), encoding="utf-8")
    assert "mixerpult.scale: a scale is a number of steps (got true)" in str(check_file(path)[1])


def _timeline_pack(tmp_path: Path, week: object, role: str) -> Path:
    path = tmp_path / "pack.yaml"
    path.write_text(
        "format: 1\nid: t\nversion: '1'\nlanguages: [da]\ntitle: {da: T}\n"
        "steps:\n  - id: start\n    title: {da: S}\n    questions:\n"
        f"      - {{id: dag, type: date, role: {role}, label: {{da: Dag}}}}\n"
        "facts:\n  - id: samtale\n"
        f"    timeline: {{week: {week}, kind: by, label: {{da: Samtale}}}}\n"
        "    text: {da: Samtale.}\n    source: § 7a\n    checked: 2026-12-01\n",
        encoding="utf-8",
    )
    return path


@pytest.mark.parametrize(("week", "ok"), [(1, True), (52, True), (53, False), (-4, False)])
def test_a_timeline_week_is_one_of_the_first_year(tmp_path: Path, week: int, ok: bool) -> None:
    pack, problems = check_file(_timeline_pack(tmp_path, week, "first_sick_day"))
    assert (pack is not None) is ok, problems
    assert ok or "is not a week of the sick leave's first year" in str(problems[0])


def test_a_timeline_without_a_first_sick_day_question_is_a_warning(tmp_path: Path) -> None:
    pack, problems = check_file(_timeline_pack(tmp_path, 4, "meeting_date"))
    assert pack is not None
    assert [p.severity for p in problems] == ["warning"]
    assert "no question has role first_sick_day" in problems[0].message


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        (("steps", 0), "steps[0]: each item of 'steps' must be a step (a mapping with id,"),
        (("mixerpult",), "mixerpult: 'mixerpult' must be a mapping with title, question,"),
        (
            ("steps", 1, "questions", 0, "visible_if"),
            "visible_if: 'visible_if' must be a condition, such as {answer: id, equals: value}",
        ),
    ],
)
def test_a_text_where_a_mapping_belongs_says_what_belongs_there(
    where: tuple[str | int, ...], expected: str
) -> None:
    """The model's classes are dataclasses now (pydantic's `dataclass_type`), not models."""
    data, smap = load_file(PACKS / "valid" / "graph.yaml")
    parent = reduce(lambda d, k: d[k], where[:-1], data)
    parent[where[-1]] = "x"
    messages = [p.message for p in check_data(data, smap, Path("pack.yaml"))[1]]
    assert any(expected in m for m in messages), messages


def test_each_end_of_a_range_is_its_own() -> None:
    """A good day high and a bad day low is what a range is for, not a contradiction."""
    path = BROKEN / "51_range_contradiction.yaml"
    _, problems = check_file(path)
    assert [p for p in problems if "questions[3]" in p.message] == []
    assert len(problems) == 1
