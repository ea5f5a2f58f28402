"""Between Python's wall-clock `datetime` and Qt's `QDateTime` (date-time editors), typed both ways."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QDateTime, QTime


def to_qdatetime(moment: dt.datetime) -> QDateTime:
    """A naive wall-clock time as Qt's local `QDateTime` (what passing the datetime to QDateTime does)."""
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute, moment.second, moment.microsecond // 1000))


def from_qdatetime(value: QDateTime) -> dt.datetime:
    moment = value.toPython()
    if not isinstance(moment, dt.datetime):  # toPython() is typed `object`; a QDateTime always gives a datetime
        raise TypeError(f"QDateTime.toPython() gave {type(moment).__name__}")
    return moment
