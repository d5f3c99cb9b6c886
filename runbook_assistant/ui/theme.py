"""Light and dark colours, the stylesheet, and the app-wide text size.

Fusion with an explicit palette looks the same on every platform and offscreen (screenshots,
tests). The scheme follows the desktop (``QStyleHints.colorScheme()``) unless a setting forces it.
Colours are chosen for contrast at night on a dim laptop screen: every text colour reaches at least
WCAG AA (4.5:1) against its background.
"""

from __future__ import annotations

from string import Template

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from runbook_assistant.ui import resources

_fusion_set = False
# A new QApplication gets Fusion from its arguments: setting it from Python (``setStyle``) would
# build PySide6's Python QStyle classes, about 8 ms of a start-up that never needs them.
FUSION_ARGUMENTS = ("-style", "Fusion")
BASE_POINT_SIZE = 11.0  # at scale 1.0: larger than most desktop defaults, readable at arm's length

LIGHT = {
    "window": "#f3f3f3", "base": "#ffffff", "alt_base": "#f0f4f8", "text": "#111111",
    "button": "#e6e6e6", "border": "#8a8a8a", "grid": "#dddddd", "muted": "#4a4a4a",
    "muted_bg": "#c8c8c8", "highlight": "#0b57b0", "highlight_fg": "#ffffff", "focus": "#0b57b0",
    "accent": "#0b57b0", "accent_fg": "#ffffff", "link": "#0645ad", "danger": "#b00020",
    "danger_bg": "#b00020", "danger_fg": "#ffffff", "ok": "#1b6e20",
    "exercise_bg": "#f08c00", "exercise_fg": "#000000", "tooltip_bg": "#ffffdc",
}
DARK = {
    "window": "#1c1c1c", "base": "#121212", "alt_base": "#1f2730", "text": "#f2f2f2",
    "button": "#2e2e2e", "border": "#7a7a7a", "grid": "#333333", "muted": "#c2c2c2",
    "muted_bg": "#3c3c3c", "highlight": "#3d8fe0", "highlight_fg": "#000000", "focus": "#6aaaf0",
    "accent": "#3d8fe0", "accent_fg": "#000000", "link": "#8ab4f8", "danger": "#ff7070",
    "danger_bg": "#ff6b6b", "danger_fg": "#000000", "ok": "#7bd88a",
    "exercise_bg": "#ff9f1a", "exercise_fg": "#000000", "tooltip_bg": "#2e2e2e",
}


def system_prefers_dark() -> bool:
    """True when the desktop asks for dark colours (Qt 6.5+); unknown counts as light."""
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def wants_dark(theme: str) -> bool:
    """Resolve the theme setting ('system', 'light', 'dark') to dark or not."""
    if theme == "dark":
        return True
    if theme == "light":
        return False
    return system_prefers_dark()


def is_dark() -> bool:
    """Whether the palette in use is dark (the palette is the one source of truth)."""
    return QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def colors() -> dict[str, str]:
    """The colour set of the palette in use, for widgets that colour text themselves."""
    return DARK if is_dark() else LIGHT


def palette(dark: bool) -> QPalette:
    """A complete Fusion palette for the light or the dark scheme."""
    c = DARK if dark else LIGHT
    pal = QPalette()
    role = QPalette.ColorRole
    for r, key in ((role.Window, "window"), (role.WindowText, "text"), (role.Base, "base"),
                   (role.AlternateBase, "alt_base"), (role.Text, "text"), (role.Button, "button"),
                   (role.ButtonText, "text"), (role.BrightText, "danger"),
                   (role.Highlight, "highlight"), (role.HighlightedText, "highlight_fg"),
                   (role.Link, "link"), (role.LinkVisited, "link"),
                   (role.ToolTipBase, "tooltip_bg"), (role.ToolTipText, "text"),
                   (role.PlaceholderText, "muted")):
        pal.setColor(r, QColor(c[key]))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        pal.setColor(disabled, r, QColor(c["muted"]))
    pal.setColor(disabled, role.Base, QColor(c["window"]))
    return pal


def stylesheet(dark: bool) -> str:
    """The app stylesheet with the scheme's colours filled in."""
    return Template(resources.stylesheet_template()).safe_substitute(DARK if dark else LIGHT)


def fusion_from_arguments() -> None:
    """Record that the application was created with ``FUSION_ARGUMENTS`` (Fusion is in use)."""
    global _fusion_set
    _fusion_set = True


def apply_theme(app: QApplication, theme: str) -> bool:
    """Fusion, palette and stylesheet for the theme setting; returns True when dark."""
    global _fusion_set
    dark = wants_dark(theme)
    if not _fusion_set:  # asking app.style() first would build the platform style for nothing
        app.setStyle("Fusion")
        _fusion_set = True
    app.setPalette(palette(dark))
    app.setStyleSheet(stylesheet(dark))
    keep_focus_visible(app)
    return dark


def keep_focus_visible(app: QApplication) -> None:
    """Show where the keyboard is from the first moment: Fusion draws the focus frame of a combo
    box, button, check box or tab only after the keyboard moved the focus in that window
    (``WA_KeyboardFocusChange``), so a dialog opened by a key showed none on its first field."""
    if app.property("focusAlwaysVisible"):
        return
    app.setProperty("focusAlwaysVisible", True)
    app.focusChanged.connect(_show_focus_frames)


def _show_focus_frames(_old: QWidget | None, now: QWidget | None) -> None:
    if now is None:
        return
    window = now.window()
    if not window.testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange):
        window.setAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange, True)
        now.update()


def apply_font_scale(app: QApplication, scale: float) -> None:
    """Set the app font to the base size times ``scale``; every widget follows."""
    font = QFont(app.font())
    font.setPointSizeF(round(BASE_POINT_SIZE * scale, 1))
    app.setFont(font)
    sheet = app.styleSheet()
    if sheet:  # widgets polished by a style sheet keep their old font until it is applied again
        app.setStyleSheet(sheet)


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property (``tone``, ``banner``) changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()
