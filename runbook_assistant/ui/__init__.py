"""The desktop app (PySide6). Nothing in ``runbook_assistant.core`` imports this package."""

from runbook_assistant.ui.pyside_fixes import keep_none_alive

keep_none_alive()
