"""Interface language: Simplified Chinese is the source text; English comes from resources/i18n/kuaida_en.qm.

One retranslation path: installing or removing a translator makes Qt send `QEvent.LanguageChange` to every
widget (a widget passes it on to its child objects). A widget retranslates its own texts in `changeEvent`;
an object that is not a widget (the tray, a feature's menu actions) follows a widget it belongs to through a
`LanguageChangeRelay` (desktop/ui/widgets/language.py, beside the helpers that say Qt-free texts). Nothing
listens to the `language` setting except `Appearance`, which swaps the translators installed here.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
# Qt's own texts (the Yes/No/OK/Cancel/Save of message boxes and dialog button boxes) are English in Qt; for
# Chinese, Qt's qtbase translation is installed beside ours (the bundle keeps it: installer/qt_trim.py).
QT_TRANSLATIONS = {"zh_CN": "qtbase_zh_CN.qm"}


def qt_translation_file(language: str) -> Path | None:
    """Qt's own translation for `language` (None for English, Qt's source language, or when it is missing).

    Qt's folder first (PySide6 tells Qt where it is installed, in the PyInstaller bundle too), then the two
    places PySide6 wheels put it (PySide6/Qt/translations on Linux and macOS, PySide6/translations on Windows).
    The self-test checks that the bundle has it."""
    name = QT_TRANSLATIONS.get(language)
    if name is None:
        return None
    import PySide6

    package = Path(PySide6.__file__).parent
    for folder in (Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
                   package / "Qt" / "translations", package / "translations"):
        if (folder / name).is_file():
            return folder / name
    return None


class Translations:
    """Installs the translators for the chosen language; switching emits LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translators: list[QTranslator] = []
        self._qm: list[bytes] = []  # QTranslator reads the loaded data in place: it must outlive the translator
        self.language = "zh_CN"

    def apply(self, language: str) -> bool:
        """Switch to `language`; False when its translation is missing (the UI stays Chinese)."""
        self.remove()
        if language not in LANGUAGES or language == "zh_CN":
            self._install_qt("zh_CN")
            return language == "zh_CN"
        from importlib import resources  # only when a translation is needed: it costs start-up time

        data = resources.files("desktop.resources").joinpath(f"i18n/kuaida_{language}.qm")
        qm = data.read_bytes() if data.is_file() else b""
        if not qm or not self._install(qm):
            log.warning("no translation for %s; staying with Chinese", language)
            self._install_qt("zh_CN")
            return False
        self._install_qt(language)
        self.language = language
        return True

    def remove(self) -> None:
        """Back to the source texts (Chinese for ours, English for Qt's); the app does this when it closes."""
        for translator in self._translators:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._translators.clear()
        self._qm.clear()
        self.language = "zh_CN"

    def _install_qt(self, language: str) -> None:
        if language not in QT_TRANSLATIONS:
            return
        path = qt_translation_file(language)
        try:
            qm = path.read_bytes() if path is not None else b""
        except OSError:
            qm = b""
        if not qm or not self._install(qm):  # a trimmed or unusual Qt: its buttons stay English, nothing else
            log.warning("Qt's own %s translation is missing; standard buttons stay English", language)

    def _install(self, qm: bytes) -> bool:
        translator = QTranslator(self._app)
        if not translator.load(qm):
            translator.deleteLater()
            return False
        self._qm.append(qm)
        # The app (its parent) keeps the translator after this object is gone; the data it reads in place must
        # stay with it, or the next tr() reads freed memory (an access violation on Windows).
        translator.loaded_data = qm  # type: ignore[attr-defined]
        self._translators.append(translator)
        self._app.installTranslator(translator)
        return True
