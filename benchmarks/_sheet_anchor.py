"""The sheet's anchor: the same pipeline as `mixerpult render --format pdf`, written plainly.

    python benchmarks/_sheet_anchor.py ANSWERS.yaml OUT.pdf

Reads the answers YAML, renders one Jinja2 Typst template (every answer as an
escaped Typst string, the faders as a table) and compiles it with Typst to a
PDF, system fonts ignored as the sheet does. No question pack, no checks, no
wording: what is left is the least such a program costs.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import jinja2
import typst
import yaml

TEMPLATE = """
#set page(paper: "a4", margin: 2cm)
#set text(lang: "da", font: "Libertinus Serif", size: 10.5pt)
= Forberedelse til opfølgningssamtalen
{% for key, value in answers.items() %}
== #{{ key | typ }}
#{{ value | typ }}
{% endfor %}
== Mixerpulten
#table(columns: 3,
{% for key, fader in faders.items() %}
  {{ key | typ }}, {{ fader.get("position") | typ }}, {{ fader.get("note") | typ }},
{% endfor %}
)
"""


def typ(value: object) -> str:
    """A Typst string literal (JSON's escapes are Typst's)."""
    return json.dumps("" if value is None else str(value), ensure_ascii=False)


def main(answers: str, out: str) -> None:
    data = yaml.safe_load(Path(answers).read_text(encoding="utf-8"))
    env = jinja2.Environment(autoescape=False, trim_blocks=True, lstrip_blocks=True)
    env.filters["typ"] = typ
    faders = {k: v if isinstance(v, dict) else {"position": v} for k, v in data["faders"].items()}
    source = env.from_string(TEMPLATE).render(answers=data["answers"], faders=faders)
    pdf = typst.compile(source.encode("utf-8"), format="pdf", ignore_system_fonts=True)
    assert isinstance(pdf, bytes)
    Path(out).write_bytes(pdf)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
