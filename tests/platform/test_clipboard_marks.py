"""Which clipboard formats mark content as secret or as ours."""

from __future__ import annotations

import struct

import pytest

from desktop.platform.clipboard_marks import (
    INCLUDE_IN_HISTORY,
    OWN_MARKER,
    WINDOWS_MIME,
    is_marked_secret,
    is_own,
    own_write_marks,
)


def secret(formats: dict[str, bytes]) -> bool:
    return is_marked_secret(list(formats), formats.__getitem__)


@pytest.mark.parametrize(
    "formats",
    [
        {"text/plain": b"x", WINDOWS_MIME.format("ExcludeClipboardContentFromMonitorProcessing"): b""},
        {"text/plain": b"x", WINDOWS_MIME.format("Clipboard Viewer Ignore"): b""},
        {"text/plain": b"x", WINDOWS_MIME.format("CanIncludeInClipboardHistory"): struct.pack("<I", 0)},
        {"text/plain": b"x", WINDOWS_MIME.format("CanUploadToCloudClipboard"): struct.pack("<I", 0)},
        {"text/plain": b"x", "x-kde-passwordManagerHint": b"secret"},
        {"text/plain": b"x", 'application/x-qt-mime-type-name;value="org.nspasteboard.ConcealedType"': b""},
    ],
)
def test_monitor_exclusions_are_secret(formats):
    assert secret(formats)


@pytest.mark.parametrize(
    "formats",
    [
        {"text/plain": b"x"},
        {"text/plain": b"x", WINDOWS_MIME.format(INCLUDE_IN_HISTORY): struct.pack("<I", 1)},
        {"text/plain": b"x", WINDOWS_MIME.format(INCLUDE_IN_HISTORY): b""},
        {"text/plain": b"x", "x-kde-passwordManagerHint": b"public"},
    ],
)
def test_ordinary_content_is_not_secret(formats):
    assert not secret(formats)


def test_own_writes_carry_the_marker_and_on_windows_the_history_exclusions():
    assert is_own(own_write_marks(windows=False))
    assert list(own_write_marks(windows=False)) == [OWN_MARKER]
    windows = own_write_marks(windows=True)
    assert is_own(windows)
    assert secret({k: v for k, v in windows.items() if k != OWN_MARKER})
