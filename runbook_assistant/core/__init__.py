"""The Qt-free core: runbook model, parser, validator, library, event log, engine and state fold.

Nothing in this package may import PySide6; the UI and the CLI are thin layers over it.
"""
