"""The seam between the core and the renderers that live outside it: today, the PDF writer.

The core describes a PDF as ``Pages`` (``core/export/pdf_pages.py``) and hands them to the writer
registered here. The CLI and the desktop app register the Qt one (``runbook_assistant.pdf``) at
start-up, so nothing in ``core`` imports Qt. This module imports nothing of the core but its errors,
so registering costs the app's first paint nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from runbook_assistant.core.errors import ExportError

if TYPE_CHECKING:
    from runbook_assistant.core.export.atomic import Progress
    from runbook_assistant.core.export.pdf_pages import Pages

PdfWriter = Callable[..., Any]  # (pages, path, progress) -> None
_pdf_writer: PdfWriter | None = None


def register_pdf_writer(writer: PdfWriter | None) -> None:
    """Install the function that draws ``Pages`` into a PDF file (None removes it)."""
    global _pdf_writer
    _pdf_writer = writer


def write_pdf(pages: Pages, path: Path, progress: Progress | None = None) -> None:
    """Draw ``pages`` to ``path`` with the registered writer."""
    if _pdf_writer is None:
        raise ExportError.of("pdf_unavailable")
    _pdf_writer(pages, path, progress)
