"""The self-test behind ``runbook-assistant self-test``: does this installation work, end to end?

Run on a laptop after copying the app to it, and in CI on the built bundle. It checks what a
packaging mistake would break: the bundled runbooks and resources are found and parse without
errors, full-text search works (SQLite with FTS5), events are recorded, hash-chained, signed and
verified (cryptography), exports render (Jinja2 templates), and a PDF comes out with real text
(Qt offscreen and a font: the bundled one when the machine has none), a Word document is imported
(python-docx and the part of lxml the bundle keeps). Then the Qt parts the desktop app needs: SVG
icons, the Dutch translations and ICU collation.

Everything happens in a temporary folder: the user's database, device key, library cache and
settings are never touched (the user data, cache and config folders are moved there as well
while it runs). Only the PDF and Qt steps import Qt, lazily.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from runbook_assistant.core import paths

if TYPE_CHECKING:
    from runbook_assistant.core.library.catalog import Library
    from runbook_assistant.core.run.engine import Engine
    from runbook_assistant.core.runbook.model import Option, Runbook, Step

ACTOR = "Self-test"
RUN_TITLE = "Zelftest: één run, checked & verified"  # non-ASCII on purpose: the font check
EXPECTED_EVENTS = 6  # started, checked, skipped, decided, note, closed
_MOVED_DIRS = ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME")


class SelfTestFailed(Exception):
    """One step failed; ``step`` names it, the message says what is wrong."""

    def __init__(self, step: str, message: str) -> None:
        super().__init__(f"{step}: {message}")
        self.step = step


@dataclass
class _Work:
    """What the steps share: the temporary folder and what earlier steps made."""

    folder: Path
    library: Library | None = None
    engine: Engine | None = None
    run_id: str = ""


def run_self_test(report: Callable[[str], None] = print) -> float:
    """Run every step, calling ``report`` with one line per passed step; returns the seconds
    taken. Raises ``SelfTestFailed`` at the first failure (nothing is left behind either way)."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="runbook-assistant-self-test-",
                                     ignore_cleanup_errors=True) as tmp, _isolated(Path(tmp)):
        work = _Work(Path(tmp))
        try:
            for name, step in STEPS:
                try:
                    detail = step(work)
                except SelfTestFailed:
                    raise
                except Exception as exc:  # a self-test reports every failure, never a traceback
                    raise SelfTestFailed(name, _describe(exc)) from exc
                report(f"{name}: {detail}")
        finally:
            if work.engine is not None:
                work.engine.close_store()
            if work.library is not None:
                work.library.close()
    return time.perf_counter() - started


@contextlib.contextmanager
def _isolated(folder: Path) -> Iterator[None]:
    """Point the user data, cache and config folders into ``folder`` while the test runs."""
    saved = {name: os.environ.get(name)
             for name in (*_MOVED_DIRS, "RUNBOOK_ASSISTANT_PORTABLE", "QT_QPA_PLATFORM")}
    for name in _MOVED_DIRS:
        os.environ[name] = str(folder / name.lower())
    os.environ.pop("RUNBOOK_ASSISTANT_PORTABLE", None)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _describe(exc: BaseException) -> str:
    hint = getattr(exc, "hint", None)
    text = str(exc) or type(exc).__name__
    if not hasattr(exc, "hint"):  # not one of ours: the type helps whoever reads the CI log
        text = f"{type(exc).__name__}: {text}"
    return f"{text} ({hint})" if hint else text


def _fail(step: str, message: str) -> SelfTestFailed:
    return SelfTestFailed(step, message)


# --- the steps ----------------------------------------------------------------------------------
def _resources(work: _Work) -> str:
    from runbook_assistant.core.export.html import TEMPLATES

    root = paths.resources_dir()
    wanted = {
        "the stylesheet": [root / "style.qss"],
        "icons": sorted(root.glob("icon-*.svg")),
        "the Dutch translation": [root / "translations" / "runbook_assistant_nl.qm"],
        "fonts": sorted((root / "fonts").glob("*.[ot]tf")),
        "export templates": sorted(TEMPLATES.glob("*.j2")),
    }
    for what, files in wanted.items():
        if not files or not all(f.is_file() for f in files):
            raise _fail("resources", f"{what} not found under {root}")
    return (f"{len(wanted['icons'])} icons, {len(wanted['fonts'])} fonts, "
            f"{len(wanted['export templates'])} templates in {root}")


