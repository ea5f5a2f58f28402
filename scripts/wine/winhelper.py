"""Win32 helper run by Wine's Windows Python for gui_loop.sh: the clipboard, the stand-in chat client (Wine's
notepad) and the window that has the focus, all through user32 as a Windows program sees them.

    python winhelper.py setclip TEXT        put TEXT on the clipboard as CF_UNICODETEXT (a copy in another app)
    python winhelper.py getclip             {"text": ..., "formats": [...]}
    python winhelper.py state               {"notepad": hwnd, "edit_text": ..., "foreground": {...}, "kuaida": [...]}
    python winhelper.py clear               empty notepad's edit control
    python winhelper.py focus-notepad       SetForegroundWindow(notepad)
    python winhelper.py setclip-secret TEXT as a password manager copies: CF_UNICODETEXT plus the registered
                                            formats ExcludeClipboardContentFromMonitorProcessing and
                                            CanIncludeInClipboardHistory = DWORD 0
    python winhelper.py hold-hotkey         RegisterHotKey(Alt+Q) and keep it (another program holding
                                            Kuaida's show key) until killed; prints once registered

Prints one JSON line (UTF-8).
"""

from __future__ import annotations

import ctypes
import json
import sys
import time
from ctypes import wintypes

user32 = ctypes.WinDLL("user32", use_last_error=True)
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)

CF_UNICODETEXT = 13
GMEM_MOVEABLE = 0x0002
WM_GETTEXT, WM_GETTEXTLENGTH, WM_SETTEXT = 0x000D, 0x000E, 0x000C
GWL_STYLE, GWL_EXSTYLE = -16, -20
EX_STYLES = {"WS_EX_TOPMOST": 0x8, "WS_EX_TOOLWINDOW": 0x80, "WS_EX_NOACTIVATE": 0x08000000,
             "WS_EX_APPWINDOW": 0x40000, "WS_EX_LAYERED": 0x80000}

user32.OpenClipboard.argtypes = [wintypes.HWND]
user32.SetClipboardData.argtypes = [wintypes.UINT, wintypes.HANDLE]
user32.SetClipboardData.restype = wintypes.HANDLE
user32.GetClipboardData.argtypes = [wintypes.UINT]
user32.GetClipboardData.restype = wintypes.HANDLE
user32.EnumClipboardFormats.argtypes = [wintypes.UINT]
user32.EnumClipboardFormats.restype = wintypes.UINT
user32.GetClipboardFormatNameW.argtypes = [wintypes.UINT, wintypes.LPWSTR, ctypes.c_int]
user32.FindWindowW.argtypes = [wintypes.LPCWSTR, wintypes.LPCWSTR]
user32.FindWindowW.restype = wintypes.HWND
user32.FindWindowExW.argtypes = [wintypes.HWND, wintypes.HWND, wintypes.LPCWSTR, wintypes.LPCWSTR]
user32.FindWindowExW.restype = wintypes.HWND
user32.SendMessageW.argtypes = [wintypes.HWND, wintypes.UINT, wintypes.WPARAM, wintypes.LPARAM]
user32.SendMessageW.restype = ctypes.c_ssize_t
user32.GetForegroundWindow.restype = wintypes.HWND
user32.GetWindowTextW.argtypes = [wintypes.HWND, wintypes.LPWSTR, ctypes.c_int]
user32.GetClassNameW.argtypes = [wintypes.HWND, wintypes.LPWSTR, ctypes.c_int]
user32.GetWindowLongPtrW.argtypes = [wintypes.HWND, ctypes.c_int]
user32.GetWindowLongPtrW.restype = ctypes.c_ssize_t
user32.GetWindowThreadProcessId.argtypes = [wintypes.HWND, ctypes.POINTER(wintypes.DWORD)]
user32.IsWindowVisible.argtypes = [wintypes.HWND]
user32.SetForegroundWindow.argtypes = [wintypes.HWND]
user32.GetWindowRect.argtypes = [wintypes.HWND, ctypes.POINTER(wintypes.RECT)]
user32.GetClipboardSequenceNumber.restype = wintypes.DWORD
kernel32.GlobalAlloc.argtypes = [wintypes.UINT, ctypes.c_size_t]
kernel32.GlobalAlloc.restype = wintypes.HGLOBAL
kernel32.GlobalLock.argtypes = [wintypes.HGLOBAL]
kernel32.GlobalLock.restype = ctypes.c_void_p
kernel32.GlobalUnlock.argtypes = [wintypes.HGLOBAL]
kernel32.GlobalSize.argtypes = [wintypes.HGLOBAL]
kernel32.GlobalSize.restype = ctypes.c_size_t
EnumWindowsProc = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)


def _open_clipboard() -> None:
    for _ in range(50):  # another program may hold it open for a moment
        if user32.OpenClipboard(None):
            return
        time.sleep(0.02)
    raise OSError(ctypes.get_last_error(), "OpenClipboard failed")


def set_clipboard(text: str) -> dict:
    data = (text + "\0").encode("utf-16-le")
    handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, len(data))
    pointer = kernel32.GlobalLock(handle)
    ctypes.memmove(pointer, data, len(data))
    kernel32.GlobalUnlock(handle)
    _open_clipboard()
    try:
        user32.EmptyClipboard()
        if not user32.SetClipboardData(CF_UNICODETEXT, handle):
            raise OSError(ctypes.get_last_error(), "SetClipboardData failed")
    finally:
        user32.CloseClipboard()
    return {"set": text, "sequence": user32.GetClipboardSequenceNumber()}


