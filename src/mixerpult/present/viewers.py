"""Who is looking: the five viewers of a session, and what each may not see.

The promise is "you decide what to share": each viewer's limits are decided here,
once, and every screen and sheet follows them.
"""

from __future__ import annotations

from enum import StrEnum

from mixerpult.answers import Level


class Viewer(StrEnum):
    """Who sees a view."""

    ALONE = "alone"
    """The employee alone: everything, each answer's level marked."""
    CASEWORKER = "caseworker"
    """A screen shared with the caseworker: "only me" and "only for you" answers hidden."""
    EMPLOYER = "employer"
    """A screen shared with the employer: "only the municipality" answers hidden too."""
    MUNICIPALITY_SHEET = "municipality_sheet"
    """The sheet for the municipality (jobcentret/kommunen)."""
    EMPLOYER_SHEET = "employer_sheet"
    """The sheet for the employer."""

    @property
    def is_sheet(self) -> bool:
        """A sheet leaves out what it may not show; a screen marks it "hidden"."""
        return self in (Viewer.MUNICIPALITY_SHEET, Viewer.EMPLOYER_SHEET)

    @property
    def withholds_private(self) -> bool:
        """Answers shared with "only me", and the steps marked "only for you" (`sheet: none`)."""
        return self is not Viewer.ALONE

    @property
    def withholds_health(self) -> bool:
        """Channels marked `health` (and "only the municipality", the default of an
        answer about health)."""
        return self in (Viewer.EMPLOYER, Viewer.EMPLOYER_SHEET)

    def sees(self, level: Level) -> bool:
        """Whether this viewer sees what is shared at `level`."""
        if level == "me":
            return not self.withholds_private
        if level == "municipality":
            return not self.withholds_health
        return True

    @property
    def is_shared(self) -> bool:
        """Someone other than the employee looks at this screen."""
        return self in (Viewer.CASEWORKER, Viewer.EMPLOYER)


SCREEN_VIEWERS = (Viewer.ALONE, Viewer.CASEWORKER, Viewer.EMPLOYER)
"""Who can be looking at the wizard's screen."""

AUDIENCES = ("jobcenter", "arbejdsgiver")
"""The sheet's audiences as the command line and the file names call them."""

_SHEETS = {"jobcenter": Viewer.MUNICIPALITY_SHEET, "arbejdsgiver": Viewer.EMPLOYER_SHEET}


def sheet_viewer(audience: str) -> Viewer:
    """The viewer of the sheet for `audience` (ValueError for an unknown one)."""
    try:
        return _SHEETS[audience]
    except KeyError:
        raise ValueError(
            f"unknown audience {audience!r} (one of: {', '.join(AUDIENCES)})"
        ) from None


def audience_of(viewer: Viewer) -> str:
    """The audience whose sheet `viewer` reads (a screen: the sheet it resembles)."""
    return "arbejdsgiver" if viewer.withholds_health else "jobcenter"
