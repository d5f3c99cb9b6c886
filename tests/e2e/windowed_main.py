"""Starts the GUI entry point as a windowed Windows build does: no console, so ``sys.stdout`` and
``sys.stderr`` are None. Quits once the app has loaded; writes how it ended to ``$OUTCOME``."""

import os
import sys
import traceback

sys.stdout = None
sys.stderr = None

from PySide6.QtCore import QTimer  # noqa: E402

from runbook_assistant.ui.app import create_application  # noqa: E402

app = create_application([sys.argv[0]])
ready = os.environ["RUNBOOK_ASSISTANT_READY_FILE"]


def quit_when_loaded() -> None:
    try:
        with open(ready, encoding="utf-8") as text:
            loaded = "loaded" in text.read()
    except OSError:
        return
    if loaded:
        print("the app may print; nobody reads it")  # must not raise with stdout None
        app.quit()


timer = QTimer()
timer.timeout.connect(quit_when_loaded)
timer.start(50)
sys.argv = [sys.argv[0], *sys.argv[1:]]
outcome = "returned"
try:
    from runbook_assistant.cli import gui_main

    gui_main()
except SystemExit as done:
    outcome = f"exit {done.code}"
except BaseException:
    outcome = "crash\n" + traceback.format_exc()
with open(os.environ["OUTCOME"], "w", encoding="utf-8") as out:
    out.write(outcome)
