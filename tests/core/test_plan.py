"""The return plan as data: its rows, their words, the kind warnings, the seed, and the
"nothing is lost" rules of the answers file for a row that cannot be read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from mixerpult import store
from mixerpult.answers import Session, notice_text, reconcile
from mixerpult.checker import check_file
from mixerpult.kinds import KINDS
from mixerpult.kinds.plan import plan_warnings, row_words, seed_rows, unreadable_rows
from mixerpult.packs import load_pack
from mixerpult.questionnaire import PlanQuestion, Questionnaire

PACK = """\
format: 1
id: planpack
version: "1"
languages: [da, en]
title: {da: Plan, en: Plan}
steps:
  - id: om
    title: {da: Om dig, en: About you}
    questions:
      - {id: timer, type: number, role: weekly_hours, label: {da: Timer, en: Hours}}
  - id: planen
    title: {da: Planen, en: The plan}
    questions:
      - id: plan
        type: plan
        hours_channel: HOURS_CHANNEL
        label: {da: Din plan, en: Your plan}
mixerpult:
  title: {da: Mixerpulten, en: The console}
  question: {da: Hvad?, en: What?}
  low: {da: Lav, en: Low}
  high: {da: Høj, en: High}
  channels:
    - {id: tid, label: {da: Tid, en: Time}}
