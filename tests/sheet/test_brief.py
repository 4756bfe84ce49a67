"""Page 1 answers "what do you want, and what would help"; the proposals follow the
mulighedserklæring; every tool is on the sheet; the example fits 4 full pages."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from mixerpult.hyphenation import SOFT_HYPHEN
from mixerpult.packs import load_pack
from mixerpult.sheet.render import render_pdf, render_text
from mixerpult.sheet.view import build_view

from .helpers import (
    SHIPPED_PACK,
    example,
    html_text,
    markdown_text,
    pack,
    page_fill,
    spaced,
    squeezed,
)

CASES = [(lang, audience) for lang in ("da", "en") for audience in ("jobcenter", "arbejdsgiver")]
A4_BOTTOM_MARGIN_PT = 2 / 2.54 * 72  # the Typst template's bottom margin


def _pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [spaced(p.extract_text()) for p in PdfReader(io.BytesIO(data)).pages]


def _unhyphenated(text: str) -> str:
    return spaced(re.sub(r"-\s+", "", text.replace(SOFT_HYPHEN, "")))


def test_brief_says_what_i_want_and_what_would_help_on_page_one() -> None:
    view = build_view(example(), pack(), "da")
    page_one = squeezed(_pages(render_pdf(view))[0])
    for words in [
        "Kort fortalt",
        "Det ønsker jeg",
        "Jeg vil gerne tilbage til min egen stue",
        "Foreslået start",
        "12 timer pr. uge (normalt 37 timer)",
        "Her har jeg størst skånebehov",
        "Ansvar (Stort skånebehov): Ikke ansvar for stuen",
        "Timer/tid (En del skånebehov): Starte med 3 timer om dagen",
        "Opgaver (En del skånebehov): Ingen forældresamtaler",
        "Aftalt eller talt om med arbejdspladsen",
        "Jeg havde en sygefraværssamtale med min leder i uge 3",
        "Vigtigst for mig at få sagt",
        "At jeg gerne vil tilbage til mit arbejde",
    ]:
        assert squeezed(words) in page_one, words


def test_brief_names_the_three_lowest_channels_lowest_first() -> None:
    view = build_view(example(), pack(), "en")
    assert view.brief is not None
    # Ansvar at 1; Timer, Opgaver, Forudsigelighed and Arbejdsintensitet at 2: the
    # console's order decides the tie.
    assert [e.label for e in view.brief.eased] == ["Responsibility", "Hours/time", "Tasks"]
    text = render_text(view, "txt")
    assert text.index("In brief") < text.index("Where I stand now")
    assert "Proposed start: 12 hours a week (usually 37 hours)" in spaced(text)


@pytest.mark.parametrize("fmt", ["md", "html", "txt"])
def test_brief_answers_are_not_printed_twice(fmt: str) -> None:
    text = render_text(build_view(example(), pack(), "da"), fmt)
    for start in ("Jeg vil gerne tilbage til min egen stue", "At jeg gerne vil tilbage"):
        assert text.count(start) == 1


def test_a_private_brief_answer_is_on_no_sheet() -> None:
    session = example()
    session.set_private("oenske", True)
    for audience in ("jobcenter", "arbejdsgiver"):
        view = build_view(session, pack(), "da", audience)
        assert view.brief is not None and view.brief.wish == []
        for fmt in ("md", "html", "txt", "pdf"):
            assert "min egen stue" not in render_text(view, fmt)


def test_the_employers_brief_has_no_health_answer(tmp_path: Path) -> None:
    # The same pack with the wish and a channel about health: the employer's brief
    # leaves out both, the municipality's keeps them.
    data = yaml.safe_load(SHIPPED_PACK.read_text(encoding="utf-8"))
    for step in data["steps"]:
        for question in step["questions"]:
            if question["id"] == "oenske":
                question["health"] = True
    for channel in data["mixerpult"]["channels"]:
        if channel["id"] == "ansvar":
            channel["health"] = True
    path = tmp_path / "pack.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    health_pack = load_pack(path)
    employer = build_view(example(), health_pack, "da", "arbejdsgiver")
    municipality = build_view(example(), health_pack, "da", "jobcenter")
    assert employer.brief is not None and municipality.brief is not None
    assert municipality.brief.wish and not employer.brief.wish
    assert [e.label for e in employer.brief.eased] == ["Timer/tid", "Opgaver", "Forudsigelighed"]
    for fmt in ("md", "html", "txt", "pdf"):
        text = render_text(employer, fmt)
        assert "min egen stue" not in text and "Ikke ansvar for stuen" not in text


def test_proposals_follow_part_one_of_the_mulighedserklaering() -> None:
    text = spaced(render_text(build_view(example(), pack(), "da"), "txt"))
    order = [
        "Hvad der er svært, og hvad der kan hjælpe",
        "Det kan jeg, og det er svært lige nu Jeg kan klare planlagte aktiviteter",
        "Jobfunktioner, det påvirker Forældresamtaler, dokumentation",
        "FORSLAG TIL ÆNDRINGER",
        "Timer 12 timer pr. uge",
        "Opgaver Ja. Færre opgaver på én gang",
        "Hjælpemidler og indretning Det ville hjælpe meget",
        "ANDET",
        "Hvor mange relationer skal du indgå i",
    ]
    positions = [text.index(words) for words in order]
    assert positions == sorted(positions)
    assert "Hvad kan du selv gøre?" not in text  # the step is set out as the proposals


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("fmt", ["md", "html", "txt", "pdf"])
def test_every_tool_of_the_pack_is_on_the_sheet(fmt: str, lang: str) -> None:
    view = build_view(example(), pack(), lang)
    if fmt == "pdf":
        # PDF text is compared without spaces and hyphens (line ends, soft hyphens).
        shown = squeezed(" ".join(_pages(render_pdf(view))))
        same = squeezed
    else:
        raw = render_text(view, fmt)
        readers: dict[str, Callable[[str], str]] = {
            "md": markdown_text,
            "html": html_text,
            "txt": str,
        }
        read = readers[fmt]
        shown = _unhyphenated(read(raw))
        same = _unhyphenated
    suggested = {tool.id for tool in view.tools}
    for tool in pack().tools:
        assert same(tool.name[lang]) in shown, tool.id
    others = [tool for tool in pack().tools if tool.id not in suggested]
    assert others, "the example leaves some tools unsuggested"
    heading = same(view.t["other_tools"])
    assert heading in shown
    after = shown[shown.index(heading) :]
    for tool in others:
        first = same(re.split(r"(?<=[.!?])\s+(?=[A-ZÆØÅ])", tool.summary[lang])[0])
        assert first in after, tool.id


@pytest.mark.parametrize(("lang", "audience"), CASES)
def test_example_pdf_fits_four_pages_none_less_than_a_third_full(lang: str, audience: str) -> None:
    data = render_pdf(build_view(example(), pack(), lang, audience))
    fills = page_fill(data, A4_BOTTOM_MARGIN_PT)
    assert len(fills) <= 4, fills
    assert all(fill >= 1 / 3 for fill in fills), fills


@pytest.mark.parametrize("lang", ["da", "en"])
def test_employer_version_says_so_in_every_page_footer(lang: str) -> None:
    employer = build_view(example(), pack(), lang, "arbejdsgiver")
    words = employer.t["for_employer"]
    pages = _pages(render_pdf(employer))
    assert len(pages) > 1 and all(words in page for page in pages)
    municipality = _pages(render_pdf(build_view(example(), pack(), lang, "jobcenter")))
    assert not any(words in page for page in municipality)


def _chromium() -> str | None:
    return next(
        (p for n in ("chromium", "chromium-browser", "google-chrome") if (p := shutil.which(n))),
        None,
    )


@pytest.mark.skipif(_chromium() is None, reason="no Chromium to print the HTML with")
@pytest.mark.parametrize(("lang", "audience"), CASES)
def test_html_print_preview_fits_four_pages(tmp_path: Path, lang: str, audience: str) -> None:
    view = build_view(example(), pack(), lang, audience)
    page = tmp_path / "sheet.html"
    page.write_text(render_text(view, "html"), encoding="utf-8")
    pdf = tmp_path / "sheet.pdf"
    browser = _chromium()
    assert browser is not None
    subprocess.run(
        [browser, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        capture_output=True, timeout=120, check=True,
    )  # fmt: skip
    data = pdf.read_bytes()
    fills = page_fill(data, 16 / 25.4 * 72)  # the print CSS's bottom margin
    assert len(fills) <= 4, fills
    assert all(fill >= 1 / 3 for fill in fills), fills
    pages = _pages(data)
    words = view.t["for_employer"]
    assert all((words in p) == view.for_employer for p in pages)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_html_channel_names_break_only_at_soft_hyphens(lang: str) -> None:
    html = render_text(build_view(example(), pack(), lang), "html")
    labels = re.findall(r'<span class="label">([^<]*)</span>', html)
    assert len(labels) == 6
    long = {"da": "Arbejds\u00adintensitet", "en": "Predict\u00adability"}[lang]
    assert long in labels
    # Only the soft hyphens break them: no cut anywhere, no browser hyphenation.
    css = re.search(r"\.label \{[^}]*\}", html)
    assert css is not None
    assert "hyphens: manual" in css.group(0) and "overflow-wrap: normal" in css.group(0)
    assert SOFT_HYPHEN not in html_text(html)  # a reader sees no soft hyphen


def test_sources_are_smaller_than_what_they_support() -> None:
    html = render_text(build_view(example(), pack(), "da"), "html")
    size = re.search(r"\.small, \.source \{ font-size: ([.\d]+)em", html)
    assert size is not None and float(size.group(1)) < 1  # relative to the rule beside it
    typst = render_text(build_view(example(), pack(), "da"), "pdf")
    assert '#text(size: 7pt, fill: muted, "(" +' in typst  # facts are set at 8pt
