"""Dutch and English through Qt's translation system.

The source strings are English; Dutch comes from ``resources/translations/runbook_assistant_nl.qm``
plus Qt's own ``qtbase_nl.qm`` for standard dialogs and buttons. The language is, in order: the
``--lang`` option, the setting, the system locale, English.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLocale

from runbook_assistant.ui import resources

if TYPE_CHECKING:
    from PySide6.QtCore import QTranslator

SUPPORTED = ("nl", "en")
log = logging.getLogger(__name__)


def system_language() -> str:
    """The system locale's language if the app speaks it, else English."""
    lang = QLocale.system().name().split("_")[0].lower()
    return lang if lang in SUPPORTED else "en"


def resolve_language(option: str | None, setting: str = "") -> str:
    """The language to use: the command-line option, then the setting, then the system's."""
    for candidate in (option, setting):
        if candidate in SUPPORTED:
            return candidate  # type: ignore[return-value]
    return system_language()


def _qt_translation_dirs() -> list[Path]:
    # PySide6 ships Qt's translations; a frozen build may keep them beside our own.
    from PySide6.QtCore import QLibraryInfo

    return [Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
            resources.translations_dir()]


def ui_lang() -> str:
    """The language the app shows now (``nl`` or ``en``): ``Translations.use`` sets the locale."""
    return "nl" if QLocale().language() == QLocale.Language.Dutch else "en"


def severity_text(severity: str) -> str:
    """A runbook's severity (stored as ``low`` ... ``critical``) in the app's language."""
    names = {"low": QCoreApplication.translate("Severity", "low"),
             "medium": QCoreApplication.translate("Severity", "medium"),
             "high": QCoreApplication.translate("Severity", "high"),
             "critical": QCoreApplication.translate("Severity", "critical")}
    return names.get(severity, severity)


class Translations:
    """The translators installed on the application; ``use(lang)`` swaps them."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def use(self, lang: str) -> str:
        """Install the translators for ``lang`` instead of the previous ones; returns it."""
        app = QCoreApplication.instance()
        for translator in self._installed:
            QCoreApplication.removeTranslator(translator)
        self._installed = []
        self.language = lang if lang in SUPPORTED else "en"
        QLocale.setDefault(QLocale(QLocale.Language.Dutch if self.language == "nl"
                                   else QLocale.Language.English))
        if self.language == "en":
            return self.language  # the source strings are English
        from PySide6.QtCore import QTranslator  # only for Dutch, so not before an English start

        own = QTranslator(app)
        if own.load(f"runbook_assistant_{self.language}", str(resources.translations_dir())):
            QCoreApplication.installTranslator(own)
            self._installed.append(own)
        else:
            log.warning("no translation for %s in %s", self.language, resources.translations_dir())
        for folder in _qt_translation_dirs():
            qt = QTranslator(app)
            if qt.load(f"qtbase_{self.language}", str(folder)):
                QCoreApplication.installTranslator(qt)
                self._installed.append(qt)
                break
        return self.language
