"""PDF through Qt (QtGui only: QPdfWriter, QPainter, QTextDocument), offscreen, page by page.

The core describes a PDF as ``Pages`` (``core/export/pdf_pages.py``); this module draws it. Prose
blocks are laid out by ``QTextDocument``; long tables are drawn row by row with ``QPainter``, one
page at a time, so memory stays flat however long the run is (a single ``QTextDocument`` of a
10,000-row table takes seconds and hundreds of megabytes). Every page carries the header, the
page number, the footer and, for an exercise, a red EXERCISE band.

A PDF without a real font has pages but no text, and Qt does not complain, so a font is checked
(and a bundled one loaded from ``resources/fonts`` when present) before anything is drawn.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QFile, QIODevice, QMarginsF, QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
    QTextDocument,
)

from runbook_assistant.core import paths
from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export.atomic import Progress
from runbook_assistant.core.export.pdf_pages import (
    ALARM as ALARM_STYLE,
)
from runbook_assistant.core.export.pdf_pages import (
    BOLD,
    MONO,
    SMALL,
    HtmlBlock,
    Pages,
    TableBlock,
)
from runbook_assistant.pdf.table import MUTED, RULE, TableDrawer

RESOLUTION = 300  # dots per inch of the drawing; fonts are vector, so this is only precision
PREFERRED_FAMILIES = ("DejaVu Sans", "Noto Sans", "Liberation Sans", "Arial", "Segoe UI",
                      "Helvetica Neue", "Helvetica")
MONO_FAMILIES = ("DejaVu Sans Mono", "Noto Sans Mono", "Liberation Mono", "Consolas",
                 "Courier New")
ALARM = QColor("#b00020")

_app: QGuiApplication | None = None
_bundled_loaded = False


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new offscreen one (the command line has no window)."""
    global _app
    existing = QGuiApplication.instance()
    if isinstance(existing, QGuiApplication):
        return existing
    if existing is not None:
        raise ExportError("PDF export needs a GUI application object, not a console one")
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        # No screen (a server, CI, a console session): draw offscreen. Windows and macOS keep
        # their own platform, whose font database is the system's.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QGuiApplication(["runbook-assistant"])
    return _app


def installed_families() -> list[str]:
    """Font families Qt can use (fonts bundled in resources/fonts are added on first use)."""
    global _bundled_loaded
    if not _bundled_loaded:
        _bundled_loaded = True
        folder = paths.resources_dir() / "fonts"
        if folder.is_dir():
            for font_file in sorted(folder.glob("*.[ot]tf")):
                QFontDatabase.addApplicationFont(str(font_file))
    return list(QFontDatabase.families())


def choose_font() -> tuple[str, str]:
    """The text and monospace families to use; ``ExportError`` when no real font exists."""
    ensure_gui_app()
    families = installed_families()
    preferred = [f for f in (*PREFERRED_FAMILIES, *families) if f in families]
    text = next((f for f in preferred if _draws_text(f)), None)
    if text is None:
        raise ExportError(
            "no usable font is installed, so the PDF would have pages but no readable text",
            hint="install a font (e.g. the fonts-dejavu-core and fontconfig packages) or export "
                 "HTML and print that")
    mono = next((f for f in MONO_FAMILIES if f in families and _draws_text(f)), text)
    return text, mono


def _draws_text(family: str) -> bool:
    """True when the family really has glyphs for ordinary letters (not placeholder boxes)."""
    raw = QRawFont.fromFont(QFont(family, 10))
    return raw.isValid() and all(raw.supportsCharacter(ord(c)) for c in "Aaé09")


@dataclass
class Fonts:
    normal: QFont
    bold: QFont
    small: QFont
    mono: QFont
    heading: QFont
    banner: QFont
    furniture: QFont

    def of(self, style: str) -> QFont:
        return {BOLD: self.bold, ALARM_STYLE: self.bold, SMALL: self.small,
                MONO: self.mono}.get(style, self.normal)


def _fonts(family: str, mono_family: str) -> Fonts:
    def font(size: float, bold: bool = False, name: str = family) -> QFont:
        made = QFont(name)
        made.setPointSizeF(size)
        made.setBold(bold)
        return made
    return Fonts(normal=font(9), bold=font(9, True), small=font(8),
                  mono=font(8, name=mono_family), heading=font(13, True), banner=font(11, True),
                  furniture=font(7.5))


def write_pdf(pages: Pages, path: Path, progress: Progress | None = None) -> None:
    """Draw ``pages`` into a PDF file at ``path`` (``ExportError`` when it cannot be written)."""
    family, mono_family = choose_font()
    fonts = _fonts(family, mono_family)
    device = QFile(str(path))
    if not device.open(QIODevice.OpenModeFlag.WriteOnly | QIODevice.OpenModeFlag.Truncate):
        raise ExportError(f"cannot write {path}: {device.errorString()}")
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(14, 10, 14, 10), QPageLayout.Unit.Millimeter))
    writer.setTitle(pages.title)
    writer.setCreator("Runbook Assistant")
    painter = QPainter()
    started = painter.begin(writer)
    drawer = _Drawer(painter, writer, pages, fonts, progress) if started else None
    if drawer is None:
        device.close()
        raise ExportError(f"cannot write {path}: the PDF could not be started")
    try:
        drawer.draw()
    finally:
        painter.end()
        error = device.error()
        message = device.errorString()
        device.close()
    if error != QFile.FileError.NoError:
        raise ExportError(f"cannot write {path}: {message}", hint="nothing was written")


