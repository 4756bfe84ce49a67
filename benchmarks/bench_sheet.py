"""The preparation sheet: whole-process `mixerpult render`, beside Typst alone.

Ours: `python -m mixerpult render examples/answers.da.yaml --format pdf -o TMP`
(and `--format all -o TMPDIR`: PDF, HTML, Markdown and text), each a whole
process: interpreter start, reading and checking the pack and the answers,
Jinja2, Typst, writing the files.

Anchor: the same pipeline written plainly (`_sheet_anchor.py`): read the answers
YAML, render one Jinja2 Typst template, compile it with Typst, write the PDF; a
whole process too. Shown as an info line: `python -c "import typst;
typst.compile(...)"` of a one-page A4 document (a heading, paragraphs, a list
and a table in the sheet's font, system fonts ignored as the sheet does), the
least any Python program that makes a PDF with Typst can cost.

Runs alternate; one untimed warm-up each; median of RUNS.

    .venv/bin/python benchmarks/bench_sheet.py
"""

from __future__ import annotations

from _common import (
    BENCH,
    EXAMPLE_ANSWERS,
    RUNS,
    alternate,
    child_env,
    finish,
    python,
    report,
    sandbox,
    timed,
)

GOAL = 1.5
LIMIT = 0.2
PIPELINE = BENCH / "_sheet_anchor.py"

ONE_PAGE = r"""
#set page(paper: "a4", margin: 2cm)
#set text(lang: "da", font: "Libertinus Serif", size: 10.5pt)
= Forberedelse til opfølgningssamtalen
#lorem(120)

== Min situation
#lorem(90)

- #lorem(12)
- #lorem(14)
- #lorem(10)

== Mixerpulten
#table(columns: 3, [Område], [Position], [Note],
  [Timer/tid], [2], [#lorem(6)], [Fysiske rammer], [4], [#lorem(5)],
  [Opgaver], [3], [#lorem(7)], [Ansvar], [2], [#lorem(4)])
#lorem(60)
"""

ANCHOR = (
    "import sys, typst; "
    "typst.compile(sys.argv[1].encode(), output=sys.argv[2], format='pdf', "
    "ignore_system_fonts=True)"
)


def main(runs: int = RUNS) -> None:
    print(f"== sheet (median of {runs}, whole processes)")
    with sandbox() as home:
        env = child_env(home)
        answers = str(EXAMPLE_ANSWERS)
        out_pdf = str(home / "sheet.pdf")
        out_all = str(home / "all")
        anchor_pdf = str(home / "anchor.pdf")

        def pdf() -> list[float]:
            args = ["-m", "mixerpult", "render", answers, "--format", "pdf", "-o", out_pdf]
            return list(timed(python(*args), env))

        def everything() -> list[float]:
            args = ["-m", "mixerpult", "render", answers, "--format", "all", "-o", out_all]
            return list(timed(python(*args), env))

        def pipeline() -> list[float]:
            return list(timed(python(str(PIPELINE), answers, anchor_pdf), env))

        def bare() -> list[float]:
            return list(timed(python("-c", ANCHOR, ONE_PAGE, anchor_pdf), env))

        ours_pdf, ours_all, plain, typst_only = alternate([pdf, everything, pipeline, bare], runs)
        made = sorted(p.name for p in (home / "all").iterdir())
    report("render --format pdf (vs plain pipeline)", ours_pdf[0], plain[0], GOAL, limit=LIMIT)
    report("  render --format all", ours_all[0], plain[0], note=", ".join(made))
    report("  CPU time, render --format pdf", ours_pdf[1], plain[1])
    report("  bare Typst compile, one page", ours_pdf[0], typst_only[0])


if __name__ == "__main__":
    main()
    finish()
