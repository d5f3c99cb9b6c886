"""File → "Export for sync…" and "Import…": bundles between laptops, and what came in.

After an import the lead sees which laptops the bundle's events come from, each with its key
fingerprint (a laptop seen for the first time is marked new: trust on first use, so compare the
fingerprint with the one that laptop shows after its own export), which runs came in, and how many
events were new. A refused bundle is shown as an error: nothing of it was merged.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox, QWidget

from runbook_assistant.core.formatting import date_time
from runbook_assistant.core.log.clock import parse_wall_time
from runbook_assistant.ui.errors import guarded
from runbook_assistant.ui.resources import APP_NAME

if TYPE_CHECKING:  # the sync code loads when an action runs, not at the app's start
    from runbook_assistant.core.sync.exchange import ExportResult, ImportResult

translate = QCoreApplication.translate

EngineSource = Any  # an Engine, or a callable giving the engine (None while none is open)


def add_sync_actions(menu: QMenu, engine: EngineSource, parent: QWidget) -> SyncActions:
    """Add the sync actions to ``menu`` (before its first separator); ``engine`` may be a callable
    that gives the engine when the action runs (the window opens it after the first paint)."""
    return SyncActions(menu, engine, parent)


def _local(wall_time: str) -> str:
    try:
        return date_time(parse_wall_time(wall_time))
    except ValueError:
        return wall_time


class SyncActions(QObject):
    """The two actions, their dialogs, and refreshing the window after an import."""

    def __init__(self, menu: QMenu, engine: EngineSource, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("syncActions")
        self._engine = engine
        self._parent = parent
        self.export_action = QAction(parent)
        self.export_action.setObjectName("syncExport")
        self.export_action.triggered.connect(lambda _checked=False: self.export_bundle())
        self.import_action = QAction(parent)
        self.import_action.setObjectName("syncImport")
        self.import_action.triggered.connect(lambda _checked=False: self.import_bundle())
        separator = next((a for a in menu.actions() if a.isSeparator()), None)
        if separator is not None:
            menu.insertActions(separator, [self.export_action, self.import_action])
            menu.insertSeparator(self.export_action)
        else:
            menu.addActions([self.export_action, self.import_action])
        parent.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.export_action.setText(translate("SyncDialogs", "E&xport for sync…"))
        self.import_action.setText(translate("SyncDialogs", "&Import…"))
        self.import_action.setToolTip(translate(
            "SyncDialogs", "Merge a sync bundle from another laptop"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._parent and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def engine(self) -> Any:
        source = self._engine
        return source() if callable(source) else source

    # --- export -------------------------------------------------------------------------------
    def export_bundle(self) -> ExportResult | None:
        """Ask where, write a bundle of every run, and say what it holds."""
        engine = self.engine()
        if engine is None:
            return None
        store = engine.store
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        suggested = Path(QDir.homePath()) / f"sync-{store.identity.fingerprint}-{stamp}.sqlite"
        path, _ = QFileDialog.getSaveFileName(
            self._parent, translate("SyncDialogs", "Export for sync"), str(suggested),
            translate("SyncDialogs", "Sync bundles (*.sqlite *.db);;All files (*)"))
        if not path:
            return None
        from runbook_assistant.core.sync.exchange import export_bundle

        result = guarded(self._parent, lambda: export_bundle(store, Path(path)))
        if result is not None:
            self._show("syncExportSummary", *export_summary(result))
        return result

    # --- import -------------------------------------------------------------------------------
    def import_bundle(self) -> ImportResult | None:
        """Ask which bundle, check and merge it, and show what came in."""
        engine = self.engine()
        if engine is None:
            return None
        path, _ = QFileDialog.getOpenFileName(
            self._parent, translate("SyncDialogs", "Import a sync bundle"), QDir.homePath(),
            translate("SyncDialogs", "Sync bundles (*.sqlite *.db);;All files (*)"))
        if not path:
            return None
        from runbook_assistant.core.sync.exchange import import_bundle

        result = guarded(self._parent, lambda: import_bundle(engine.store, Path(path)))
        if result is None:
            return None
        self._refresh()
        self._show("syncImportSummary", *import_summary(result))
        return result

    def _refresh(self) -> None:
        refresh_after_merge(self._parent)

    def _show(self, name: str, headline: str, details: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, headline,
                          QMessageBox.StandardButton.Ok, self._parent)
        box.setObjectName(name)
        box.setInformativeText(details)
        box.exec()


def refresh_after_merge(window: QWidget) -> None:
    """Show merged events (a bundle import, a hub sync): the list of runs and every open run."""
    refresh_runs: Callable[[], object] | None = getattr(window, "refresh_runs", None)
    if refresh_runs is not None:
        refresh_runs()
    tabs = getattr(window, "tabs", None)
    for i in range(tabs.count() if tabs is not None else 0):
        view = tabs.widget(i)
        if hasattr(view, "refresh"):
            view.refresh()


def export_summary(result: ExportResult) -> tuple[str, str]:
    """(headline, details) after writing a bundle."""
    t = translate
    events = sum(s.events for s in result.signers)
    headline = t("SyncDialogs", "Bundle written: {runs} runs, {events} events.").format(
        runs=len(result.runs), events=events)
    lines = [str(result.path), "",
             t("SyncDialogs", "This laptop: {fingerprint}").format(
                 fingerprint=result.manifest.fingerprint),
             t("SyncDialogs", "Whoever imports this bundle sees this fingerprint; they can check "
                              "it with you."), ""]
    lines += [f"• {run.title}" for run in result.runs]
    return headline, "\n".join(lines)


def import_summary(result: ImportResult) -> tuple[str, str]:
    """(headline, details) after an import: laptops (new ones marked), runs, events."""
    t = translate
    merged = result.merged
    if result.nothing_new:
        headline = t("SyncDialogs", "Nothing new: everything in this bundle was already here.")
    else:
        headline = t("SyncDialogs", "Merged: {events} new events, {runs} new runs, {devices} new "
                                    "laptops.").format(events=merged.new_events,
                                                       runs=len(merged.new_runs),
                                                       devices=len(merged.new_devices))
    m = result.manifest
    lines = [t("SyncDialogs", "Made by laptop {fingerprint} on {when} (Runbook Assistant "
                              "{version}).").format(fingerprint=m.fingerprint,
                                                    when=_local(m.made_at), version=m.app_version),
             t("SyncDialogs", "Every event, chain and signature was checked."), "",
             t("SyncDialogs", "Laptops:")]
    first_seen = {d.id: d.first_seen for d in merged.new_devices}
    for signer in result.signers:
        name = signer.device.name or "—"
        if signer.new:
            lines.append(t("SyncDialogs", "• NEW {fingerprint} ({name}), first seen {when}: "
                                          "{events} events. Compare this fingerprint with the "
                                          "one that laptop shows.").format(
                fingerprint=signer.fingerprint, name=name,
                when=_local(first_seen.get(signer.device.id, "")), events=signer.events))
        else:
            lines.append(t("SyncDialogs", "• {fingerprint} ({name}): {events} events").format(
                fingerprint=signer.fingerprint, name=name, events=signer.events))
    lines += ["", t("SyncDialogs", "Runs:")]
    new_runs = {r.id for r in merged.new_runs}
    for run in result.runs:
        count = merged.new_events_by_run.get(run.id, 0)
        if run.id in new_runs:
            text = t("SyncDialogs", "• NEW {title}: {count} events")
        else:
            text = t("SyncDialogs", "• {title}: {count} new events")
        lines.append(text.format(title=run.title, count=count))
    return headline, "\n".join(lines)