def _global_bytes(data: bytes) -> int:
    handle = kernel32.GlobalAlloc(GMEM_MOVEABLE, len(data))
    pointer = kernel32.GlobalLock(handle)
    ctypes.memmove(pointer, data, len(data))
    kernel32.GlobalUnlock(handle)
    return handle


def set_secret_clipboard(text: str) -> dict:
    user32.RegisterClipboardFormatW.argtypes = [wintypes.LPCWSTR]
    user32.RegisterClipboardFormatW.restype = wintypes.UINT
    exclude = user32.RegisterClipboardFormatW("ExcludeClipboardContentFromMonitorProcessing")
    history = user32.RegisterClipboardFormatW("CanIncludeInClipboardHistory")
    _open_clipboard()
    try:
        user32.EmptyClipboard()
        user32.SetClipboardData(CF_UNICODETEXT, _global_bytes((text + "\0").encode("utf-16-le")))
        user32.SetClipboardData(exclude, _global_bytes(b"\0\0\0\0"))
        user32.SetClipboardData(history, _global_bytes(b"\0\0\0\0"))
    finally:
        user32.CloseClipboard()
    return {"set": text, "marked": True, "sequence": user32.GetClipboardSequenceNumber()}


def hold_hotkey() -> dict:
    mod_alt, mod_norepeat = 0x1, 0x4000
    if not user32.RegisterHotKey(None, 1, mod_alt | mod_norepeat, ord("Q")):
        return {"held": False, "error": ctypes.get_last_error()}
    print(json.dumps({"held": "Alt+Q"}), flush=True)
    msg = wintypes.MSG()
    while user32.GetMessageW(ctypes.byref(msg), None, 0, 0) > 0:
        pass
    return {"held": "released"}


def get_clipboard() -> dict:
    _open_clipboard()
    try:
        formats, fmt = [], 0
        while fmt := user32.EnumClipboardFormats(fmt):
            buffer = ctypes.create_unicode_buffer(256)
            named = user32.GetClipboardFormatNameW(fmt, buffer, 256)
            formats.append(buffer.value if named else fmt)
        text = None
        handle = user32.GetClipboardData(CF_UNICODETEXT)
        if handle:
            pointer = kernel32.GlobalLock(handle)
            text = ctypes.wstring_at(pointer)
            kernel32.GlobalUnlock(handle)
    finally:
        user32.CloseClipboard()
    return {"text": text, "formats": formats, "sequence": user32.GetClipboardSequenceNumber()}


def _window_info(hwnd: int) -> dict:
    if not hwnd:
        return {"hwnd": 0}
    title, cls = ctypes.create_unicode_buffer(512), ctypes.create_unicode_buffer(256)
    user32.GetWindowTextW(hwnd, title, 512)
    user32.GetClassNameW(hwnd, cls, 256)
    pid = wintypes.DWORD()
    user32.GetWindowThreadProcessId(hwnd, ctypes.byref(pid))
    ex = user32.GetWindowLongPtrW(hwnd, GWL_EXSTYLE)
    rect = wintypes.RECT()
    user32.GetWindowRect(hwnd, ctypes.byref(rect))
    return {"hwnd": int(hwnd), "title": title.value, "class": cls.value, "pid": pid.value,
            "ex_styles": [name for name, bit in EX_STYLES.items() if ex & bit],
            "rect": [rect.left, rect.top, rect.right, rect.bottom]}


def _notepad() -> tuple[int, int]:
    main = user32.FindWindowW("Notepad", None) or 0
    edit = user32.FindWindowExW(main, None, "Edit", None) or 0 if main else 0
    return int(main), int(edit)


def _edit_text(edit: int) -> str | None:
    if not edit:
        return None
    length = user32.SendMessageW(edit, WM_GETTEXTLENGTH, 0, 0)
    buffer = ctypes.create_unicode_buffer(length + 1)
    user32.SendMessageW(edit, WM_GETTEXT, length + 1, ctypes.addressof(buffer))
    return buffer.value


def _kuaida_windows() -> list[dict]:
    found = []

    def visit(hwnd: int, _lparam: int) -> bool:
        title = ctypes.create_unicode_buffer(256)
        user32.GetWindowTextW(hwnd, title, 256)
        if "Kuaida" in title.value or "快答" in title.value:
            info = _window_info(hwnd)
            info["visible"] = bool(user32.IsWindowVisible(hwnd))
            found.append(info)
        return True

    user32.EnumWindows(EnumWindowsProc(visit), 0)
    return found


def state() -> dict:
    main, edit = _notepad()
    foreground = int(user32.GetForegroundWindow() or 0)
    return {"notepad": main, "edit_text": _edit_text(edit), "foreground": _window_info(foreground),
            "notepad_has_focus": bool(main) and foreground == main, "kuaida": _kuaida_windows()}


def clear() -> dict:
    _main, edit = _notepad()
    if edit:
        user32.SendMessageW(edit, WM_SETTEXT, 0, ctypes.addressof(ctypes.create_unicode_buffer("")))
    return {"cleared": bool(edit)}


def focus_notepad() -> dict:
    main, _edit = _notepad()
    return {"focused": bool(main and user32.SetForegroundWindow(main))}


def main() -> int:
    sys.stdout.reconfigure(encoding="utf-8")
    command, *args = sys.argv[1:]
    actions = {"setclip": lambda: set_clipboard(args[0]), "getclip": get_clipboard, "state": state,
               "clear": clear, "focus-notepad": focus_notepad,
               "setclip-secret": lambda: set_secret_clipboard(args[0]), "hold-hotkey": hold_hotkey}
    print(json.dumps(actions[command](), ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
