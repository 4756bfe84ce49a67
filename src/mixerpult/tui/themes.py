"""The three colour themes: Textual's default, a high-contrast one, the terminal's own."""

from __future__ import annotations

from textual.theme import Theme

HIGH_CONTRAST = Theme(
    name="mixerpult-high-contrast",
    # Pure black and white with a yellow accent: the largest contrast a terminal
    # offers, and still distinct after NO_COLOR turns colours into greys.
    primary="#ffff00",
    secondary="#00ffff",
    accent="#ffff00",
    warning="#ffaf00",
    error="#ff6060",
    success="#60ff60",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#262626",
    boost="#1c1c1c",
    dark=True,
    variables={
        "border": "#ffffff",
        "border-blurred": "#9e9e9e",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "block-cursor-text-style": "bold",
        "input-cursor-background": "#ffff00",
        "input-cursor-foreground": "#000000",
        "input-selection-background": "#ffff00 40%",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "button-color-foreground": "#000000",
        "button-foreground": "#ffffff",
        "scrollbar": "#9e9e9e",
        "scrollbar-hover": "#ffffff",
        "scrollbar-active": "#ffff00",
    },
)

THEMES = {
    "default": "textual-dark",
    "high-contrast": HIGH_CONTRAST.name,
    # Textual 8 names its theme of the terminal's own ANSI colours "ansi-dark".
    "ansi": "ansi-dark",
}
"""The command line's theme names and the Textual themes behind them."""


def choose_theme(requested: str | None, no_color: bool) -> str:
    """The Textual theme to start with.

    An explicit choice wins. Without one, NO_COLOR picks the high-contrast
    theme: Textual then renders it in greys, and black on white keeps focus and
    buttons as clear as colour would.
    """
    if requested in THEMES:
        return THEMES[requested]
    if no_color:
        return HIGH_CONTRAST.name
    return THEMES["default"]


def theme_key(textual_name: str) -> str:
    """The command-line name of a Textual theme ('default' for any other)."""
    for key, name in THEMES.items():
        if name == textual_name:
            return key
    return "default"
