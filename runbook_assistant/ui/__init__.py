"""The desktop app (PySide6). Nothing in ``runbook_assistant.core`` imports this package."""
