"""`mixerpult check`: positions, did-you-mean, every error in one run, exit codes."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mixerpult.checker import check_file, check_path

BROKEN = Path(__file__).resolve().parent.parent / "packs" / "broken"

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
    "26_empty_options": ["21:17: error: steps[0].questions[2].options: Input should be a valid list",
                         "25:44: error: steps[0].questions[3].visible_if.equals: this comparison can never hold"],
    "23_multi_errors": ["11:15: error: steps[0].questions[0].type: unknown type 'txt'; did you mean 'text'?",
                        "13:9: error: steps[0].questions[0].hjælp: unknown key 'hjælp'; did you mean 'help'?"],
    "40_timeline_offset": ["16:22: error: facts[0].timeline.week: week 0 is not a week of the sick leave's first year",
                           "21:31: error: facts[1].timeline.kind: 'before' is not allowed (one of: by, until, at)",
                           "26:22: error: facts[2].timeline.week: Input should be a valid integer",
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
