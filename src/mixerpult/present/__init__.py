"""The presentation layer: what each viewer sees, and how it reads.

Every view (the wizard's pages, the review, the walkthrough, each sheet) asks this
layer and only draws what it is given:

- `viewers`: who is looking (the employee alone, a screen shared with the
  caseworker or the employer, the sheet for the municipality or the employer);
- `visibility`: which questions are shown at all (one transitive rule);
- `disclosure`: what a viewer may see of them, and what is shown as "hidden";
- `words`: an answer, a fader position, a date, a "by when" in words;
- `overview`: sections of items, built from the three above, that the review,
  the walkthrough and the sheet are drawn from;
- `timeline`: the facts' deadlines dated from the first sick day, when the viewer
  may see it.

No Textual, Jinja2 or Typst here (an import contract checks it), and this
package's `__init__` imports nothing, so a client pays only for what it uses.
"""
