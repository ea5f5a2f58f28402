"""A stand-in for a password manager: owns the X11 clipboard with text marked secret, says when it is read.

Run by the end-to-end tests as its own process (`python clipboard_owner.py TEXT`). It prints "owned" once it
owns the clipboard and "served FORMAT" each time another program fetches a format, then runs until killed.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QByteArray, QMimeData
from PySide6.QtWidgets import QApplication


class ReportingMimeData(QMimeData):
    def retrieveData(self, mime_type: str, preferred_type: object) -> object:
        print(f"served {mime_type}", flush=True)
        return super().retrieveData(mime_type, preferred_type)


def main() -> int:
    app = QApplication(sys.argv[:1])
    mime = ReportingMimeData()
    mime.setText(sys.argv[1])
    mime.setData("x-kde-passwordManagerHint", QByteArray(b"secret"))
    app.clipboard().setMimeData(mime)
    print("owned", flush=True)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
