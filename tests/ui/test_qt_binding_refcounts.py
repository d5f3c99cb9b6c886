"""The Qt binding must not wear down None or True: a long incident would end in an abort.

PySide6 6.12.0 drops a reference to None for every None a Python model returns to Qt and to True
for every signal emitted from Python. On Python 3.11, where those objects are counted like any
other, the interpreter aborts ("deallocating None") after enough repaints — hours into an
incident. pyproject.toml therefore keeps 6.12 out on Python < 3.12; this test guards that choice.
The checks run in a subprocess so that a bad binding fails the test instead of killing pytest.
"""

from __future__ import annotations

import subprocess
import sys

CHECK = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QAbstractListModel, QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QStyleOptionViewItem

app = QApplication([])

class Quiet(QAbstractListModel):
    def rowCount(self, parent=None):
        return 3
    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "row" if role == Qt.ItemDataRole.DisplayRole else None

class Emitter(QObject):
    fired = Signal()

model, delegate, option = Quiet(), QStyledItemDelegate(), QStyleOptionViewItem()
before_none, before_true = sys.getrefcount(None), sys.getrefcount(True)
for _ in range(300):
    delegate.initStyleOption(option, model.index(0, 0))
emitter = Emitter()
for _ in range(300):
    emitter.fired.emit()
lost_none = before_none - sys.getrefcount(None)
lost_true = before_true - sys.getrefcount(True)
print(lost_none, lost_true)
sys.exit(0 if lost_none < 100 and lost_true < 100 else 1)
"""


def test_repaints_and_signals_keep_none_and_true_alive() -> None:
    result = subprocess.run([sys.executable, "-c", CHECK], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, (
        f"references lost (None, True): {result.stdout.strip()} {result.stderr[-500:]}")