def _library(work: _Work) -> str:
    from runbook_assistant.core.library.catalog import Library

    folder = paths.bundled_runbooks_dir()
    if not folder.is_dir():
        raise _fail("library", f"the bundled runbooks folder {folder} is missing")
    library = work.library = Library([folder], cache_path=work.folder / "library-index.sqlite3")
    entries = library.entries()
    problems = [f"{d.path}:{d.line}: {d.message}" for e in entries for d in e.result.errors]
    problems += [f"{e.path}: unusable" for e in entries if not e.result.ok and not e.result.errors]
    if problems:
        raise _fail("library", f"{len(problems)} errors, first: {problems[0]}")
    runbooks, scenarios = library.runbooks("runbook"), library.runbooks("exercise")
    if not runbooks:
        raise _fail("library", f"no runbooks in {folder}")
    word = next(w for w in re.findall(r"\w{4,}", runbooks[0].title + " runbook"))
    if not library.search(word):
        raise _fail("library", f"full-text search finds nothing for '{word}' (SQLite FTS5?)")
    warnings = sum(len(e.result.warnings) for e in entries)
    return (f"{len(runbooks)} runbooks, {len(scenarios)} scenarios, 0 errors, {warnings} "
            f"warnings; search works")


def _contacts(work: _Work) -> str:
    from runbook_assistant.core.comms.contacts import bundled_contacts_path, load_contacts

    book = load_contacts(user=work.folder / "no-user-contacts.yaml")
    if book.problems:
        raise _fail("contacts", str(book.problems[0]))
    if not book.contacts:
        raise _fail("contacts", f"no contacts read from {bundled_contacts_path()}")
    return f"{len(book.contacts)} contacts"


def _pick(library: Library) -> tuple[Runbook, Step, Step, Step, Option]:
    """A runbook with a decision and two plain steps before it (the richest test)."""
    for runbook in library.runbooks("runbook"):
        plain: list[Step] = []
        for step in runbook.steps:
            if step.decision and len(plain) >= 2 and step.options:
                return runbook, plain[0], plain[1], step, step.options[0]
            # Plain: no second person, no outcome to choose, no staffing gate to meet.
            if not (step.decision or step.four_eyes or step.check
                    or runbook.staffing_needs(step)):
                plain.append(step)
    raise _fail("events", "no bundled runbook has a decision after two plain steps")


def _events(work: _Work) -> str:
    from runbook_assistant.core.log.identity import DeviceIdentity
    from runbook_assistant.core.run.engine import Engine

    assert work.library is not None
    runbook, first, second, decision, option = _pick(work.library)
    identity = DeviceIdentity.load_or_create(work.folder / "data")
    engine = work.engine = Engine.open(work.folder / "self-test.sqlite3", identity=identity)
    started = engine.start_run(runbook, work.library.source(runbook.id), title=RUN_TITLE,
                               actor=ACTOR)
    run_id = work.run_id = started.run_id
    engine.check(run_id, first.id, actor=ACTOR)
    engine.skip(run_id, second.id, actor=ACTOR, reason="not needed in a self-test")
    engine.decide(run_id, decision.id, option.target, actor=ACTOR, rationale="self-test")
    engine.note(run_id, "notitie — note", actor=ACTOR)
    engine.close(run_id, actor=ACTOR, summary="self-test done")
    state = engine.state(run_id)
    seen = {
        "check": (state.step(first.id) or _NoStep).status == "done",
        "skip": (state.step(second.id) or _NoStep).status == "skipped",
        "decision": any(d.option == option.target for d in state.decisions),
        "note": any("notitie" in n.text for n in state.notes),
        "close": state.closed,
    }
    missing = [what for what, ok in seen.items() if not ok]
    if missing:
        raise _fail("events", "the state does not show the " + ", ".join(missing))
    count = len(engine.events(run_id))
    if count != EXPECTED_EVENTS:
        raise _fail("events", f"{count} events stored, {EXPECTED_EVENTS} expected")
    return f"run of '{runbook.id}': start, check, skip, decide, note, close"


