"""The legal facts and tool texts of the shipped pack, against the rules of December 2026.

`/work/shared/rules-facts.md` (checked 2026-12-01) marks rows that were wrong or
outdated in the pack of 2026-11. Each such row has a case here: the old wording
must be gone and the new wording there, in Danish and in English, read through
the real loader (so a text the checker would refuse fails too). The sheet is read
by the municipality: a wrong rule on it costs the employee credibility.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from mixerpult.packs import load_pack
from mixerpult.questionnaire import Questionnaire, tr
from mixerpult.resources import default_pack_path


@pytest.fixture(scope="module")
def pack() -> Questionnaire:
    return load_pack(default_pack_path())


def _fact(pack: Questionnaire, fact_id: str, lang: str) -> str:
    facts = {f.id: f for f in pack.facts}
    assert fact_id in facts, f"no fact {fact_id!r}"
    return tr(facts[fact_id].text, lang)


def _tool(pack: Questionnaire, tool_id: str, lang: str) -> str:
    tools = {tool.id: tool for tool in pack.tools}
    assert tool_id in tools, f"no tool {tool_id!r}"
    return tr(tools[tool_id].summary, lang)


def _question_help(pack: Questionnaire, question_id: str, lang: str) -> str:
    return tr(pack.questions[question_id].help, lang)


def _all_texts(pack: Questionnaire, lang: str) -> list[str]:
    """Every text of the pack a reader sees, in `lang`."""
    texts = [tr(pack.title, lang), tr(pack.intro, lang)]
    for step in pack.steps:
        texts += [tr(step.title, lang), tr(step.intro, lang)]
        for q in step.questions:
            texts += [
                tr(q.label, lang),
                tr(q.help, lang),
                tr(q.error, lang),
                tr(getattr(q, "unit", None), lang),
            ]
            texts += [tr(o.label, lang) for o in getattr(q, "options", None) or []]
    if pack.mixerpult:
        m = pack.mixerpult
        texts += [tr(m.title, lang), tr(m.question, lang), tr(m.help, lang)]
        texts += [tr(m.low, lang), tr(m.high, lang), tr(m.note_label, lang)]
        texts += [tr(level, lang) for level in m.levels or []]
        texts += [tr(c.label, lang) + " " + tr(c.help, lang) for c in m.channels]
    texts += [tr(tool.name, lang) + " " + tr(tool.summary, lang) for tool in pack.tools]
    texts += [tr(f.text, lang) for f in pack.facts]
    return texts


# (where, id, language, wording that must be gone, wording that must be there)
CHANGED: list[tuple[str, str, str, list[str], list[str]]] = [
    # delvis raskmelding: agreed with the employer, who has no duty to accept
    ("fact", "delvis_raskmelding_4_timer", "da",
     ["behøver ikke godkende"], ["aftales med din arbejdsgiver", "ikke har pligt til at sige ja"]),
    ("fact", "delvis_raskmelding_4_timer", "en",
     ["does not have to agree"], ["agreed with your employer", "no duty to accept"]),
    ("tool", "delvis_raskmelding", "da", [], ["aftales med din arbejdsgiver", "ikke har pligt til at sige ja"]),
    ("tool", "delvis_raskmelding", "en", [], ["agreed with your employer", "no duty to accept"]),
    # personlig assistance: as a rule up to 20 hours, more after a concrete assessment
    ("fact", "personlig_assistance_20_timer", "da", ["højst 20"], ["som udgangspunkt op til 20 timer"]),
    ("fact", "personlig_assistance_20_timer", "en", ["at most 20"], ["as a rule up to 20 hours"]),
    ("tool", "personlig_assistance", "da", ["højst 20"], ["som udgangspunkt op til 20 timer"]),
    ("tool", "personlig_assistance", "en", ["at most 20"], ["as a rule up to 20 hours"]),
    # fast track: for a sick leave not expected to end within 8 weeks; the employer
    # asks within 5 weeks; whether it survives the 2026 reform is a question
    ("fact", "fast_track", "da",
     ["Du eller din arbejdsgiver kan bede om fast track inden for de første 5 uger"],
     ["ikke ventes at være slut inden 8 uger", "inden for de første 5 uger",
      "Spørg kommunen, om fast track stadig findes"]),
    ("fact", "fast_track", "en",
     ["You or your employer can ask for fast track within the first 5 weeks"],
     ["not expected to end within 8 weeks", "within the first 5 weeks",
      "Ask the municipality whether fast track still exists"]),
    ("tool", "fast_track", "da",
     ["Du eller din arbejdsgiver kan bede om det inden for de første 5 uger"],
     ["ikke ventes at være slut inden 8 uger", "stadig findes"]),
    ("tool", "fast_track", "en",
     ["You or your employer can ask for it within the first 5 weeks"],
     ["not expected to end within 8 weeks", "still exists"]),
    # oplysningsskema: the 8 days run from when the municipality sent it
    ("fact", "oplysningsskema_8_dage", "da", ["har fået det"], ["efter, at kommunen har sendt det"]),
    ("fact", "oplysningsskema_8_dage", "en", ["of receiving it"], ["of the municipality sending it"]),
    # first follow-up by week 8, with its exception
    ("fact", "opfoelgning_8_uger", "da", [], ["8. uge", "lettere opfølgning eller ingen samtaler"]),
    ("fact", "opfoelgning_8_uger", "en", [], ["week 8", "lighter follow-up or none"]),
    # 2026 reform: "kommunen"; the 26-week exemption worded as a question
    ("fact", "aendring_2026", "da",
     ["om der gælder særlige regler for opfølgningen"],
     ["kommunen, der følger op", "Spørg kommunen, om du er fritaget",
      "både du og din arbejdsgiver forventer", "under 26 uger"]),
    ("fact", "aendring_2026", "en",
     ["whether special rules apply to the follow-up"],
     ["the municipality follows up", "Ask the municipality whether you are exempt",
      "both you and your employer expect", "less than 26 weeks"]),
    # bisidder: a right at the municipality, a question at the employer's conversation
    ("fact", "sygefravaerssamtale_4_uger", "da", ["du må gerne have en bisidder med"], []),
    ("fact", "sygefravaerssamtale_4_uger", "en", ["you may bring someone"], []),
    ("help", "har_sygefravaerssamtale", "da",
     ["du må gerne have en bisidder med"], ["du kan spørge, om du må tage en bisidder med"]),
    ("help", "har_sygefravaerssamtale", "en",
     ["you may bring someone"], ["you can ask whether you may bring a companion"]),
    # mentor and ergoterapeut: nothing beyond the sources
    ("tool", "mentor", "da", ["Ofte er mentoren en kollega"], ["kan i visse tilfælde"]),
    ("tool", "mentor", "en", ["often a colleague"], ["can in some cases"]),
    ("tool", "hjaelpemidler", "da", ["kan også få en ergoterapeut"], ["kan også tilbyde vejledning fra en ergoterapeut"]),
    ("tool", "hjaelpemidler", "en", ["can also bring in"], ["can also offer guidance from an occupational therapist"]),
]  # fmt: skip


@pytest.mark.parametrize(("where", "ident", "lang", "gone", "there"), CHANGED)
def test_a_changed_rule_says_what_holds_in_december_2026(
    pack: Questionnaire, where: str, ident: str, lang: str, gone: list[str], there: list[str]
) -> None:
    read = {"fact": _fact, "tool": _tool, "help": _question_help}[where]
    text = read(pack, ident, lang)
    for old in gone:
        assert old not in text, f"{where} {ident} ({lang}) still says {old!r}"
    for new in there:
        assert new in text, f"{where} {ident} ({lang}) does not say {new!r}: {text}"


# (id, wording in Danish, wording in English) of the rows the table added
ADDED = [
    ("bisidder",
     ["forvaltningsloven § 8", "du kan spørge, om du må tage en bisidder med"],
     ["Public Administration Act", "you can ask whether you may bring a companion"]),
    ("arbejdsgiverperiode_30_dage", ["30 kalenderdage", "5 uger"], ["30 calendar days", "5 weeks"]),
    ("revurdering_22_uger", ["22 uger", "9 måneder", "§ 27", "Spørg kommunen"],
     ["22 weeks", "9 months", "§ 27", "Ask the municipality"]),
    ("klage_4_uger", ["4 uger", "Ankestyrelsen"], ["4 weeks", "Ankestyrelsen"]),
]  # fmt: skip


@pytest.mark.parametrize(("ident", "danish", "english"), ADDED)
def test_the_rows_a_user_wants_are_facts(
    pack: Questionnaire, ident: str, danish: list[str], english: list[str]
) -> None:
    for lang, words in (("da", danish), ("en", english)):
        text = _fact(pack, ident, lang)
        for word in words:
            assert word in text, f"{ident} ({lang}) does not say {word!r}: {text}"


def test_the_bisidder_fact_cites_the_law(pack: Questionnaire) -> None:
    facts = {f.id: f for f in pack.facts}
    assert "forvaltningsloven § 8" in facts["bisidder"].source


def test_rundbordssamtale_is_a_tool_from_seed_003(pack: Questionnaire) -> None:
    tool = next((t for t in pack.tools if t.id == "rundbordssamtale"), None)
    assert tool is not None
    assert "Jobcenter Viborg" in tool.source  # seed 003
    assert "rundbordssamtale" in tr(tool.summary, "da").lower()
    assert "round-table" in tr(tool.summary, "en")
    # The seed's meeting is there to make a plan for the return: suggested without one.
    assert tool.suggest_if is not None


def test_every_fact_has_a_source_and_a_checked_date_not_after_today(pack: Questionnaire) -> None:
    assert pack.facts
    for fact in pack.facts:
        assert fact.source.strip(), fact.id
        assert fact.checked <= dt.date.today(), fact.id
        assert fact.checked == dt.date(2026, 12, 1), f"{fact.id} was not checked again"
    for tool in pack.tools:
        assert tool.source.strip(), tool.id


def test_the_pack_is_the_version_of_december_2026(pack: Questionnaire) -> None:
    assert pack.version == "2026.12"


@pytest.mark.parametrize(
    ("lang", "pattern"),
    [
        ("da", r"\b(ofte|oftest|typisk|almindeligvis)\b"),
        ("en", r"(?<!how )\boften\b|\b(typically|usually|commonly)\b"),
    ],
)
def test_no_claims_of_our_own_about_what_is_common(
    pack: Questionnaire, lang: str, pattern: str
) -> None:
    """Nothing outside the rules table is stated as a rule: no "ofte" of our own.

    The table's own "as a rule" ("som udgangspunkt", "som regel") is allowed.
    """
    found = [t for t in _all_texts(pack, lang) if re.search(pattern, t, re.IGNORECASE)]
    assert found == []


def test_one_spelling_of_kolleger(pack: Questionnaire) -> None:
    assert not [t for t in _all_texts(pack, "da") if "kollegaer" in t]
    assert any("kolleger" in t for t in _all_texts(pack, "da"))


def test_the_situation_question_is_natural_danish(pack: Questionnaire) -> None:
    assert tr(pack.questions["situation_nu"].label, "da") == (
        "Hvor står du nu i forhold til dit arbejde?"
    )
    assert not [t for t in _all_texts(pack, "da") if "Hvor er du nu" in t]


def test_the_level_words_name_the_ends(pack: Questionnaire) -> None:
    """The top word is the high end's label, and the bottom word names the low end."""
    mixer = pack.mixerpult
    assert mixer is not None and mixer.levels is not None
    assert [tr(w, "da") for w in mixer.levels] == [
        "Stort skånebehov",
        "En del skånebehov",
        "Noget skånebehov",
        "Lidt skånebehov",
        "Alm. vilkår",
    ]
    for lang in ("da", "en"):
        assert tr(mixer.levels[-1], lang) == tr(mixer.high, lang)
        assert tr(mixer.low, lang).split()[-1].lower() in tr(mixer.levels[0], lang).lower()
    english = [tr(w, "en") for w in mixer.levels]
    assert "Much easing" not in english and "Clear easing" not in english
