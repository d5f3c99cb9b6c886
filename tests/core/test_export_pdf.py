"""PDF exports through Qt, checked as a reader would: pages rendered with pdftoppm, text
extracted with pdftotext, fonts embedded (pdffonts)."""

from __future__ import annotations

import re
import shutil
import subprocess
import zlib
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path

import pytest
from export_support import EXPORTED_AT, make_ids_fixed, open_engine, play_run, start_run
from hand_clock import HandClock

from runbook_assistant.core.errors import ExportError
from runbook_assistant.core.export import ExportCancelled, export_run, load_run, render_run
from runbook_assistant.core.run.engine import Engine

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext, pdftoppm) not installed")


@pytest.fixture
def engine(tmp_path: Path, clock: HandClock, monkeypatch: pytest.MonkeyPatch,
           qapp: object) -> Iterator[Engine]:
    # qapp: a QApplication for the whole session, so the PDF code never makes a lesser one.
    make_ids_fixed(monkeypatch)
    opened = open_engine(tmp_path / "runs.sqlite3", clock)
    yield opened
    opened.close_store()


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def text(pdf: Path, page: int | None = None) -> str:
    span = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *span, str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout


def rendered(pdf: Path, folder: Path) -> list[Path]:
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(pdf), str(folder / "page")], check=True)
    return sorted(folder.glob("page*.png"))


def export(engine: Engine, run_id: str, fmt: str, path: Path) -> Path:
    export_run(engine, run_id, fmt, path, tz=UTC, now=EXPORTED_AT)
    return path