class _NoStep:
    status = "missing"


def _verify(work: _Work) -> str:
    from runbook_assistant.core.export import export_run
    from runbook_assistant.core.log.verify import verify_store
    from runbook_assistant.core.log.verify_sources import verify_export

    assert work.engine is not None
    report = verify_store(work.engine.store, all_signatures=True)
    if not report.ok or report.events_checked != EXPECTED_EVENTS:
        problem = report.first_problem
        raise _fail("verify", f"the database does not verify: {problem or report}")
    exported = export_run(work.engine, work.run_id, "json", work.folder / "run.json")
    data = json.loads(exported.read_text(encoding="utf-8"))
    if not verify_export(data).ok:
        raise _fail("verify", "the JSON export does not verify")
    # A verifier that passes everything proves nothing: change one event and expect a failure.
    event = next(e for e in data["events"] if e.get("kind") == "note_added")
    event["payload"] = {**event["payload"], "text": "changed afterwards"}
    if verify_export(data).ok:
        raise _fail("verify", "a changed event in the export was not noticed")
    return (f"{report.events_checked} events, {report.signatures_checked} signatures intact; "
            "the JSON export verifies and a changed event is caught")


def _exports(work: _Work) -> str:
    from runbook_assistant.core.export import export_run

    assert work.engine is not None
    made = []
    for fmt, name in (("report", "report.html"), ("html", "timeline.html"),
                      ("md", "timeline.md"), ("csv", "timeline.csv")):
        path = export_run(work.engine, work.run_id, fmt, work.folder / name)
        text = path.read_text(encoding="utf-8-sig")
        if "Zelftest" not in text:
            raise _fail("export", f"the {fmt} export does not name the run")
        made.append(fmt)
    return ", ".join(made)


def _pdf(work: _Work) -> str:
    from runbook_assistant import pdf
    from runbook_assistant.core.export import export_run

    pdf.register()
    assert work.engine is not None
    path = export_run(work.engine, work.run_id, "pdf", work.folder / "timeline.pdf")
    data = path.read_bytes()
    fonts, pages = check_pdf_text(data, RUN_TITLE)
    return f"{pages} page(s), {len(data) // 1024} KB, text in {', '.join(fonts)}"


def _word(work: _Work) -> str:
    import docx  # python-docx writes the document that the import then reads back

    from runbook_assistant.core.authoring.convert import import_file

    document = docx.Document()
    document.add_heading("Zelftest draaiboek", level=0)
    document.add_heading("Eerste uur", level=1)
    for text in ("Bel de leverancier van het netwerk", "Controleer de back-up van vannacht"):
        document.add_paragraph(text, style="List Number")
    path = work.folder / "zelftest.docx"
    document.save(str(path))
    imported = import_file(path)
    if len(imported.runbook.steps) != 2 or not imported.check.ok:
        raise _fail("word", f"the Word document came out as {len(imported.runbook.steps)} steps")
    return f"a .docx with {len(imported.runbook.steps)} steps imported"


