"""The core never imports Qt: importing all of it leaves PySide6 out of sys.modules."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import runbook_assistant.core as core


def test_core_imports_no_qt() -> None:
    names = [m.name for m in pkgutil.walk_packages(core.__path__, "runbook_assistant.core.")]
    code = (
        "import importlib, sys\n"
        f"for n in {names!r}: importlib.import_module(n)\n"
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) >= 3
