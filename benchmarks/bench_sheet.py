"""The preparation sheet: whole-process `mixerpult render`, beside Typst alone.

Ours: `python -m mixerpult render examples/answers.da.yaml --format pdf -o TMP`
(and `--format all -o TMPDIR`: PDF, HTML, Markdown and text), each a whole
process: interpreter start, reading and checking the pack and the answers,
Jinja2, Typst, writing the files.

Anchor: `python -c "import typst; typst.compile(...)"` on a one-page A4 document
(a heading, paragraphs, a list and a table in the sheet's font, system fonts
ignored as the sheet does), written to a file: the least any Python program
that makes a PDF with Typst can cost.

Runs alternate; one untimed warm-up each; median of RUNS.

    .venv/bin/python benchmarks/bench_sheet.py
"""

from __future__ import annotations

from _common import (
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

GOAL = 3.0
LIMIT = 0.5

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

        def anchor() -> list[float]:
            return list(timed(python("-c", ANCHOR, ONE_PAGE, anchor_pdf), env))

        ours_pdf, ours_all, typst_only = alternate([pdf, everything, anchor], runs)
        made = sorted(p.name for p in (home / "all").iterdir())
    report("render --format pdf", ours_pdf[0], typst_only[0], GOAL, limit=LIMIT)
    report("  render --format all", ours_all[0], typst_only[0], note=", ".join(made))
    report("  CPU time, render --format pdf", ours_pdf[1], typst_only[1])


if __name__ == "__main__":
    main()
    finish()
