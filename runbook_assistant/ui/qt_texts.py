"""Texts of Qt's own dialogs that Qt's shipped Dutch (``qtbase_nl.qm``) lacks.

Qt 6 renamed some labels of its file dialog ("&Look in:", "Files of &type:") and the Dutch
catalogue still has the old ones, so the dialog would be half English. Listing them here puts
them, in Qt's own context, into the app's translation file; Qt then finds them there.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
