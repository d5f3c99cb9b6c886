"""Long tables in a PDF, drawn row by row with QPainter (no document of the whole table).

Each row is measured, moved to a new page (with the header row repeated) when it does not fit,
and drawn; a row taller than a page (a very long note) is split between words first. Text wraps
between words, or inside a word that is wider than its column (an e-mail address, a hash).

Times, names, step ids and many sentences repeat row after row: a line of a cell is measured
once per table, and from its second appearance on it is drawn from the glyphs shaped the first
time (shaping is most of what drawing text costs), placed exactly where ``drawText`` puts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QGlyphRun,
    QPainter,
    QPdfWriter,
    QPen,
)

from runbook_assistant.core.export.pdf_pages import (
    ALARM,
    BOLD,
    MONO,
    SMALL,
    Cell,
    Column,
    TableBlock,
    TableRow,
)
from runbook_assistant.pdf.pieces import ANYWHERE, Piece, layout_height, shape

if TYPE_CHECKING:
    from runbook_assistant.pdf.writer import Fonts

MUTED = QColor("#444444")
RULE = QColor("#999999")
ZEBRA = QColor("#f1f1f1")
HEADER_FILL = QColor("#e0e0e0")
HATCH = QColor("#aaaaaa")
BLACK = QColor("black")
RED = QColor("#b00020")  # the report's alarm colour (overrides)
WRAP = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap)
_COLORS = {SMALL: MUTED, MONO: MUTED, ALARM: RED}  # the text colour of each style (else black)
_KEEP = 20_000  # measured pieces kept per table (names, times, step ids and sentences repeat)
_REUSE = True  # draw a piece's glyphs again instead of its text (False: always draw the text)


class TableDrawer:
    """The table half of the PDF drawer (mixed into it; it provides pages and furniture)."""

    p: QPainter
    writer: QPdfWriter
    fonts: Fonts
    width: float
    bottom: float
    top: float
    mm: float
    pad: float
    y: float

    if TYPE_CHECKING:  # the drawer this is mixed into provides these
        def _start_page(self) -> None: ...

        def metrics(self, font: QFont) -> QFontMetricsF: ...

    @property
    def body(self) -> float:
        return self.bottom - self.top

    def _table(self, table: TableBlock) -> None:
        self._pieces: dict[tuple[str, str, float], Piece] = {}
        self._box = 4.5 * self.mm
        self._rule = QPen(RULE, 0.15 * self.mm)  # the line under each row
        self._forget_pen()
        widths = [c.width * self.width for c in table.columns]
        header = TableRow(tuple(c.label for c in table.columns))
        header_h = self._row_height(header, widths, table.columns, bold=True)
        rows = iter(table.rows)
        first = next(rows, None)
        need = self._heading_height(table) + header_h + (
            self._row_height(first, widths, table.columns) if first is not None else 0.0)
        if need > self.bottom - self.y and self.y > self.top:
            self._start_page()
        self._heading(table)
        self._header(table, widths, header_h)
        count = 0  # rows since the last date heading: every second one is shaded
        lay, draw, limit = self._lay, self._row, self.body * 0.9
        columns, zebra = table.columns, table.zebra
        for row in _chain(first, rows):
            day = row.style == "day"
            count = 0 if day else count + 1
            height, laid = lay(row, widths, columns)
            if day or height <= limit:  # nearly always: the row fits on a page
                if height > self.bottom - self.y:
                    self._start_page()
                    self._header(table, widths, header_h)
                draw(row, laid, widths, table, height, zebra and count % 2 == 0)
                self.y += height
                continue
            for piece, height, laid in self._split(row, widths, columns, limit):
                if height > self.bottom - self.y:
                    self._start_page()
                    self._header(table, widths, header_h)
                draw(piece, laid, widths, table, height, zebra and count % 2 == 0)
                self.y += height
        self.y += 3 * self.mm

    def _heading_height(self, table: TableBlock) -> float:
        if not table.heading:
            return 0.0
        height = self.metrics(self.fonts.heading).height() + 2 * self.mm
        if table.subheading:
            height += self._text_height(table.subheading, self.fonts.small, self.width) + self.mm
        return height

    def _heading(self, table: TableBlock) -> None:
        if not table.heading:
            return
        self._forget_pen()
        p = self.p
        p.setPen(QColor("black"))
        p.setFont(self.fonts.heading)
        line = self.metrics(self.fonts.heading).height()
        p.drawText(QRectF(0, self.y, self.width, line), WRAP, table.heading)
        self.y += line + self.mm
        if table.subheading:
            height = self._text_height(table.subheading, self.fonts.small, self.width)
            p.setFont(self.fonts.small)
            p.setPen(MUTED)
            p.drawText(QRectF(0, self.y, self.width, height), WRAP, table.subheading)
            self.y += height + self.mm
        self.y += self.mm

    def _header(self, table: TableBlock, widths: list[float], height: float) -> None:
        self._forget_pen()
        p, x, pad = self.p, 0.0, self.pad
        p.fillRect(QRectF(0, self.y, self.width, height), HEADER_FILL)
        p.setFont(self.fonts.bold)
        p.setPen(QColor("black"))
        for column, width in zip(table.columns, widths, strict=True):
            p.drawText(QRectF(x + pad, self.y + pad, width - 2 * pad, height), WRAP, column.label)
            x += width
        if table.grid:
            self._grid(widths, height)
        p.setPen(QPen(QColor("black"), 0.35 * self.mm))
        p.drawLine(QPointF(0, self.y + height), QPointF(self.width, self.y + height))
        self.y += height
        self._forget_pen()

    def _forget_pen(self) -> None:
        """Someone else set the pen or font: the next text sets its own again."""
        self._pen_font: QFont | None = None
        self._pen_color: QColor | None = None

    def _text_height(self, text: str, font: QFont, width: float) -> float:
        return self._measure(text, font, width)[0]

    def _measure(self, text: str, font: QFont, width: float) -> tuple[float, int]:
        """Height of ``text`` in a column ``width`` wide, and how to draw it: on one line (0),
        wrapped between words (1), or also inside a word wider than the column (2)."""
        metrics = self.metrics(font)
        width = max(width, 1.0)
        if not text or ("\n" not in text and metrics.horizontalAdvance(text) <= width):
            return metrics.height(), 0
        bounds = metrics.boundingRect(QRectF(0, 0, width, 1e7), WRAP, text)
        if bounds.width() <= width + 0.5:
            return bounds.height(), 1
        return layout_height(text, font, width, self.writer), 2

    def _piece(self, text: str, style: str, width: float, keep: bool = True) -> Piece:
        """``text`` in ``style`` measured for a column ``width`` wide: once per table, since
        names, times, step ids and many sentences repeat row after row (``keep``: remember it;
        not the trial pieces of a row being split)."""
        key = (text, style, width)
        piece = self._pieces.get(key)
        if piece is None:
            font = self.fonts.of(style)
            height, mode = self._measure(text, font, width)
            piece = Piece(text, font, _COLORS.get(style, BLACK), height, mode,
                           self.metrics(font).ascent())
            if keep:
                if len(self._pieces) >= _KEEP:
                    self._pieces.clear()
                self._pieces[key] = piece
        return piece

    def _lay(self, row: TableRow, widths: list[float], columns: tuple[Column, ...],
             bold: bool = False, keep: bool = True) -> tuple[float, list[list[Piece]]]:
        """The row's height and, per cell, its lines measured (what ``_row`` draws)."""
        pad2 = 2 * self.pad
        if row.style == "day":
            piece = self._piece(_plain(row.cells[0]), BOLD, self.width - pad2, keep)
            return piece.height + 3 * self.pad, [[piece]]
        known, piece_of = self._pieces, self._piece
        tallest = 0.0
        laid: list[list[Piece]] = []
        for cell, width, column in zip(row.cells, widths, columns, strict=False):
            kind = column.kind
            if kind == "box" and not bold:
                laid.append([])
                tallest = max(tallest, self._box)
                continue
            inner = width - pad2
            if isinstance(cell, str):  # the common case: one line in the column's own style
                style = BOLD if bold else MONO if kind == "mono" else ""
                piece = known.get((cell, style, inner)) or piece_of(cell, style, inner, keep)
                laid.append([piece])
                tallest = max(tallest, piece.height)
                continue
            pieces = [piece_of(line.text, BOLD if bold else MONO if kind == "mono"
                               and not line.style else line.style, inner, keep) for line in cell]
            laid.append(pieces)
            tallest = max(tallest, sum(piece.height for piece in pieces))
        return tallest + pad2, laid

    def _row_height(self, row: TableRow, widths: list[float], columns: tuple[Column, ...],
                    bold: bool = False) -> float:
        return self._lay(row, widths, columns, bold)[0]

    def _row(self, row: TableRow, laid: list[list[Piece]], widths: list[float],
             table: TableBlock, height: float, shade: bool) -> None:
        p, pad, top = self.p, self.pad, self.y
        self._forget_pen()  # the rule under the previous row (or a new page) changed the pen
        if row.style == "day":
            self._text(laid[0][0], pad, top + 2 * pad, self.width - 2 * pad)
            p.setPen(QPen(BLACK, 0.3 * self.mm))
            p.drawLine(QPointF(0, top + height), QPointF(self.width, top + height))
            return
        if shade:
            p.fillRect(QRectF(0, top, self.width, height), ZEBRA)
        text, cells, blocked, count = self._text, row.cells, row.blocked, len(laid)
        x = 0.0
        for index, (column, width) in enumerate(zip(table.columns, widths, strict=True)):
            if blocked and index in blocked:
                p.fillRect(QRectF(x, top, width, height),
                           QBrush(HATCH, Qt.BrushStyle.BDiagPattern))
            elif column.kind == "box":
                if index < len(cells) and cells[index]:
                    size = self._box
                    p.setPen(QPen(BLACK, 0.4 * self.mm))
                    self._pen_color = None
                    p.setBrush(Qt.BrushStyle.NoBrush)
                    p.drawRect(QRectF(x + (width - size) / 2, top + pad, size, size))
            elif index < count:
                y = top + pad
                for piece in laid[index]:
                    text(piece, x + pad, y, width - 2 * pad)
                    y += piece.height
            x += width
        if table.grid:
            self._grid(widths, height)
        else:
            p.setPen(self._rule)
            p.drawLine(QPointF(0, top + height), QPointF(self.width, top + height))

    def _text(self, piece: Piece, x: float, y: float, width: float) -> None:
        if not piece.text:
            return
        p = self.p
        if piece.color is not self._pen_color:
            p.setPen(piece.color)
            self._pen_color = piece.color
        runs = piece.runs
        if runs is None and piece.drawn and _REUSE:
            runs = piece.runs = self._shape(piece, width)
        if runs:  # drawn before: its glyphs are shaped already (and carry their own font)
            at = QPointF(x, y)
            for run in runs:
                p.drawGlyphRun(at, run)
            return
        piece.drawn = True
        if piece.font is not self._pen_font:
            p.setFont(piece.font)
            self._pen_font = piece.font
        if piece.mode == 0:  # one line: no layout needed, the quickest way to draw text
            p.drawText(QPointF(x, y + piece.ascent), piece.text)
        elif piece.mode == 1:
            p.drawText(QRectF(x, y, width, piece.height + 1), WRAP, piece.text)
        else:
            p.drawText(QRectF(x, y, width, piece.height + 1), piece.text, ANYWHERE)

    def _shape(self, piece: Piece, width: float) -> list[QGlyphRun]:
        """``pieces.shape`` on this writer (a method: a test counts the calls)."""
        return shape(piece, width, self.writer, self.metrics(piece.font).leading())

    def _grid(self, widths: list[float], height: float) -> None:
        p = self.p
        p.setPen(QPen(RULE, 0.2 * self.mm))
        self._pen_color = None
        p.setBrush(Qt.BrushStyle.NoBrush)
        x = 0.0
        for width in widths:
            p.drawRect(QRectF(x, self.y, width, height))
            x += width

    def _split(self, row: TableRow, widths: list[float], columns: tuple[Column, ...],
               limit: float) -> Iterator[tuple[TableRow, float, list[list[Piece]]]]:
        """A row taller than ``limit`` (a very long note) as several rows, split between words
        of its longest cell, each laid out."""
        texts = [_plain(c) for c in row.cells]
        longest = max(range(len(texts)), key=lambda i: len(texts[i]))
        piece: list[str] = []
        first = True

        def with_text(text: str) -> TableRow:
            cells = list(row.cells) if first else [""] * len(row.cells)
            cells[longest] = text
            return TableRow(tuple(cells), blocked=row.blocked)

        for word in texts[longest].split(" "):
            trial = with_text(" ".join([*piece, word]))
            if piece and self._lay(trial, widths, columns, keep=False)[0] > limit:
                done = with_text(" ".join(piece))
                yield done, *self._lay(done, widths, columns, keep=False)
                first, piece = False, [word]
            else:
                piece.append(word)
        done = with_text(" ".join(piece))
        yield done, *self._lay(done, widths, columns, keep=False)


def _plain(cell: Cell) -> str:
    return cell if isinstance(cell, str) else "\n".join(line.text for line in cell)


def _chain(first: TableRow | None, rest: Iterable[TableRow]) -> Iterator[TableRow]:
    if first is not None:
        yield first
    yield from rest