"""


@pytest.fixture
def pack(tmp_path: Path) -> Questionnaire:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace("HOURS_CHANNEL", "tid"), encoding="utf-8")
    return load_pack(path)


def test_a_plan_question_is_checked_and_its_hours_channel_must_exist(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text(PACK.replace("HOURS_CHANNEL", "tid"), encoding="utf-8")
    found, problems = check_file(path)
    assert problems == [] and found is not None
    assert isinstance(found.questions["plan"], PlanQuestion)
    path.write_text(PACK.replace("HOURS_CHANNEL", "tiid"), encoding="utf-8")
    found, problems = check_file(path)
    assert found is None
    assert "hours_channel: unknown channel 'tiid'; did you mean 'tid'?" in str(problems[0])


def test_a_plan_can_only_be_asked_whether_it_is_answered(tmp_path: Path) -> None:
    extra = "        visible_if: {answer: plan, equals: ja}\n"
    text = PACK.replace("HOURS_CHANNEL", "tid") + ""
    text = text.replace(
        "      - {id: timer,",
        "      - {id: x, type: text, label: {da: X, en: X}}\n      - {id: timer,",
    )
    # A question after the plan that compares it with a value can never be shown.
    text = text.replace(
        "        label: {da: Din plan, en: Your plan}\n",
        "        label: {da: Din plan, en: Your plan}\n"
        "      - id: efter\n        type: text\n        label: {da: Efter, en: After}\n" + extra,
    )
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    problems = check_file(path)[1]
    assert "'plan' is a plan: a condition can ask only whether it is answered" in str(problems)
    path.write_text(text.replace("equals: ja", "answered: true"), encoding="utf-8")
    assert check_file(path)[1] == []


def test_rows_in_words_in_both_languages() -> None:
    row = {"from": 3, "hours": 22.5, "days": "man–tor", "eased": "Ingen vagter"}
    assert row_words(row, "da") == "Fra uge 3: 22,5 timer om ugen; man–tor; Ingen vagter"
    assert row_words(row, "en") == "From week 3: 22.5 hours a week; man–tor; Ingen vagter"
    dated = {"from": dt.date(2026, 12, 7), "hours": 20}
    assert row_words(dated, "da") == "Fra 7. december 2026: 20 timer om ugen"
    assert row_words({"hours": 37}, "da") == "37 timer om ugen"
    assert row_words({}, "da") == ""


def test_a_row_that_cannot_be_read_is_named_but_still_shown() -> None:
    rows = [{"from": 1, "hours": 20}, "skrevet i hånden", {"hours": "ca. 20"}, {"from": 0}]
    assert unreadable_rows(rows) == [2, 3, 4]
    words = KINDS["plan"].words(PlanQuestion(id="p", type="plan", label={}), rows, "da")
    assert words.splitlines() == [
        "Fra uge 1: 20 timer om ugen",
        "skrevet i hånden",
        "ca. 20",
        "Fra uge 0",
    ]


def test_unknown_keys_in_a_row_do_not_make_it_unreadable() -> None:
    assert unreadable_rows([{"hours": 20, "noted_by": "ny version"}]) == []


def test_reconcile_names_a_malformed_row_and_keeps_it(pack: Questionnaire, tmp_path: Path) -> None:
    session = Session.new(pack)
    rows = [{"from": 1, "hours": 20, "future": {"x": 1}}, "kladde", {"hours": "tyve"}]
    session.set_answer("plan", rows)
    path = tmp_path / "answers.yaml"
    store.save(path, session)
    loaded = store.load(path)
    assert loaded.answers["plan"] == rows, "every row, and every key of it, survives"
    notices = reconcile(loaded, pack)
    assert [(n.kind, n.subject, n.detail) for n in notices] == [("plan_row", "plan", "2, 3")]
    assert notice_text(notices[0], pack, "da") == (
        "I »Din plan« kan række 2, 3 ikke læses, som den står. "
        "Den er bevaret i filen og vises, som den er skrevet."
    )
    loaded.set_answer("plan", "ikke en liste")
    assert [n.kind for n in reconcile(loaded, pack)] == ["type"]


def test_a_plan_round_trips_with_dates(pack: Questionnaire, tmp_path: Path) -> None:
    session = Session.new(pack)
    rows = [{"from": dt.date(2026, 12, 7), "hours": 12, "days": "man, ons"}, {"hours": 37}]
    session.set_answer("plan", rows)
    path = tmp_path / "answers.yaml"
    store.save(path, session)
    assert store.load(path).answers["plan"] == rows
    assert reconcile(store.load(path), pack) == []


def test_absence_under_four_hours_is_said_kindly() -> None:
    said = plan_warnings([{"from": 1, "hours": 34}], 37, "da")
    assert said == [
        "Række 1 (fra uge 1): Mens du er delvist sygemeldt, skal du være fraværende mindst "
        "4 timer om ugen. Med 34 af dine 37 timer kan det være 33 timer eller færre, eller "
        "alle 37, hvis du er tilbage på fuld tid."
    ]
    # Exactly 4 hours of absence, and back at the usual hours, are both fine.
    assert plan_warnings([{"hours": 33}, {"hours": 37}], 37, "da") == []


def test_hours_above_the_usual_ones_are_said() -> None:
    said = plan_warnings([{"hours": 40}], 37, "en")
    assert said == [
        "Row 1: 40 hours is more than your usual 37 hours a week. If that is what you mean, "
        "you could mention it at the conversation."
    ]


def test_a_step_down_is_said_once_for_the_whole_plan() -> None:
    rows = [{"hours": 20}, {"hours": 10}, {"hours": 25}, {"hours": 15}]
    said = plan_warnings(rows, None, "da")
    assert said == [
        "Planen går ned i timer ved række 2. Det kan være helt rigtigt; sig det gerne ved "
        "samtalen, så I kan tale om det."
    ]
    assert plan_warnings([{"hours": 10}, {}, {"hours": 20}], None, "da") == []


def test_the_seed_starts_with_the_proposed_hours_and_returns_to_the_usual_ones() -> None:
    assert seed_rows(37, 12) == [{"from": 1, "hours": 12}, {"hours": 37}]
    # Without a proposed start: the hours channel's position, kept 4 hours under.
    assert seed_rows(37, None, 2, 5) == [{"from": 1, "hours": 15}, {"hours": 37}]
    assert seed_rows(37, None, 5, 5) == [{"hours": 37}]
    assert seed_rows(10, None, 4, 5) == [{"from": 1, "hours": 6}, {"hours": 10}]
    assert seed_rows(None, 12) == [{"from": 1, "hours": 12}]
    assert seed_rows(None, None, 2, 5) == []
