"""Good days and bad days: a channel's range in the answers file and in conditions."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from tests.conftest import PACKS

from mixerpult import store
from mixerpult.answers import Session, notice_text, reconcile
from mixerpult.packs import load_pack
from mixerpult.present.overview import build_overview
from mixerpult.present.viewers import Viewer
from mixerpult.present.visibility import bad_day_facts, fader_facts, visible
from mixerpult.present.words import fader_bar
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
        ("bad_day", "tid", "9, 1–5")
    ]
    (notice,) = reconcile(session, pack)
    assert notice_text(notice, pack, "da").startswith("Den dårlige dag på skyderen »Timer/tid«")
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


def test_both_ends_in_words_and_drawn_as_a_band(pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_fader("tid", position=4, bad_day=2)
    session.set_fader("ansvar", position=3)
    for lang, words in [
        ("da", "God dag: Næsten alm. vilkår, dårlig dag: Skånebehov"),
        ("en", "Good day: Almost ordinary terms, bad day: Needs easing"),
    ]:
        console = build_overview(pack, session, Viewer.ALONE, lang).console
        assert console is not None
        tid, ansvar = console.items
        assert (tid.position, tid.bad, tid.level) == (4, 2, words)
        assert (ansvar.bad, ansvar.level) == (
            None,
            "Noget skånebehov" if lang == "da" else "Needs some easing",
        )
    assert fader_bar(4, 5, 2) == "○●━●○"
    assert fader_bar(2, 5, 4) == "○●━●○"
    assert fader_bar(2, 5, 2) == fader_bar(2, 5) == "○●○○○"
    assert fader_bar(None, 5, 2) == "·····"


def test_a_bad_day_like_the_good_day_is_one_position(pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_fader("tid", position=3, bad_day=3)
    console = build_overview(pack, session, Viewer.ALONE, "da").console
    assert console is not None
    assert (console.items[0].bad, console.items[0].level) == (None, "Noget skånebehov")


def test_a_tool_on_either_end_is_suggested_only_to_who_sees_the_channel(
    pack: Questionnaire,
) -> None:
    session = Session.new(pack)
    session.set_fader("ansvar", position=4, bad_day=1)
    alone = build_overview(pack, session, Viewer.ALONE, "da")
    assert [tool.id for tool in alone.suggested] == ["mentor"]
    assert alone.suggested[0].reasons == (
        "Ansvar (God dag: Næsten alm. vilkår, dårlig dag: Stort skånebehov)",
    )
    # `ansvar` is about health: the employer does not see it, so nothing hints at it.
    employer = build_overview(pack, session, Viewer.EMPLOYER, "da")
    assert employer.suggested == ()
    session.clear_bad_day("ansvar")
    assert build_overview(pack, session, Viewer.ALONE, "da").suggested == ()