class _Drawer(TableDrawer):
    """Draws blocks top to bottom, starting a new page whenever the next piece does not fit."""

    def __init__(self, painter: QPainter, writer: QPdfWriter, pages: Pages, fonts: Fonts,
                 progress: Progress | None) -> None:
        self.p = painter
        self.writer = writer
        self.pages = pages
        self.fonts = fonts
        self.progress = progress
        rect = writer.pageLayout().paintRectPixels(writer.resolution())
        self.width = float(rect.width())
        self.height = float(rect.height())
        self.mm = writer.resolution() / 25.4
        band = 9 * self.mm if pages.banner else 0.0
        self.top = band + 8 * self.mm
        self.bottom = self.height - 8 * self.mm
        self.pad = 1.2 * self.mm
        self.page = 0
        self.y = self.top
        self._metrics: dict[int, QFontMetricsF] = {}
        self._elisions: dict[tuple[str, Qt.TextElideMode, float], str] = {}

    def metrics(self, font: QFont) -> QFontMetricsF:
        key = id(font)
        if key not in self._metrics:
            self._metrics[key] = QFontMetricsF(font, self.writer)
        return self._metrics[key]

    # --- pages ---------------------------------------------------------------------------------
    def draw(self) -> None:
        self._start_page()
        for block in self.pages.blocks:
            if isinstance(block, TableBlock):
                self._table(block)
                continue
            self._html(block)

    def _start_page(self) -> None:
        if self.page:
            self.writer.newPage()
        self.page += 1
        self.y = self.top
        p, mm, fonts = self.p, self.mm, self.fonts
        y = 0.0
        if self.pages.banner:
            p.fillRect(QRectF(0, 0, self.width, 8 * mm), ALARM)
            p.setPen(QColor("white"))
            p.setFont(fonts.banner)
            p.drawText(QRectF(0, 0, self.width, 8 * mm), int(Qt.AlignmentFlag.AlignCenter),
                       self.pages.banner)
            y = 9 * mm
        metrics = self.metrics(fonts.furniture)
        p.setFont(fonts.furniture)
        p.setPen(ALARM if self.pages.banner else MUTED)
        label = self.pages.page_label.format(n=self.page)
        label_width = metrics.horizontalAdvance(label) + 2 * mm
        head = self._elided(self.pages.header, Qt.TextElideMode.ElideRight,
                            self.width - label_width - 4 * mm)
        middle = int(Qt.AlignmentFlag.AlignVCenter)
        p.drawText(QRectF(0, y, self.width - label_width, 5 * mm),
                   int(Qt.AlignmentFlag.AlignLeft) | middle, head)
        p.drawText(QRectF(self.width - label_width, y, label_width, 5 * mm),
                   int(Qt.AlignmentFlag.AlignRight) | middle, label)
        p.setPen(QPen(RULE, 0.2 * mm))
        p.drawLine(QPointF(0, y + 5.5 * mm), QPointF(self.width, y + 5.5 * mm))
        p.drawLine(QPointF(0, self.bottom + 2 * mm), QPointF(self.width, self.bottom + 2 * mm))
        p.setPen(MUTED)
        foot = self._elided(self.pages.footer, Qt.TextElideMode.ElideMiddle, self.width)
        p.drawText(QRectF(0, self.bottom + 2.5 * mm, self.width, 5 * mm),
                   int(Qt.AlignmentFlag.AlignLeft) | middle, foot)

    def _elided(self, text: str, mode: Qt.TextElideMode, width: float) -> str:
        """``text`` in the page furniture's font, shortened to ``width`` (the same on most
        pages, so it is worked out once)."""
        key = (text, mode, width)
        if key not in self._elisions:
            self._elisions[key] = self.metrics(self.fonts.furniture).elidedText(text, mode, width)
        return self._elisions[key]

    # --- prose -----------------------------------------------------------------------------------
    def _document(self, html: str) -> QTextDocument:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.writer)
        doc.setDefaultFont(self.fonts.normal)
        doc.setDefaultStyleSheet(self.pages.stylesheet)
        doc.setDocumentMargin(0)
        doc.setHtml(html)
        doc.setTextWidth(self.width)
        return doc

    def _html(self, block: HtmlBlock) -> None:
        doc = self._document(block.html)
        height = doc.size().height()
        if (block.new_page or height > self.bottom - self.y) and self.y > self.top:
            self._start_page()
        if height <= self.bottom - self.y:
            self._draw_doc(doc, 0.0, height)
            self.y += height + 2 * self.mm
            return
        # Taller than a page: let Qt break it into page-high slices between lines.
        doc.setPageSize(QSizeF(self.width, self.body))
        count = doc.pageCount()
        for index in range(count):
            if index:
                self._start_page()
            self._draw_doc(doc, index * self.body, self.body)
        last = doc.documentLayout().blockBoundingRect(doc.lastBlock()).bottom()
        self.y = self.top + max(0.0, last - (count - 1) * self.body) + 2 * self.mm

    def _draw_doc(self, doc: QTextDocument, offset: float, height: float) -> None:
        self.p.save()
        self.p.translate(0, self.y - offset)
        doc.drawContents(self.p, QRectF(0, offset, self.width, height))
        self.p.restore()