def _qt(work: _Work) -> str:
    from PySide6 import QtWidgets  # noqa: F401  (the desktop app's widgets must load)
    from PySide6.QtCore import QCollator, QLibraryInfo, QLocale, QTranslator
    from PySide6.QtGui import QIcon

    from runbook_assistant.pdf import writer as pdf

    pdf.ensure_gui_app()
    icon = QIcon(str(paths.resources_dir() / "icon-app.svg"))
    if icon.pixmap(32, 32).isNull():
        raise _fail("qt", "SVG icons do not render (Qt's SVG plugin is missing)")
    ours = QTranslator()
    if not ours.load(str(paths.resources_dir() / "translations" / "runbook_assistant_nl.qm")):
        raise _fail("qt", "the Dutch translation does not load")
    qt_dirs = [QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
               str(paths.resources_dir() / "translations")]
    if not any(QTranslator().load("qtbase_nl", folder) for folder in qt_dirs):
        raise _fail("qt", "Qt's own Dutch translation (qtbase_nl.qm) is missing")
    # Sorting by the Dutch rules goes through ICU: 'Ä' sorts with 'a', not after 'z'.
    collator = QCollator(QLocale("nl_NL"))
    if not collator.compare("Äpfel", "Beuk") < 0:
        raise _fail("qt", "Dutch collation does not work (ICU data?)")
    import runbook_assistant.ui.app  # noqa: F401  (every module the desktop app starts with)

    platform = os.environ.get("QT_QPA_PLATFORM", "default")
    return f"widgets, SVG icons, Dutch translations and collation work ({platform} platform)"


STEPS: tuple[tuple[str, Callable[[_Work], str]], ...] = (
    ("resources", _resources), ("library", _library), ("contacts", _contacts),
    ("events", _events), ("verify", _verify), ("export", _exports), ("pdf", _pdf), ("word", _word),
    ("qt", _qt),
)


# --- PDF text, without a PDF library ------------------------------------------------------------
_OBJECT = re.compile(rb"\d+\s+\d+\s+obj(.*?)endobj", re.S)
_HEX_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>")
_BASE_FONT = re.compile(rb"/BaseFont\s*/(?:[A-Z]{6}\+)?([^\s/>\[]+)")


def _streams(data: bytes) -> Iterator[bytes]:
    for match in _OBJECT.finditer(data):
        head, found, rest = match.group(1).partition(b"stream")
        if not found:
            continue
        raw = rest.lstrip(b"\r\n")
        raw = raw[: raw.rfind(b"endstream")]
        if b"FlateDecode" in head:
            try:
                raw = zlib.decompressobj().decompress(raw)
            except zlib.error:
                continue
        yield raw


def _mapped_characters(cmap: bytes) -> set[str]:
    """Every character a ToUnicode CMap maps a glyph to (bfchar and bfrange, Qt's forms)."""
    chars: set[str] = set()
    for block in re.findall(rb"beginbf(?:char|range)(.*?)endbf(?:char|range)", cmap, re.S):
        for line in block.splitlines():
            codes = _HEX_PAIR.findall(line)
            # bfchar: <glyph> <text>; bfrange: <first> <last> <text> or [<text> ...]
            targets = codes[1:] if len(codes) == 2 else codes[2:]
            for target in targets:
                with contextlib.suppress(ValueError):
                    chars.update(bytes.fromhex(target.decode()).decode("utf-16-be"))
    return chars


def check_pdf_text(data: bytes, expected: str) -> tuple[list[str], int]:
    """Check that a PDF draws ``expected`` as real text: text operators in its pages and
    embedded fonts whose glyphs map to every letter of it (what text extraction, search and
    screen readers rely on; a PDF drawn without a usable font has none). Returns the font
    names and the page count; ``SelfTestFailed`` when the text is not there."""
    if not data.startswith(b"%PDF-"):
        raise _fail("pdf", "the file written is not a PDF")
    pages = len(re.findall(rb"/Type\s*/Page\b", data))
    fonts = sorted({name.decode("latin-1") for name in _BASE_FONT.findall(data)})
    chars: set[str] = set()
    drawn = False
    for stream in _streams(data):
        if b"begincmap" in stream:
            chars |= _mapped_characters(stream)
        elif re.search(rb"\bBT\b.*?T[jJ]", stream, re.S):
            drawn = True
    missing = sorted({c for c in expected if not c.isspace()} - chars)
    if not drawn or not fonts:
        raise _fail("pdf", "the PDF has pages but no text (no usable font?)")
    if missing:
        raise _fail("pdf", f"the PDF's fonts have no text for {''.join(missing)!r}")
    return fonts, pages
