"""Interface language: Simplified Chinese is the source text; English comes from resources/i18n/kuaida_en.qm."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QTranslator

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")


class Translations:
    """Installs the translator for the chosen language; switching emits LanguageChange to every widget."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._translator: QTranslator | None = None
        self._qm: bytes = b""  # QTranslator reads the loaded data in place: it must outlive the translator
        self.language = "zh_CN"

    def apply(self, language: str) -> bool:
        """Switch to `language`; False when its translation is missing (the UI stays Chinese)."""
        if self._translator is not None:
            self._app.removeTranslator(self._translator)
            self._translator = None
        self.language = "zh_CN"
        if language not in LANGUAGES or language == "zh_CN":
            return language == "zh_CN"
        from importlib import resources  # only when a translation is needed: it costs start-up time

        data = resources.files("desktop.resources").joinpath(f"i18n/kuaida_{language}.qm")
        translator = QTranslator(self._app)
        qm = data.read_bytes() if data.is_file() else b""
        if not qm or not translator.load(qm):
            log.warning("no translation for %s; staying with Chinese", language)
            return False
        self._qm = qm
        self._app.installTranslator(translator)
        self._translator = translator
        self.language = language
        return True
