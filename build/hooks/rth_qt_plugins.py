# PyInstaller run-time hook (build/runbook-assistant.spec puts it in place of PyInstaller's
# pyi_rth_pyside6): tell Qt where the bundled plugins are, without importing Qt.
#
# PyInstaller's own hook also imports PySide6.QtCore at every start, to give Qt an embedded
# qt.conf. PySide6's wheels register that qt.conf themselves when QtCore is first imported
# (with the prefix of the PySide6 package, which in the bundle is _internal/PySide6/Qt), so the
# early import only made every command pay for loading Qt and ICU: `--version`, `list` and the
# other commands that never touch Qt. The self-test checks Qt's Dutch translation is found
# through QLibraryInfo, which that qt.conf is for.
import os
import sys

os.environ["QT_PLUGIN_PATH"] = os.path.join(
    sys._MEIPASS, "PySide6", *(() if sys.platform == "win32" else ("Qt",)), "plugins")
