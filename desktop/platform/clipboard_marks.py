"""Clipboard formats that mark content as secret or "not for clipboard monitors", and the marks we put on ours.

Pure functions over a format list and a data getter (no Qt), so the rules are tested without a clipboard.
Qt shows Windows' registered formats as `application/x-qt-windows-mime;value="Name"`; macOS pasteboard
types show up with their UTI somewhere in the format string, so names are matched inside the format.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Iterable

WINDOWS_MIME = 'application/x-qt-windows-mime;value="{}"'
# Windows: content a password manager (or we) asked clipboard monitors and history to leave alone.
EXCLUDE_FROM_MONITORS = "ExcludeClipboardContentFromMonitorProcessing"
VIEWER_IGNORE = "Clipboard Viewer Ignore"
# Windows 10+: a DWORD 0 keeps the item out of clipboard history (Win+V) and cloud clipboard.
INCLUDE_IN_HISTORY = "CanIncludeInClipboardHistory"
UPLOAD_TO_CLOUD = "CanUploadToCloudClipboard"
# X11: KeePassXC and KDE set this to "secret".
KDE_PASSWORD_HINT = "x-kde-passwordManagerHint"
# macOS: the nspasteboard.org convention.
MAC_CONCEALED = "org.nspasteboard.ConcealedType"
# Our own writes, so the watcher skips them on every OS (Qt keeps custom formats across the round trip).
OWN_MARKER = "application/x-kuaida-own"

_PRESENCE_MARKS = (EXCLUDE_FROM_MONITORS, VIEWER_IGNORE, MAC_CONCEALED)
_DWORD_FLAGS = (INCLUDE_IN_HISTORY, UPLOAD_TO_CLOUD)

DataGetter = Callable[[str], bytes]


def is_own(formats: Iterable[str]) -> bool:
    return OWN_MARKER in formats


def is_marked_secret(formats: Iterable[str], data: DataGetter) -> bool:
    """True when the content says it must not be read by clipboard monitors (password managers and the like)."""
    for name in formats:
        if any(mark in name for mark in _PRESENCE_MARKS):
            return True
        if any(flag in name for flag in _DWORD_FLAGS) and _is_zero_dword(data(name)):
            return True
        if name == KDE_PASSWORD_HINT and data(name).strip().lower() == b"secret":
            return True
    return False


def own_write_marks(windows: bool) -> dict[str, bytes]:
    """Formats to add to every reply we write: our marker, and on Windows the history/monitor exclusions.

    A reply is not a secret, so no password hint on X11; it just should not pile up in clipboard history.
    """
    marks = {OWN_MARKER: b"1"}
    if windows:
        # Presence is what counts; some data anyway, because Windows will not hold an empty format.
        marks[WINDOWS_MIME.format(EXCLUDE_FROM_MONITORS)] = struct.pack("<I", 0)
        marks[WINDOWS_MIME.format(INCLUDE_IN_HISTORY)] = struct.pack("<I", 0)
        marks[WINDOWS_MIME.format(UPLOAD_TO_CLOUD)] = struct.pack("<I", 0)
    return marks


def _is_zero_dword(value: bytes) -> bool:
    # Only an explicit 0 excludes; a missing or odd-sized value says nothing.
    return len(value) >= 4 and struct.unpack("<I", value[:4])[0] == 0
