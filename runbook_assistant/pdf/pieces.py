"""Lines of table text measured once and drawn again from their shaped glyphs (``table.py``).

Shaping is most of what drawing text costs; a time, a name, a step id or a sentence met again in a
table is drawn from the glyphs laid out the first time, placed exactly where ``drawText`` puts them.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGlyphRun,
    QPaintDevice,
    QTextLayout,
    QTextLine,
    QTextOption,
)

ANYWHERE = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
ANYWHERE.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
WORDS = QTextOption(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)  # as table.WRAP wraps
WORDS.setWrapMode(QTextOption.WrapMode.WordWrap)


class Piece:
    """One line of a cell, measured: its font, colour, height and how to draw it; once it has
    been drawn twice, also its glyphs (shaping is most of what drawing text costs)."""

    __slots__ = ("ascent", "color", "drawn", "font", "height", "mode", "runs", "text")

    def __init__(self, text: str, font: QFont, color: QColor, height: float, mode: int,
                 ascent: float) -> None:
        self.text = text
        self.font = font
        self.color = color
        self.height = height
        self.mode = mode
        self.ascent = ascent
        self.drawn = False
        self.runs: list[QGlyphRun] | None = None


def laid_lines(layout: QTextLayout, width: float) -> Iterator[QTextLine]:
    """The lines of ``layout`` (between its beginLayout and endLayout), each ``width`` wide."""
    while True:
        line = layout.createLine()
        if not line.isValid():
            return
        line.setLineWidth(width)
        yield line


def layout_height(text: str, font: QFont, width: float, device: QPaintDevice) -> float:
    """Height of text wrapped between words, or anywhere inside a word that does not fit."""
    height = 0.0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font, device)
        layout.setTextOption(ANYWHERE)
        layout.beginLayout()
        height += sum(line.height() for line in laid_lines(layout, width))
        layout.endLayout()
    return height


def shape(piece: Piece, width: float, device: QPaintDevice, leading: float) -> list[QGlyphRun]:
    """The glyphs ``drawText`` draws for ``piece`` on ``device``, placed where it places
    them, to draw again without shaping the text again; empty when only ``drawText`` may draw it.

    The lines are laid out as ``drawText`` lays out a rectangle of text: a line break for
    each newline, lines at whole pixels ``leading`` apart, no more lines once the rectangle
    is full. Text that ``drawText`` would clip, or that holds tabs or other control or
    separator characters (which it treats in ways of its own), is left to ``drawText``."""
    text, font = piece.text, piece.font
    if not text.replace("\n", " " if piece.mode else "\t").isprintable():
        return []
    layout = QTextLayout(text.replace("\n", "\u2028"), font, device)
    if piece.mode == 0:
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        if line.ascent() != piece.ascent:
            return []
        return layout.glyphRuns()
    layout.setTextOption(WORDS if piece.mode == 1 else ANYWHERE)
    limit = piece.height + 1
    height = -leading
    lines = []
    layout.beginLayout()
    for line in laid_lines(layout, width):
        height = math.ceil(height + leading)
        line.setPosition(QPointF(0, height))
        height += line.height()
        lines.append(line)
        if height >= limit:
            break
    layout.endLayout()
    if height > limit or any(line.naturalTextWidth() > width for line in lines):
        return []
    return [run for line in lines for run in line.glyphRuns()]
