"""Answers files: round trips, privacy, atomic writes, broken files, locks."""

from __future__ import annotations

import datetime as dt
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from mixerpult import files, store
from mixerpult.answers import (
    Notice,
    PackRef,
    Session,
    SessionFormatError,
    notice_text,
    reconcile,
)
from mixerpult.packs import load_pack
from mixerpult.present.visibility import fader_facts
from mixerpult.questionnaire import Questionnaire


@pytest.fixture
def pack(minimal_pack_path: Path) -> Questionnaire:
    return load_pack(minimal_pack_path)


def filled(pack: Questionnaire) -> Session:
    session = Session.new(pack)
    session.set_answer("navn", "Mette")
    session.set_answer("timer", 12)
    session.set_answer("plan", "ja")
    session.set_answer("plan_tekst", "Linje 1\nLinje 2 med æøå\n")
    session.set_fader("tid", position=2, note="Korte dage")
    session.set_private("plan_tekst", True)
    session.agreements.notes = "Ny samtale om 4 uger"
    return session


def test_round_trip_keeps_everything(tmp_path: Path, pack: Questionnaire) -> None:
    path = tmp_path / "svar.yaml"
    session = filled(pack)
    store.save(path, session)
    again = store.load(path)
    assert again.answers == session.answers
    assert again.fader("tid").position == 2
    assert again.fader("tid").note == "Korte dage"
    assert again.sharing.answers == {"plan_tekst": "me"}
    assert again.agreements.notes == "Ny samtale om 4 uger"
    assert again.questionnaire.hash == pack.content_hash
    assert again.created == session.created
    text = path.read_text(encoding="utf-8")
    assert "æøå" in text  # readable Danish, not escapes
    assert "plan_tekst: |" in text  # multi-line answers as blocks


def test_dates_round_trip(tmp_path: Path, pack: Questionnaire) -> None:
    session = Session.new(pack)
    session.set_answer("dato", dt.date(2026, 12, 3))
    store.save(tmp_path / "a.yaml", session)
    assert store.load(tmp_path / "a.yaml").answers["dato"] == dt.date(2026, 12, 3)


def test_files_are_private(tmp_path: Path, pack: Questionnaire) -> None:
    path = tmp_path / "new" / "deeper" / "svar.yaml"
    store.save(path, Session.new(pack))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_sheets_go_to_the_documents_folder_by_default() -> None:
    from platformdirs import user_documents_path

    assert store.sheets_dir() == user_documents_path() / "Mixerpult"
    assert not store.sheets_dir().exists(), "made only when a sheet is written"


def test_default_path_is_in_the_user_data_folder(tmp_path: Path) -> None:
    # conftest points XDG_DATA_HOME at a temp folder
    assert str(store.default_path()).startswith(os.environ["XDG_DATA_HOME"])
    assert store.default_path().name == "answers.yaml"


@settings(max_examples=60, deadline=None)
@given(st.text())
def test_any_text_round_trips_exactly(text: str) -> None:
    session = Session(questionnaire=PackRef(id="x"))
    session.set_answer("q", text)
    session.set_fader("c", note=text)
    again = store.loads(store.dumps(session))
    assert again.answers["q"] == text
    assert again.fader("c").note == text


def test_a_100_kb_answer_round_trips(tmp_path: Path, pack: Questionnaire) -> None:
    session = Session.new(pack)
    big = ("Jeg kan ikke løfte [/] {{ 7*7 }} \x1b[2J æøå\n" * 3000)[:100_000]
    session.set_answer("plan_tekst", big)
    store.save(tmp_path / "big.yaml", session)
    assert store.load(tmp_path / "big.yaml").answers["plan_tekst"] == big


