"""One model definition: the checker's schema is read from the dataclasses, the cache's
plain data builds them back, and loading a checked pack needs no pydantic."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from mixerpult import model
from mixerpult.checker import check_file, schema
from mixerpult.questionnaire import Questionnaire

ROOT = Path(__file__).resolve().parents[2]
PACKS = sorted(
    [
        ROOT / "questions" / "sygeopfoelgning.yaml",
        *(ROOT / "tests" / "packs" / "valid").glob("*.yaml"),
    ]
)


def _schema_of(name: str) -> dict[str, Any]:
    full = schema().json_schema()
    found = full if name == Questionnaire.__name__ else full["$defs"][name]
    assert isinstance(found, dict)
    return found


@pytest.mark.parametrize("cls", model.dataclasses_in(Questionnaire), ids=lambda c: c.__name__)
def test_the_checker_knows_every_field_and_no_other(cls: type[Any]) -> None:
    found = _schema_of(cls.__name__)
    excluded = {f.name for f in dataclasses.fields(cls)} - {f.name for f in model.data_fields(cls)}
    keys = {model.key_of(f) for f in model.data_fields(cls)}
    assert set(found["properties"]) - excluded == keys
    required = {
        model.key_of(f)
        for f in model.data_fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }
    assert set(found.get("required", ())) == required
    assert found["additionalProperties"] is False  # unknown keys are errors


def test_every_class_of_the_schema_is_a_class_of_the_model() -> None:
    names = {cls.__name__ for cls in model.dataclasses_in(Questionnaire)}
    assert set(schema().json_schema()["$defs"]) | {"Questionnaire"} == names


@pytest.mark.parametrize("path", PACKS, ids=lambda p: p.stem)
def test_a_checked_pack_round_trips_through_plain_data(path: Path) -> None:
    pack, problems = check_file(path)
    assert pack is not None, problems
    data = json.loads(json.dumps(model.plain(pack)))
    built = dataclasses.replace(model.build(Questionnaire, data), content_hash=pack.content_hash)
    assert built == pack
    assert repr(built) == repr(pack)  # types too: 10.0 stays a float, a date a date
    # And the other way: the checker takes the plain data as the very same pack.
    again = dataclasses.replace(schema().validate_python(data), content_hash=pack.content_hash)
    assert repr(again) == repr(pack)


@pytest.mark.parametrize(
    "change",
    [
        lambda d: d.update(surplus=1),
        lambda d: d.pop("steps"),
        lambda d: d.update(format=2),
        lambda d: d["steps"][0].update(questions="x"),
        lambda d: d["steps"][0]["questions"][0].update(type="unknown"),
        lambda d: d["steps"][0]["questions"][0].update(label=["x"]),
        lambda d: d["steps"][0]["questions"][0].update(health="yes"),
        lambda d: d["facts"][0].update(checked=20261201),
    ],
)
def test_plain_data_that_does_not_fit_is_refused(change: Any) -> None:
    pack, _ = check_file(ROOT / "questions" / "sygeopfoelgning.yaml")
    data = json.loads(json.dumps(model.plain(pack)))
    change(data)
    with pytest.raises(ValueError):
        model.build(Questionnaire, data)


def test_loading_a_checked_pack_and_an_answers_file_imports_no_pydantic(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from mixerpult.packs import load_pack\n"
        "from mixerpult.resources import default_pack_path\n"
        "from mixerpult import store\n"
        "pack = load_pack(default_pack_path())\n"
        f"session = store.load(Path({str(ROOT / 'examples' / 'answers.da.yaml')!r}))\n"
        "store.save(Path(sys.argv[1]), session)\n"
        "print(len(pack.questions), 'pydantic' in sys.modules, 'pydantic_core' in sys.modules)\n"
    )
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "", "PYTHONPATH": str(ROOT / "src")}
    run = [sys.executable, "-c", script, str(tmp_path / "saved.yaml")]
    first = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert first.stdout.split()[1:] == ["True", "True"]  # the first start checks the pack
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    count, *imported = second.stdout.split()
    assert int(count) > 0
    assert imported == ["False", "False"], second.stdout


def test_rendering_a_sheet_imports_no_pydantic(tmp_path: Path) -> None:
    """`render` checks the template folder at every run, but not the pack (cached)."""
    script = (
        "import sys\n"
        "from mixerpult.cli import main\n"
        "code = main(['render', sys.argv[1], '--format', 'all', '-o', sys.argv[2]])\n"
        "print(code, 'pydantic' in sys.modules, 'pydantic_core' in sys.modules)\n"
    )
    env = {
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "HOME": str(tmp_path),
        "PATH": "",
        "PYTHONPATH": str(ROOT / "src"),
    }
    answers = str(ROOT / "examples" / "answers.da.yaml")
    run = [sys.executable, "-c", script, answers, str(tmp_path / "out")]
    subprocess.run(run, env=env, capture_output=True, text=True, check=True)  # fills the cache
    second = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    code, *imported = second.stdout.split()[-3:]
    assert code == "0", second.stdout
    assert imported == ["False", "False"], second.stdout
    assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [
        ".html",
        ".md",
        ".pdf",
        ".txt",
    ]
