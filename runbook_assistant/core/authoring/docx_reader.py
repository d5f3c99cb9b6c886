"""A Word document (``.docx``) as Markdown that the foreign-file reader understands.

Word's structure is kept as Markdown marks: the Title style as ``#``, Heading N as one ``#`` more,
numbered and bulleted paragraphs as lists (their level as nesting), a paragraph that is bold
throughout as ``**bold**`` (a pseudo heading, as many draaiboeken write them), quote styles as
``>``, and tables as pipe tables. Nothing else of the layout is kept.

The zip is checked before python-docx opens it: a renamed file, a damaged zip or a zip bomb gives
a clear ``ImportProblem``, never a traceback or an exhausted machine.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from runbook_assistant.core.errors import RunbookAssistantError

MAX_DOCX_BYTES = 50 * 2**20
MAX_UNPACKED_BYTES = 200 * 2**20  # all parts together, as the zip's directory states them
MAX_RATIO = 150  # unpacked / packed for the document part: text compresses ~10x, bombs ~1000x
_HEADING_STYLE = re.compile(r"(?:heading|kop)\s*(\d)", re.IGNORECASE)
_LIST_STYLE = re.compile(r"(?:list|lijst)\s*(?:number|bullet|nummer|opsomming|paragraph|alinea)"
                         r"(?:\s*(\d))?", re.IGNORECASE)
_NUMBERED_STYLE = re.compile(r"number|nummer", re.IGNORECASE)
_QUOTE_STYLE = re.compile(r"quote|citaat", re.IGNORECASE)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class ImportProblem(RunbookAssistantError):
    """A file cannot be imported at all (not a Word document, damaged, too large)."""


@dataclass
class DocxText:
    """The Markdown of a Word document, and for each Markdown line the paragraph it came from."""

    markdown: str
    paragraph_of_line: list[int] = field(default_factory=list)  # 0-based line → paragraph (1-)
    title: str = ""  # the document's Title paragraph, or its properties' title


def read_docx(path: Path) -> DocxText:
    """The Markdown of the Word document at ``path``; raises ``ImportProblem``."""
    _check_zip(path)
    try:
        import docx  # python-docx: imported only when a Word file is imported

        document = docx.Document(str(path))
        return _Converter(document).convert()
    except ImportProblem:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged parts
        raise ImportProblem.of("docx_damaged", name=path.name, why=_short(exc)) from exc


def _check_zip(path: Path) -> None:
    try:
        size = path.stat().st_size
        if size > MAX_DOCX_BYTES:
            raise ImportProblem.of("docx_too_large", name=path.name, mb=MAX_DOCX_BYTES // 2**20)
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, EOFError, ValueError) as exc:
        raise ImportProblem.of("docx_not_zip", name=path.name, why=_short(exc)) from exc
    except OSError as exc:
        raise ImportProblem.of("import_cannot_read", file=path.name,
                               why=exc.strerror or exc) from exc
    names = {info.filename: info for info in infos}
    main = names.get("word/document.xml")
    if main is None:
        raise ImportProblem.of("docx_not_word", name=path.name)
    unpacked = sum(info.file_size for info in infos)
    ratio = main.file_size / max(main.compress_size, 1)
    if unpacked > MAX_UNPACKED_BYTES or ratio > MAX_RATIO:
        raise ImportProblem.of("docx_bomb", name=path.name, mb=unpacked // 2**20)


class _Converter:
    def __init__(self, document: Any) -> None:
        self.document = document
        self.lines: list[str] = []
        self.origin: list[int] = []
        self.number = 0  # paragraph number (tables count as one)
        self.title = ""
        self.has_title_style = any(_style(p).lower() in ("title", "titel")
                                   for p in document.paragraphs)
        self.formats = _numbering_formats(document)
        self.last_was_list = False

    def convert(self) -> DocxText:
        from docx.table import Table  # a block is a Paragraph or a Table

        for block in self.document.iter_inner_content():
            self.number += 1
            if isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block)
        if not self.title:
            self.title = (self.document.core_properties.title or "").strip()
        return DocxText("\n".join(self.lines) + "\n", self.origin, self.title)

    def _emit(self, *lines: str, tight: bool = False) -> None:
        if self.lines and not tight:
            self._add("")
        for line in lines:
            self._add(line)

    def _add(self, line: str) -> None:
        self.lines.append(line)
        self.origin.append(self.number)

    def _paragraph(self, paragraph: Any) -> None:
        text = " ".join(paragraph.text.replace("\u00a0", " ").split())
        if not text:
            self.last_was_list = False
            return
        style = _style(paragraph)
        heading = _HEADING_STYLE.search(style)
        if style.lower() in ("title", "titel"):
            self.title = self.title or text
            self._emit(f"# {_escape(text)}")
        elif heading is not None:
            level = min(int(heading.group(1)) + (1 if self.has_title_style else 0), 6)
            self._emit(f"{'#' * max(level, 1)} {_escape(text)}")
        elif (list_level := self._list_level(paragraph, style)) is not None:
            marker = "1." if self._numbered(paragraph, style, list_level) else "-"
            self._emit(f"{'    ' * list_level}{marker} {_escape(text)}", tight=self.last_was_list)
            self.last_was_list = True
            return
        elif _QUOTE_STYLE.search(style):
            self._emit(f"> {_escape(text)}")
        elif _all_bold(paragraph):
            self._emit(f"**{text.replace('*', '')}**")
        else:
            self._emit(_escape(text))
        self.last_was_list = False

    def _list_level(self, paragraph: Any, style: str) -> int | None:
        properties = paragraph._p.pPr
        numbering = properties.numPr if properties is not None else None
        if numbering is not None and numbering.numId is not None:
            level = numbering.ilvl.val if numbering.ilvl is not None else 0
            return min(int(level), 5)
        match = _LIST_STYLE.search(style)
        if match is None:
            return None
        return min(int(match.group(1)) - 1, 5) if match.group(1) else 0

    def _numbered(self, paragraph: Any, style: str, level: int) -> bool:
        properties = paragraph._p.pPr
        numbering = properties.numPr if properties is not None else None
        if numbering is not None and numbering.numId is not None:
            found = self.formats.get((int(numbering.numId.val), level))
            if found is not None:
                return found != "bullet"
        return bool(_NUMBERED_STYLE.search(style))

    def _table(self, table: Any) -> None:
        rows = []
        for row in table.rows:
            cells = [" ".join(cell.text.split()).replace("|", "\\|") for cell in row.cells]
            rows.append(cells)
        rows = [r for r in rows if any(r)]
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        lines = [_row(rows[0]), _row(["---"] * width)] + [_row(r) for r in rows[1:]]
        self._emit(*lines)
        self.last_was_list = False


def _numbering_formats(document: Any) -> dict[tuple[int, int], str]:
    """(numId, level) → numFmt ("decimal", "bullet", ...) from the numbering part, if any."""
    try:
        root = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for node in root.findall(f"{_W}abstractNum"):
        levels = {}
        for lvl in node.findall(f"{_W}lvl"):
            fmt = lvl.find(f"{_W}numFmt")
            if fmt is not None:
                levels[int(lvl.get(f"{_W}ilvl", "0"))] = fmt.get(f"{_W}val", "decimal")
        abstract[node.get(f"{_W}abstractNumId", "")] = levels
    formats: dict[tuple[int, int], str] = {}
    for num in root.findall(f"{_W}num"):
        ref = num.find(f"{_W}abstractNumId")
        if ref is None or not (num.get(f"{_W}numId") or "").isdigit():
            continue
        for level, fmt in abstract.get(ref.get(f"{_W}val", ""), {}).items():
            formats[(int(num.get(f"{_W}numId") or 0), level)] = fmt
    return formats


def _style(paragraph: Any) -> str:
    try:
        return paragraph.style.name or ""
    except (AttributeError, KeyError, ValueError):
        return ""


def _all_bold(paragraph: Any) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    if not runs:
        return False
    style_bold = bool(getattr(getattr(paragraph.style, "font", None), "bold", False))
    return all(run.bold or (run.bold is None and style_bold) for run in runs)


def _escape(text: str) -> str:
    """Plain Word text that Markdown would read as a mark at the start of a line."""
    if text.startswith(("#", ">")):  # a list marker typed by hand stays one
        return "\\" + text
    return text


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