BROKEN_FILES: dict[str, tuple[bytes, str]] = {
    "truncated": (b"format: 1\nquestionnaire: {id: x\nanswers:\n  a: 'b", "not valid YAML"),
    "not_yaml": (b"\x00\x01\x02 binary", "not valid YAML"),
    "not_utf8": (b"format: 1\nanswers: {a: \xe6\xf8}\n", "not UTF-8"),
    "empty": (b"   \n", "empty"),
    "list": (b"- a\n- b\n", "not an answers file"),
    "future": (b"format: 9\nquestionnaire: {id: x}\n", "newer mixerpult"),
    "no_format": (b"questionnaire: {id: x}\n", "unknown format"),
    "wrong_types": (b"format: 1\nquestionnaire: {id: x}\nfaders: {tid: {position: high}}\n",
                    "faders.tid.position"),
    "answers_not_mapping": (b"format: 1\nquestionnaire: {id: x}\nanswers: [1, 2]\n", "answers"),
    "impossible_date": (b"format: 1\nquestionnaire: {id: x}\nanswers: {d: 2026-02-31}\n",
                        "a value that cannot exist"),
    "year_out_of_range": (b"format: 1\nquestionnaire: {id: x}\nupdated: 0000-01-01\n",
                          "cannot exist"),
}  # fmt: skip


@pytest.mark.parametrize("name", sorted(BROKEN_FILES))
def test_broken_file_gives_a_clear_message_and_is_not_touched(tmp_path: Path, name: str) -> None:
    content, expected = BROKEN_FILES[name]
    path = tmp_path / "answers.yaml"
    path.write_bytes(content)
    with pytest.raises(store.AnswersFileError) as info:
        store.load(path)
    assert expected in info.value.reason
    assert str(path) in str(info.value)
    assert path.read_bytes() == content


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"format: 1\n# " + b"x" * (10 * 1024 * 1024))
    with pytest.raises(store.AnswersFileError, match="MB"):
        store.load(path)


