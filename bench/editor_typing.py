"""Benchmark: typing in the runbook editor on a 300 KB runbook, while its live check runs.

A typist presses a key every 60 ms in bursts of 8 with a 500 ms pause after each (long enough for
the check, 300 ms after the last key, to start). Each key is scheduled at a fixed moment; its lag
is how late the event loop got to it, i.e. how long typing stalled. Four editors on the same text
in the same run: a plain QPlainTextEdit with the same highlighter and no check (the baseline); the
editor as built (parser and preview HTML in a child process, the preview's document built on the
GUI thread a piece at a time between keys); the same without the child process, as in a frozen
app (parser and HTML in the editor's worker thread); and the whole check with the preview's
document at once on the GUI thread (as it was first). Goal: the editor's p99 lag <= 100 ms.

    QT_QPA_PLATFORM=offscreen python bench/editor_typing.py [--bursts 6] [--json]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from string import Template
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from check_latency import big_runbook_text
from figures import Figures
from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QWidget

from runbook_assistant.core.runbook.parser import parse_text
from runbook_assistant.ui import check_process, theme
from runbook_assistant.ui.preview_builder import InertDocument
from runbook_assistant.ui.runbook_editor import RunbookEditor
from runbook_assistant.ui.runbook_highlighter import RunbookHighlighter
from runbook_assistant.ui.runbook_html import STYLE

FIGURES = Figures("editor_typing")
KEY_MS, BURST, PAUSE_MS = 60, 8, 500


def text_of_size(size: int) -> str:
    """The 300-step benchmark runbook, repeated with fresh ids until it is ``size`` bytes."""
    text = big_runbook_text()
    body = text.split("---\n", 2)[2]
    copy = 0
    while len(text.encode("utf-8")) < size:
        copy += 1
        text += "\n" + body.replace("{#", f"{{#c{copy}-").replace("# Benchmark", "## Again")
    return text


class GuiThreadEditor(RunbookEditor):
    """The editor as it was first: the whole check, the preview's document at once, on the GUI
    thread."""

    def check_now(self) -> None:
        self._timer.stop()
        result, parts = check_process.check_here(self.source(), str(self.path))
        self._show_findings(result)
        preview = None
        if parts is not None:
            preview = InertDocument()
            preview.setDefaultStyleSheet(Template(STYLE).safe_substitute(theme.colors()))
            preview.setHtml("".join(parts))
        self._show_preview(preview)


class ThreadEditor(RunbookEditor):
    """The editor where no child process can be started (a frozen app): the parser and the
    preview's HTML in its worker thread, where they hold the GIL that typing needs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._check.checker = lambda text, path, _lang: check_process.check_here(text, path)


def type_into(target: QWidget, bursts: int) -> list[float]:
    """Type ``bursts`` bursts into ``target``; the lag of every key in ms."""
    lags: list[float] = []
    schedule = []
    at = 0.0
    for _ in range(bursts):
        for _ in range(BURST):
            at += KEY_MS
            schedule.append(at)
        at += PAUSE_MS
    start = time.perf_counter()
    loop = QEventLoop()

    def press(n: int) -> None:
        lags.append((time.perf_counter() - start) * 1000 - schedule[n])
        QTest.keyClick(target, Qt.Key.Key_X)
        if n + 1 == len(schedule):
            QTimer.singleShot(PAUSE_MS * 3, loop.quit)  # let the last check finish
            return
        wait = schedule[n + 1] - (time.perf_counter() - start) * 1000
        QTimer.singleShot(max(0, round(wait)), lambda: press(n + 1))

    QTimer.singleShot(round(schedule[0]), lambda: press(0))
    loop.exec()
    return lags


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def run(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply_theme(app, "light")
    text = text_of_size(args.size)
    folder = Path(tempfile.mkdtemp(prefix="bench-editor-"))
    started = time.perf_counter()
    result = parse_text(text, "big.md")
    parse_ms = (time.perf_counter() - started) * 1000
    print(f"typing in a {len(text) // 1024} KB runbook ({len(result.runbook.steps)} steps; one "
          f"check {parse_ms:.0f} ms), {args.bursts} bursts of {BURST} keys")

    plain = QPlainTextEdit()
    RunbookHighlighter(plain.document())
    plain.setPlainText(text)
    plain.show()
    baseline = type_into(plain, args.bursts)
    plain.close()

    figures = {}
    for name, kind in (("as built", RunbookEditor), ("thread", ThreadEditor),
                       ("GUI thread", GuiThreadEditor)):
        editor = kind(folder / "big.md", text)
        editor.resize(1200, 800)
        editor.show()
        loop = QEventLoop()
        editor.checked.connect(loop.quit)
        if editor.checking:
            loop.exec()
        editor.text.moveCursor(editor.text.textCursor().MoveOperation.End)
        editor.text.setFocus()
        figures[name] = type_into(editor.text, args.bursts)
        editor.wait_for_check()
        editor.close()
        editor.deleteLater()

    def line(label: str, lags: list[float]) -> str:
        return (f"  {label:<32} p50 {statistics.median(lags):7.1f} ms  p99 "
                f"{percentile(lags, 0.99):7.1f} ms  max {max(lags):7.1f} ms")

    print(line("plain text edit (baseline)", baseline))
    print(line("editor (check in a child process)", figures["as built"]))
    print(line("editor, no child (frozen app)", figures["thread"]))
    print(line("editor, check on the GUI thread", figures["GUI thread"]))
    base99 = percentile(baseline, 0.99)
    FIGURES.add("key lag p99, editor (check in a child process)",
                percentile(figures["as built"], 0.99), "ms", baseline=base99,
                baseline_name="plain QPlainTextEdit", goal=100)
    FIGURES.add("key lag p99, editor without the child process (frozen app)",
                percentile(figures["thread"], 0.99), "ms", baseline=base99,
                baseline_name="plain QPlainTextEdit")
    FIGURES.add("key lag p99, check on the GUI thread",
                percentile(figures["GUI thread"], 0.99), "ms", baseline=base99,
                baseline_name="plain QPlainTextEdit")
    FIGURES.add("one check of the text", parse_ms, "ms")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bursts", type=int, default=6)
    parser.add_argument("--size", type=int, default=300_000, help="bytes of runbook text")
    return FIGURES.main(run, parser, argv)


if __name__ == "__main__":
    raise SystemExit(main())
