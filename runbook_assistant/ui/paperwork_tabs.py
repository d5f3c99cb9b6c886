"""The main window's tabs for the work after a run: the runs archive and a run's report.

Kept beside the window rather than in it: each is one function that opens (or brings to the front)
its tab, with the window's engine and the current user's name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:
    from runbook_assistant.ui.main_window import MainWindow
    from runbook_assistant.ui.report_view import ReportView
    from runbook_assistant.ui.runs_archive import RunsArchive

translate = QCoreApplication.translate


def open_archive(window: MainWindow) -> RunsArchive | None:
    """Show the runs archive (every run, open and closed) in its own tab."""
    existing = window._tabs_by_key.get(("archive", "all"))
    if existing is not None:
        existing.refresh()  # type: ignore[attr-defined]
        window._activate(existing)
        return existing  # type: ignore[return-value]
    if window.engine is None:
        return None
    from runbook_assistant.ui.runs_archive import RunsArchive

    archive = RunsArchive(window.engine, window)
    archive.run_activated.connect(window.open_run)
    archive.report_requested.connect(lambda run_id: open_report(window, run_id))
    # Back on the archive after work elsewhere: show what changed meanwhile.
    window.tabs.currentChanged.connect(
        lambda _i: archive.refresh() if window.tabs.currentWidget() is archive else None)
    window._add_tab(("archive", "all"), archive, translate("MainWindow", "Runs archive"))
    archive.search.setFocus()
    return archive


def open_report(window: MainWindow, run_id: str = "") -> ReportView | None:
    """Show the report screen of ``run_id`` (default: the current run) in its own tab."""
    run_id = run_id or window.current_run_id()
    if not run_id or window.engine is None:
        window.statusBar().showMessage(
            translate("MainWindow", "Open a run (or select one in the archive) first."), 5000)
        return None
    existing = window._tabs_by_key.get(("report", run_id))
    if existing is not None:
        existing.refresh()  # type: ignore[attr-defined]
        window._activate(existing)
        return existing  # type: ignore[return-value]
    from runbook_assistant.ui.errors import guarded
    from runbook_assistant.ui.report_view import ReportView

    record = guarded(window, lambda: window.engine.run_record(run_id))
    if record is None:
        return None
    view = ReportView(window.engine, run_id, window, actor=window.settings.actor,
                      library=window.library)
    view.changed.connect(window.refresh_runs)
    title = translate("MainWindow", "Report · {title}").format(title=record.title)
    window._add_tab(("report", run_id), view, title)
    return view
