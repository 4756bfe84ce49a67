"""What the sheet shows and leaves out, in every format.

The rules that protect the employee are tested on what a reader sees: private
answers, questions hidden by visible_if and (for the employer) health answers
are absent everywhere, unanswered questions say so, and nothing left out can
be read off a follow-up question or a suggested tool.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from mixerpult.answers import NextStep, Session
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import SheetView, build_view

from .helpers import (
    SMALL_PACK,
    example,
    html_text,
    markdown_text,
    pack,
    pdf_text,
    small_session,
    spaced,
    squeezed,
)

FORMATS = ["md", "html", "txt", "pdf"]


def seen(view: SheetView, fmt: str) -> str:
    """What a reader of `fmt` sees, whitespace-normalised (PDF: squeezed)."""
    if fmt == "pdf":
        return squeezed(pdf_text(render_pdf(view)))
    text = render_text(view, fmt)
    if fmt == "md":
        return spaced(markdown_text(text))
    if fmt == "html":
        return spaced(html_text(text))
    return spaced(text)


def shows(view: SheetView, fmt: str, words: str) -> bool:
    norm = squeezed(words) if fmt == "pdf" else spaced(words)
    return norm in seen(view, fmt)


# -- left out -----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_private_answers_are_absent(fmt: str) -> None:
    session = example()
    assert session.is_private("behandling")
    view = build_view(session, pack(), "da")
    assert not shows(view, fmt, "hver anden tirsdag formiddag")
    assert not shows(view, fmt, "kombinere delvis arbejde med behandling")
    assert shows(view, fmt, "Min mand kan hente vores yngste søn")


@pytest.mark.parametrize("fmt", FORMATS)
def test_employer_version_lacks_health_answers(fmt: str) -> None:
    session = example()
    employer = build_view(session, pack(), "da", "arbejdsgiver")
    jobcenter = build_view(session, pack(), "da", "jobcenter")
    for health in ("Jeg sover bedre nu", "samtaler med en psykolog"):
        assert shows(jobcenter, fmt, health)
        assert not shows(employer, fmt, health)
    assert shows(employer, fmt, "Udgave til arbejdsgiveren")
    assert not shows(jobcenter, fmt, "Udgave til arbejdsgiveren")
    # What is not about health stays, so the employer version is still useful.
    assert shows(employer, fmt, "Min mand kan hente vores yngste søn")


def test_employer_version_leaves_out_health_channels_and_their_tools() -> None:
    session = small_session()
    jobcenter = build_view(session, pack(SMALL_PACK), "da", "jobcenter")
    employer = build_view(session, pack(SMALL_PACK), "da", "arbejdsgiver")
    assert jobcenter.console is not None and employer.console is not None
    assert [c.id for c in jobcenter.console.channels] == ["tid", "krop", "opgaver"]
    assert [c.id for c in employer.console.channels] == ["tid", "opgaver"]
    assert "hjaelpemidler" in [t.id for t in jobcenter.tools]
    assert "hjaelpemidler" not in [t.id for t in employer.tools]
    for fmt in ("md", "txt", "html"):
        assert "Ingen tunge løft" in render_text(jobcenter, fmt)
        assert "Ingen tunge løft" not in render_text(employer, fmt)
        assert "Kroppen" not in render_text(employer, fmt)


def test_questions_hidden_by_visible_if_are_left_out_even_with_a_stale_answer() -> None:
    session = small_session()
    session.set_answer("plan", "nej")  # plan_tekst is now hidden, its old answer kept
    view = build_view(session, pack(SMALL_PACK), "da")
    ids = [q.id for s in view.sections for q in s.questions]
    assert "plan_tekst" not in ids
    for fmt in ("md", "html", "txt"):
        assert "korte dage" not in render_text(view, fmt)
        assert "Hvilken plan?" not in render_text(view, fmt)


def test_a_follow_up_never_gives_a_private_answer_away() -> None:
    # forsikring_hvad is shown only when forsikring is "yes": showing it would tell
    # the reader the private answer, so it goes, and so does the tool it triggers.
    session = small_session()
    session.set_private("forsikring", True)
    view = build_view(session, pack(SMALL_PACK), "da")
    ids = [q.id for s in view.sections for q in s.questions]
    assert "forsikring" not in ids and "forsikring_hvad" not in ids
    assert "forsikringsraad" not in [t.id for t in view.tools]
    assert "psykolog" not in render_text(view, "txt")


def test_a_tool_is_not_suggested_from_private_answers() -> None:
    session = small_session()
    session.set_answer("plan", "nej")
    assert "planhjaelp" in [t.id for t in build_view(session, pack(SMALL_PACK), "da").tools]
    session.set_private("plan", True)
    view = build_view(session, pack(SMALL_PACK), "da")
    assert "planhjaelp" not in [t.id for t in view.tools]
    assert "Har du en plan?" not in render_text(view, "md")


def test_which_tools_appear_does_not_depend_on_a_private_answer() -> None:
    tools = []
    for value in (True, False):
        session = small_session()
        session.set_answer("forsikring", value)
        session.set_private("forsikring", True)
        tools.append([t.id for t in build_view(session, pack(SMALL_PACK), "da").tools])
    assert tools[0] == tools[1]
    shared = small_session()  # not private: the answer decides
    assert "uden_forsikring" not in [t.id for t in build_view(shared, pack(SMALL_PACK), "da").tools]


# -- shown ---------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(("lang", "words"), [("da", "Ikke besvaret"), ("en", "Not answered")])
def test_unanswered_questions_are_shown_as_unanswered(fmt: str, lang: str, words: str) -> None:
    session = example()
    assert session.answer("andre_forhold") is None
    view = build_view(session, pack(), lang)
    (question,) = [q for s in view.sections for q in s.questions if q.id == "andre_forhold"]
    assert not question.answered and question.text == ""
    marker = f"({words})" if fmt == "txt" else words  # plain text has no italics
    assert shows(view, fmt, f"{question.label} {marker}")


def test_blank_and_control_only_answers_count_as_unanswered() -> None:
    session = small_session()
    session.set_answer("sprunget", "  \n\t ")
    session.set_answer("spoergsmaal", "\x07\x1b")
    view = build_view(session, pack(SMALL_PACK), "da")
    answers = {q.id: q for s in view.sections for q in s.questions} | {
        q.id: q for q in view.own_questions
    }
    assert not answers["sprunget"].answered
    assert not answers["spoergsmaal"].answered


def test_answers_read_in_words() -> None:
    view = build_view(small_session(), pack(SMALL_PACK), "da")
    answers = {q.id: q for s in view.sections for q in s.questions}
    assert answers["plan"].text == "Ja"
    assert answers["hjaelp"].items == ["Familie", "Venner"]
    assert answers["forsikring"].text == "Ja"
    assert answers["delvis"].text == "7,5 timer pr. uge"
    assert view.first_name == "Kim"
    assert view.meeting_date == "3. december 2026"
    assert view.weekly_hours == "Normal arbejdstid: 37 timer om ugen"
    english = build_view(small_session(), pack(SMALL_PACK), "en")
    assert english.meeting_date == "3 December 2026"
    assert {q.id: q for s in english.sections for q in s.questions}["delvis"].text == (
        "7.5 hours a week"
    )


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_faders_as_bars_with_the_level_word(fmt: str) -> None:
    text = render_text(build_view(example(), pack(), "da"), fmt)
    assert "Timer/tid          Skånebehov ○●○○○ Alm. vilkår  En del skånebehov" in text
    assert "Ansvar             Skånebehov ●○○○○ Alm. vilkår  Stort skånebehov" in text


def test_unset_faders_are_shown_as_not_set() -> None:
    session = small_session()
    view = build_view(session, pack(SMALL_PACK), "da")
    assert view.console is not None
    tasks = view.console.channels[2]
    assert not tasks.is_set and tasks.level == "Ikke stillet" and tasks.bar == "·····"
    assert "Opgaver    Skånebehov ····· Alm. vilkår  Ikke stillet" in render_text(view, "txt")
    html = render_text(view, "html")
    assert html.count('class="knob"') == 2  # no knob drawn for the unset fader
    assert shows(view, "pdf", "Ikke stillet")


def test_a_fader_off_the_scale_is_not_set_rather_than_drawn() -> None:
    session = small_session()
    session.faders = {
        **session.faders,
        "tid": dataclasses.replace(session.fader("tid"), position=9),
    }
    view = build_view(session, pack(SMALL_PACK), "da")
    assert view.console is not None and not view.console.channels[0].is_set
    render_pdf(view)


@pytest.mark.parametrize("fmt", FORMATS)
def test_tools_come_with_the_reason_in_words(fmt: str) -> None:
    view = build_view(example(), pack(), "da")
    tools = {t.id: t for t in view.tools}
    assert "paragraf_56" not in tools and "fast_track" not in tools  # never suggested
    assert tools["delvis_raskmelding"].reasons == [
        "Timer/tid (En del skånebehov)",
        "Hvor mange timer, tænker du, at du vil kunne klare i en delvis raskmelding? (12 timer pr. uge)",
    ]
    assert tools["fastholdelsesplan"].reasons == [
        "Har du og din arbejdsgiver lavet en fastholdelsesplan? (Nej)"
    ]
    assert shows(view, fmt, "Foreslået ud fra mine svar:")
    assert shows(view, fmt, "Ansvar (Stort skånebehov)")


def test_a_long_text_answer_is_shortened_in_a_reason() -> None:
    session = small_session()
    session.set_answer("forsikring_hvad", "Samtaler med en psykolog " * 20)
    view = build_view(session, pack(SMALL_PACK), "da")
    (reason,) = {t.id: t for t in view.tools}["forsikringsraad"].reasons
    assert reason.startswith("Hvad dækker den? (Samtaler med en psykolog")
    assert reason.endswith(" …)") and len(reason) < 120


@pytest.mark.parametrize("fmt", FORMATS)
def test_facts_footer_has_the_latest_date_sources_and_the_sharing_line(fmt: str) -> None:
    view = build_view(small_session(), pack(SMALL_PACK), "da")
    assert view.rules_line == "Regler pr. 1. november 2026; spørg altid din kommune"
    assert shows(view, fmt, view.rules_line)
    assert shows(view, fmt, "kilde A")
    assert shows(view, fmt, "kilde B")
    assert shows(view, fmt, "Det er mig, der bestemmer, hvad jeg deler.")
    english = build_view(small_session(), pack(SMALL_PACK), "en")
    assert shows(english, fmt, "Rules as of 1 November 2026; always ask your municipality")
    assert shows(english, fmt, "I decide what I share.")


def test_an_older_fact_says_when_it_was_checked() -> None:
    view = build_view(small_session(), pack(SMALL_PACK), "da")
    facts = {f.id: f for f in view.facts}
    assert facts["gammel"].checked_note == "tjekket 1. oktober 2026"
    assert facts["ny"].checked_note == ""
    assert "(Kilde: kilde A; tjekket 1. oktober 2026)" in render_text(view, "txt")
    assert shows(view, "pdf", "(Kilde: kilde A; tjekket 1. oktober 2026)")


@pytest.mark.parametrize("lang", ["da", "en"])
def test_plain_text_lines_fit_a_mail_and_keep_long_words_whole(lang: str) -> None:
    session = example()
    address = "https://www.borger.dk/" + "arbejde-dagpenge-ferie/" * 4
    session.set_answer("situation_nu", f"Se {address} – og så videre.\n" + "ord " * 60)
    text = render_text(build_view(session, pack(), lang), "txt")
    too_long = [line for line in text.splitlines() if len(line) > 76]
    assert too_long == [address], "only a word longer than a line, kept whole"


def test_order_of_the_sections() -> None:
    text = render_text(build_view(example(), pack(), "da"), "txt")
    order = [
        "Forberedelse til opfølgningssamtalen",
        "Dato for samtalen: 3. december 2026",
        "Kort fortalt",
        "Hvor jeg står nu",
        "Mixerpulten",
        "Det har I allerede talt om",
        "Hvad der er svært, og hvad der kan hjælpe",
        "Redskaber, det kan være værd at spørge ind til",
        "Andre redskaber",
        "Det vil jeg gerne spørge om",
        "Regler pr. 1. december 2026",
        "Det er mig, der bestemmer",
    ]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions)


# -- agreements and notes ---------------------------------------------------------------------


def _with_agreements(session: Session) -> Session:
    session.agreements.notes = "Vi mødes igen om fire uger."
    session.agreements.next_steps = [
        NextStep(what="Lave en plan for timerne", who="Mette og lederen", by=dt.date(2026, 12, 17)),
        NextStep(what="", who="", by=None),  # an empty row is dropped
    ]
    return session


def test_agreements_only_when_there_are_some_on_screen() -> None:
    empty = build_view(example(), pack(), "da")
    assert not empty.agreements.has_content
    for fmt in ("md", "txt"):
        assert "Aftaler fra samtalen" not in render_text(empty, fmt)
    # HTML keeps the empty section for print only.
    assert '<section class="print-only" aria-labelledby="agreements">' in render_text(empty, "html")

    full = build_view(_with_agreements(example()), pack(), "da")
    assert len(full.agreements.next_steps) == 1
    for fmt in ("md", "txt", "html"):
        text = render_text(full, fmt)
        assert "Aftaler fra samtalen" in text
        assert "Vi mødes igen om fire uger." in text
        assert "Lave en plan for timerne" in text
        assert "17. december 2026" in text
    assert '<section aria-labelledby="agreements">' in render_text(full, "html")
    english = build_view(_with_agreements(example()), pack(), "en")
    assert "Agreements from the conversation" in render_text(english, "md")


def test_print_has_ruled_note_lines_and_an_agreements_table() -> None:
    view = build_view(example(), pack(), "da")
    source = render_text(view, "pdf")
    assert "#ruled-lines(" in source
    pdf = pdf_text(render_pdf(view))
    for words in ("Noter under samtalen", "Aftaler fra samtalen", "Hvad", "Hvem", "Hvornår"):
        assert words in pdf
    html = render_text(view, "html")
    assert "@media print" in html and 'class="notes-lines"' in html
    filled = pdf_text(render_pdf(build_view(_with_agreements(example()), pack(), "da")))
    assert squeezed("Lave en plan for timerne") in squeezed(filled)


# -- formats ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["da", "en"])
def test_typst_source_sets_a4_language_and_hyphenation(lang: str) -> None:
    source = render_text(build_view(example(), pack(), lang), "pdf")
    assert '#set page(\n  paper: "a4",' in source
    assert f'#set text(lang: "{lang}", hyphenate: true' in source


def test_pdf_is_a4_with_embedded_fonts() -> None:
    import io
    from typing import Any

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render_pdf(build_view(example(), pack(), "da"))))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    fonts = []
    for page in reader.pages:
        resources: Any = page["/Resources"]
        for ref in resources["/Font"].values():
            font = ref.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object()["/FontDescriptor"].get_object()
                fonts.append(
                    any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
                )
    assert fonts and all(fonts)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_html_is_self_contained_and_semantic(lang: str) -> None:
    from .helpers import html_tags

    html = render_text(build_view(example(), pack(), lang), "html")
    assert html.startswith("<!DOCTYPE html>")
    assert f'<html lang="{lang}">' in html
    tags = html_tags(html)
    assert tags.count("h1") == 1 and "h2" in tags and "main" in tags and "footer" in tags
    assert "script" not in tags and "link" not in tags and "img" not in tags
    assert "http://" not in html and "https://" not in html and "url(" not in html
    assert "@page { size: A4" in html


def test_markdown_reads_as_the_same_text_when_rendered() -> None:
    view = build_view(example(), pack(), "da")
    md = render_text(view, "md")
    assert md.startswith("# Forberedelse til opfølgningssamtalen\n")
    shown = markdown_text(md)
    assert "Hvad der er svært, og hvad der kan hjælpe" in shown
    assert "\\" not in shown  # no escape is left visible


def test_control_characters_are_dropped_in_output_but_kept_in_the_answer() -> None:
    session = small_session()
    raw = "før\x00\x07\x1b[31m efter\r\nny linje\u2028tredje\x85fjerde\tfane"
    session.set_answer("spoergsmaal", raw)
    view = build_view(session, pack(SMALL_PACK), "da")
    for fmt in ("md", "html", "txt", "pdf"):
        text = render_text(view, fmt)
        for control in ("\x00", "\x07", "\x1b", "\r", "\u2028", "\x85"):
            assert control not in text, (fmt, control)
    assert "før[31m efter\nny linje\ntredje\nfjerde\tfane" in render_text(view, "txt")
    assert session.answer("spoergsmaal") == raw