def test_a_timeline_pdf_has_real_text_in_an_embedded_font(engine: Engine, clock: HandClock,
                                                           tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    pdf = export(engine, run_id, "pdf", tmp_path / "timeline.pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    content = text(pdf)
    assert "Storing kernnetwerk 23 november" in content
    assert "Afgevinkt: 'Voer de rollback uit' (gecontroleerd door Chris)" in content
    assert "later ingevoerd, vastgelegd 10:08" in content and "Besluitenlijst" in content
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    assert fonts and all(" yes " in line for line in fonts)  # every font embedded
    images = rendered(pdf, tmp_path)
    assert len(images) == pages(pdf) >= 1 and all(p.stat().st_size > 1000 for p in images)


def test_the_report_pdf_ends_with_the_chain_heads(engine: Engine, clock: HandClock,
                                                 tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    pdf = export(engine, run_id, "report", tmp_path / "report.pdf")
    content = text(pdf)
    for heading in ("Samenvatting", "Oorzaak", "Vastgesteld", "Wat is gecontroleerd — CONCEPT",
                    "Gevolgen per dienst",
                    "Besluitenlijst", "Verstuurde berichten", "Bezetting", "Vervolgmaatregelen",
                    "Tijdlijn", "Digitale zegels van het logboek"):
        assert heading in content
    assert content.count("nog niet gecontroleerd") == 3
    anchors = content.split("Digitale zegels van het logboek")[-1]
    data = load_run(engine, run_id)
    head = data.anchors[0]
    assert head.fingerprint in anchors and head.short_hash in anchors
    assert text(pdf, pages(pdf)).count(head.fingerprint) >= 1  # on the last page itself


def test_every_page_of_an_exercise_says_exercise(engine: Engine, clock: HandClock,
                                                 tmp_path: Path) -> None:
    run_id = start_run(engine, clock, mode="exercise", title="Oefening kernnetwerk")
    for n in range(150):
        engine.note(run_id, f"Waarneming {n}: de reserve reageert traag op poort {n % 48}",
                    actor="Observator")
        clock.advance(1)
    for fmt in ("pdf", "report"):
        pdf = export(engine, run_id, fmt, tmp_path / f"{fmt}.pdf")
        count = pages(pdf)
        assert count >= 3
        for page in range(1, count + 1):
            content = text(pdf, page)
            assert "OEFENING — geen echt incident" in content, f"{fmt} page {page}"
            assert f"Pagina {page}" in content
        assert "Waarneming 149" in text(pdf)
        folder = tmp_path / fmt
        folder.mkdir()
        assert len(rendered(pdf, folder)) == count


def test_a_note_longer_than_a_page_is_printed_in_full(engine: Engine, clock: HandClock,
                                                      tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    words = " ".join(f"woord{n}" for n in range(2500))
    engine.note(run_id, words + " EINDE", actor="Bram")
    pdf = export(engine, run_id, "pdf", tmp_path / "long.pdf")
    content = " ".join(text(pdf).split())
    assert pages(pdf) >= 2 and "woord0" in content and "woord2499 EINDE" in content


def test_without_a_font_the_pdf_is_refused_and_nothing_written(
        engine: Engine, clock: HandClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from runbook_assistant.pdf import writer as pdf

    run_id = start_run(engine, clock)
    monkeypatch.setattr(pdf, "installed_families", lambda: [])
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ExportError, match="no usable font"):
        export_run(engine, run_id, "pdf", out / "x.pdf")
    assert list(out.iterdir()) == []


def test_a_cancelled_pdf_leaves_no_file(engine: Engine, clock: HandClock, tmp_path: Path) -> None:
    run_id = start_run(engine, clock)
    for n in range(50):
        engine.note(run_id, f"notitie {n}", actor="Bram")
    data = load_run(engine, run_id)
    seen: list[int] = []
    with pytest.raises(ExportCancelled):
        render_run(data, "pdf", tmp_path / "x.pdf", progress=lambda d, t: seen.append(d),
                   cancel=lambda: len(seen) >= 10)
    assert sorted(p.name for p in tmp_path.iterdir() if "x.pdf" in p.name) == []


def test_pdf_exports_leave_the_interpreter_healthy(engine: Engine, clock: HandClock,
                                                  tmp_path: Path) -> None:
    # PySide6 6.12 on Python 3.11 loses a reference to None on every void call, and a few long
    # exports end in "Fatal Python error: deallocating None": pyproject.toml keeps it out.
    import gc
    import sys

    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    data = load_run(engine, run_id, tz=UTC, now=EXPORTED_AT)
    render_run(data, "report-pdf", tmp_path / "warm.pdf")
    gc.collect()
    before = sys.getrefcount(None)
    for n in range(3):
        render_run(data, "report-pdf", tmp_path / f"r{n}.pdf")
    gc.collect()
    assert sys.getrefcount(None) >= before


def page_streams(pdf: Path) -> list[bytes]:
    """Each page's drawing instructions, inflated (Qt writes one compressed stream per page)."""
    data = pdf.read_bytes()
    found = re.finditer(rb"<<\n/Length \d+ 0 R\n/Filter /FlateDecode\n>>\nstream\n", data)
    return [zlib.decompress(data[m.end():data.index(b"\nendstream", m.end())]) for m in found]


def test_text_drawn_again_from_its_glyphs_is_drawn_exactly_as_before(
        engine: Engine, clock: HandClock, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A line of a table met again is drawn from the glyphs shaped the first time. The pages must
    # be the same, instruction for instruction, as when every line is shaped and drawn anew.
    from runbook_assistant.pdf import table

    run_id = start_run(engine, clock)
    play_run(engine, clock, run_id)
    notes = ["kort", "twee  spaties   en een lange zin die over meer regels loopt in de kolom",
             "eerste regel\ntweede regel, ook wat langer zodat die afbreekt in de smalle kolom",
             "tab\tin de tekst", "vaste\u00a0spatie", "é ü ø — “aanhalingstekens” ☐ → …",
             "sleutel " + "a3f9c0e1" * 30]
    for _ in range(3):
        for note in notes:
            engine.note(run_id, note, actor="Bram")
            clock.advance(1)
    shaped: list[int] = []
    original = table.TableDrawer._shape

    def counting(drawer: table.TableDrawer, piece: object, width: float) -> list:
        runs = original(drawer, piece, width)  # type: ignore[arg-type]
        shaped.append(piece.mode if runs else -1)  # type: ignore[attr-defined]
        return runs

    monkeypatch.setattr(table.TableDrawer, "_shape", counting)
    again = page_streams(export(engine, run_id, "pdf", tmp_path / "again.pdf"))
    assert {0, 1, 2, -1} <= set(shaped)  # one line, wrapped, broken inside a word; and refused
    monkeypatch.setattr(table, "_REUSE", False)
    anew = page_streams(export(engine, run_id, "pdf", tmp_path / "anew.pdf"))
    assert anew and again == anew
    assert text(tmp_path / "again.pdf") == text(tmp_path / "anew.pdf")
