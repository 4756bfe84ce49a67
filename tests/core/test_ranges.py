"""Good days and bad days: a channel's range in the answers file and in conditions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import PACKS

from mixerpult import store
from mixerpult.answers import Session, reconcile
from mixerpult.packs import load_pack
from mixerpult.present.visibility import bad_day_facts, fader_facts, visible
from mixerpult.questionnaire import Questionnaire


@pytest.fixture
def pack() -> Questionnaire:
    return load_pack(PACKS / "valid" / "ranges.yaml")


def test_an_old_answers_file_loads_unchanged_one_position_is_both_ends(
    tmp_path: Path, minimal_pack_path: Path
) -> None:
    pack = load_pack(minimal_pack_path)
    path = tmp_path / "svar.yaml"
    session = Session.new(pack)
    session.set_fader("tid", position=2, note="Korte dage")
    store.save(path, session)
    text = path.read_text(encoding="utf-8")
    assert "bad_day" not in text, "a file without ranges is written as before"
    again = store.load(path)
    assert again.fader("tid").position == 2
    assert again.fader("tid").bad_day is None
    assert bad_day_facts(pack, again) == {}


def test_a_bad_day_round_trips_and_clearing_unsets_both_ends(
    tmp_path: Path, pack: Questionnaire
) -> None:
    path = tmp_path / "svar.yaml"
    session = Session.new(pack)
    session.set_fader("tid", position=4, bad_day=2)
    store.save(path, session)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["faders"]["tid"] == {"position": 4, "note": "", "bad_day": 2}
    again = store.load(path)
    assert (again.fader("tid").position, again.fader("tid").bad_day) == (4, 2)
    assert fader_facts(pack, again) == {"tid": 4}
    assert bad_day_facts(pack, again) == {"tid": 2}
    again.clear_bad_day("tid")
    assert (again.fader("tid").position, again.fader("tid").bad_day) == (4, None)
    again.set_fader("tid", bad_day=1)
    again.clear_fader("tid")
    assert (again.fader("tid").position, again.fader("tid").bad_day) == (None, None)


def test_a_bad_day_off_the_scale_is_reported_kept_and_not_set(pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_fader("tid", position=3, bad_day=9)
    assert [(n.kind, n.subject, n.detail) for n in reconcile(session, pack)] == [
        ("range", "tid", "9, 1–5")
    ]
    assert bad_day_facts(pack, session) == {}, "shown as one position"
    assert session.fader("tid").bad_day == 9, "kept until the user moves it"


def test_a_bad_day_counts_only_in_a_pack_with_ranges(minimal_pack_path: Path) -> None:
    pack = load_pack(minimal_pack_path)
    session = Session.new(pack)
    session.set_fader("tid", position=3, bad_day=1)
    assert bad_day_facts(pack, session) == {}
    assert session.fader("tid").bad_day == 1, "kept in the file all the same"
    assert reconcile(session, pack) == []


def test_a_bad_day_without_a_position_is_not_set(pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_fader("tid", bad_day=1)
    assert bad_day_facts(pack, session) == {}


def test_a_question_can_follow_the_bad_day(pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_fader("tid", position=4)
    assert "daarlig" not in visible(pack, session)
    session.set_fader("tid", bad_day=2)
    assert "daarlig" in visible(pack, session)