def test_set_aside_keeps_the_broken_file(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("format: [", encoding="utf-8")
    backup = store.set_aside(path)
    assert not path.exists()
    assert backup.read_text(encoding="utf-8") == "format: ["
    path.write_text("again", encoding="utf-8")
    assert store.set_aside(path) != backup


def test_read_only_place_is_a_save_error(tmp_path: Path, pack: Questionnaire) -> None:
    path = tmp_path / "answers.yaml"
    store.save(path, filled(pack))
    before = path.read_bytes()

    def read_only(*_: object, **__: object) -> None:
        raise OSError(30, "Read-only file system")  # root ignores chmod, so simulate EROFS

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("mixerpult.private_io.tempfile.mkstemp", read_only)
        with pytest.raises(store.SaveError, match="cannot be written"):
            store.save(path, Session.new(pack))
    assert path.read_bytes() == before


def test_disk_full_is_a_save_error(tmp_path: Path, pack: Questionnaire) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full")
    path = tmp_path / "answers.yaml"
    store.save(path, filled(pack))
    before = path.read_bytes()

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(os, "fsync", full)
        with pytest.raises(store.SaveError, match="disk is full"):
            store.save(path, Session.new(pack))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["answers.yaml"]  # no temp file left


def test_second_lock_is_refused_and_released_with_the_process(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from mixerpult.files import Lock; "
         f"Lock(Path({str(path)!r})).acquire(); print('locked', flush=True); time.sleep(30)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(files.FileLocked) as info:
            files.Lock(path).acquire()
        assert info.value.path == path
    finally:
        holder.kill()
        holder.wait()
    with files.Lock(path):
        pass


def test_reconcile_keeps_orphans_and_reports_them(pack: Questionnaire) -> None:
    session = filled(pack)
    session.set_answer("fjernet_spoergsmaal", "gammelt svar")
    session.set_answer("timer", "tolv")
    session.questionnaire.version = "0"
    notices = reconcile(session, pack)
    kinds = {(n.kind, n.subject) for n in notices}
    assert ("orphan", "fjernet_spoergsmaal") in kinds
    assert ("type", "timer") in kinds
    assert ("version", "minimal") in kinds
    assert session.answers["fjernet_spoergsmaal"] == "gammelt svar"
    said = {(n.kind, n.subject): notice_text(n, pack, "da") for n in notices}
    assert said[("type", "timer")] == (
        "Svaret på »Timer« er ikke et tal, som spørgsmålet nu forventer; det er bevaret i filen."
    )
    assert "»fjernet_spoergsmaal«" in said[("orphan", "fjernet_spoergsmaal")], "only an id left"
    assert notice_text(Notice("type", "timer", "number"), pack, "en") == (
        "The answer to “Hours” is not a number, as the question now expects; it is kept in the file."
    )


@pytest.mark.parametrize("position", [0, 6, 99, -1])
def test_a_fader_off_the_scale_is_reported_kept_and_not_set(
    pack: Questionnaire, position: int
) -> None:
    session = filled(pack)
    session.faders["tid"].position = position
    assert pack.mixerpult is not None
    channel = pack.channels["tid"]
    assert [(n.kind, n.subject) for n in reconcile(session, pack)] == [("range", "tid")]
    assert pack.mixerpult.on_scale(channel, position) is None
    assert pack.mixerpult.level(channel, position, "da") == ""
    assert session.fader("tid").position == position, "kept until the user moves it"


def test_saved_file_is_documented_yaml(tmp_path: Path, pack: Questionnaire) -> None:
    path = tmp_path / "a.yaml"
    store.save(path, filled(pack))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert list(data)[:4] == ["format", "questionnaire", "language", "created"]
    assert data["questionnaire"]["id"] == "minimal"


def test_edited_wording_in_the_same_version_is_its_own_notice(pack: Questionnaire) -> None:
    session = filled(pack)
    assert reconcile(session, pack) == []
    session.questionnaire.hash = "sha256:older"
    assert [(n.kind, n.subject) for n in reconcile(session, pack)] == [("content", "minimal")]
    session.questionnaire.version = "0"
    assert [n.kind for n in reconcile(session, pack)] == ["version"]


def test_reasons_are_said_in_danish_and_english(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_bytes(b"format: 1\nanswers: [\n")
    with pytest.raises(store.AnswersFileError) as info:
        store.load(path)
    assert info.value.reason_in("da").startswith("den er ikke gyldig YAML ved linje 3, kolonne 1")
    assert info.value.reason_in("en").startswith("it is not valid YAML at line 3, column 1")
    failure = store.SaveError(path, "disk_full")
    assert (failure.reason_in("da"), failure.reason) == ("disken er fuld", "the disk is full")


def test_set_aside_names_the_backup_by_its_purpose(tmp_path: Path) -> None:
    path = tmp_path / "answers.yaml"
    path.write_text("x", encoding="utf-8")
    first = store.set_aside(path, tag="backup")
    assert first.name.startswith("answers.yaml.backup-") and not path.exists()
    path.write_text("y", encoding="utf-8")
    second = store.set_aside(path, tag="backup")
    assert second != first and second.read_text(encoding="utf-8") == "y"


def test_write_private_takes_bytes_too(tmp_path: Path) -> None:
    path = tmp_path / "ny" / "ark.pdf"
    files.write_private(path, b"%PDF-\x00\xff")
    assert path.read_bytes() == b"%PDF-\x00\xff"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_clear_fader_unsets_the_position_and_keeps_the_note(pack: Questionnaire) -> None:
    session = filled(pack)
    session.clear_fader("tid")
    assert session.fader("tid").position is None
    assert session.fader("tid").note == "Korte dage"
    assert "tid" not in fader_facts(pack, session)


def test_keys_of_a_newer_mixerpult_survive_every_change(
    tmp_path: Path, pack: Questionnaire
) -> None:
    path = tmp_path / "svar.yaml"
    data = filled(pack).to_data()
    data["faders"]["tid"]["since"] = "2027-01-01"
    data["agreements"]["signed"] = True
    data["later"] = {"kept": "yes"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    session = store.load(path)
    session.set_fader("tid", position=4)
    session.set_fader("tid", note="Kortere dage")
    session.clear_fader("tid")
    session.set_answer("plan_tekst", "ny")
    store.save(path, session)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert saved["faders"]["tid"] == {
        "position": None,
        "note": "Kortere dage",
        "since": "2027-01-01",
    }
    assert saved["agreements"]["signed"] is True
    assert saved["later"] == {"kept": "yes"}


def test_the_example_session_matches_the_shipped_pack(root: Path) -> None:
    """After an edit of the shipped pack, update the example's hash (and answers) too."""
    from mixerpult.resources import default_pack_path

    session = store.load(root / "examples" / "answers.da.yaml")
    assert reconcile(session, load_pack(default_pack_path())) == []


def test_hand_written_values_are_read_as_before_without_pydantic() -> None:
    """The reader of answers files takes what pydantic's lax mode took: a position
    written as '3' or 2.0, a creation date without a time; an answer keeps its own type."""
    session = store.loads(
        "format: 1\nquestionnaire: {id: x}\ncreated: 2026-01-01\n"
        "answers: {a: '3', b: 3, c: 2.5, d: 2026-12-01, e: [x, y], f: true, g: null}\n"
        "faders: {t: {position: '3'}, u: {position: 2.0}}\n"
        "agreements: {next_steps: [{by: 2026-12-01}, {by: næste uge}]}\n"
    )
    assert session.created == dt.datetime(2026, 1, 1)
    assert session.answers == {
        "a": "3", "b": 3, "c": 2.5, "d": dt.date(2026, 12, 1), "e": ["x", "y"], "f": True,
        "g": None,
    }  # fmt: skip
    assert [type(v) for v in session.answers.values()][:3] == [str, int, float]
    assert (session.fader("t").position, session.fader("u").position) == (3, 2)
    assert [s.by for s in session.agreements.next_steps] == [dt.date(2026, 12, 1), "næste uge"]


@pytest.mark.parametrize(
    ("text", "where", "total"),
    [
        ("answers: {a: 2026-01-01 10:00:00}\n", "answers.a", 1),  # a time of day is no answer
        ("answers: {a: {b: 1}}\n", "answers.a", 1),  # a mapping is no answer
        ("faders: {t: {position: 2.5}}\n", "faders.t.position", 1),
        ("sharing: {answers: {a: 1}}\ndrafts: {1: x}\n", "sharing.answers.a", 2),
        ("agreements: {next_steps: [{what: 1}]}\n", "agreements.next_steps.0.what", 1),
    ],
)
def test_a_value_of_the_wrong_kind_is_named_by_where_it_is(
    text: str, where: str, total: int
) -> None:
    with pytest.raises(SessionFormatError) as info:
        store.loads("format: 1\nquestionnaire: {id: x}\n" + text)
    assert info.value.values["where"] == where
    assert info.value.values["total"] == total
    assert info.value.code == ("wrong_content" if total == 1 else "wrong_content_more")


def test_an_old_private_list_becomes_only_me_told_once_and_saved_in_the_new_form(
    tmp_path: Path, pack: Questionnaire
) -> None:
    path = tmp_path / "svar.yaml"
    data = filled(pack).to_data()
    data.pop("sharing")
    # An older file: a list of private answers, one of them to a question now gone.
    data["private"] = ["plan_tekst", "gammelt_spoergsmaal", "plan_tekst"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    session = store.load(path)
    assert session.sharing.answers == {"plan_tekst": "me", "gammelt_spoergsmaal": "me"}
    assert session.is_private("plan_tekst")
    sharing = [n for n in reconcile(session, pack) if n.kind == "sharing"]
    assert len(sharing) == 1
    assert notice_text(sharing[0], pack, "da").startswith("2 svar var markeret som private")
    assert "“Only me”" in notice_text(sharing[0], pack, "en")
    store.save(path, session)
    saved = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert "private" not in saved and "migrated_private" not in saved
    assert saved["sharing"] == {
        "answers": {"plan_tekst": "me", "gammelt_spoergsmaal": "me"},
        "notes": {},
    }
    # Saved in the new form, the file says nothing more.
    assert [n for n in reconcile(store.load(path), pack) if n.kind == "sharing"] == []


def test_a_level_written_beside_an_old_private_list_wins(
    tmp_path: Path, pack: Questionnaire
) -> None:
    path = tmp_path / "svar.yaml"
    data = filled(pack).to_data()
    data["sharing"] = {"answers": {"plan_tekst": "municipality"}, "notes": {"tid": "me"}}
    data["private"] = ["plan_tekst", "navn"]
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    session = store.load(path)
    assert session.sharing.answers == {"plan_tekst": "municipality", "navn": "me"}
    assert session.chosen_note_level("tid") == "me"


def test_an_unknown_level_is_named(tmp_path: Path, pack: Questionnaire) -> None:
    path = tmp_path / "svar.yaml"
    data = filled(pack).to_data()
    data["sharing"] = {"answers": {"plan_tekst": "naboen"}}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(store.AnswersFileError) as caught:
        store.load(path)
    assert "sharing.answers.plan_tekst" in str(caught.value)
