"""PDF drawing through Qt (QtGui's QPdfWriter, QPainter): the one part of exporting that needs Qt.

The core describes a PDF as ``Pages`` (``core/export/pdf_pages.py``) and draws it through the writer
registered with ``core.rendering``. ``register()`` installs this package's writer; the CLI, the
desktop app and the self-test call it at start-up. Registering costs nothing: Qt is imported only
when the first PDF is drawn. ``writer`` draws pages; ``table`` draws long tables row by row.
May import: ``runbook_assistant.core`` and PySide6.QtGui; nothing in ``core`` imports this package.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from runbook_assistant.core.export.atomic import Progress
    from runbook_assistant.core.export.pdf_pages import Pages


def _write(pages: Pages, path: Path, progress: Progress | None = None) -> None:
    from runbook_assistant.pdf.writer import write_pdf  # Qt, only when a PDF is drawn

    write_pdf(pages, path, progress)


def register() -> None:
    """Make the core's PDF exports draw with Qt."""
    from runbook_assistant.core.rendering import register_pdf_writer

    register_pdf_writer(_write)
