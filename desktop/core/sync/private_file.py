"""Files only their owner may read (the team's private key): mode 0600 on POSIX, an owner-only ACL on Windows.

On Windows `os.open(..., 0o600)` only decides the read-only flag; who may read the file is the folder's
inherited ACL (often every user of the PC, or the whole team on a share). So there the file gets a protected
DACL (no inherited entries) with one entry: full control for the user who created it.
"""

from __future__ import annotations

import ctypes
import os
import stat
import sys
from pathlib import Path
from typing import Any

_SE_FILE_OBJECT = 1
_OWNER_SECURITY_INFORMATION = 0x1
_DACL_SECURITY_INFORMATION = 0x4
_PROTECTED_DACL_SECURITY_INFORMATION = 0x80000000
_SE_DACL_PROTECTED = 0x1000
_ACL_REVISION = 2
_ACCESS_ALLOWED_ACE_TYPE = 0
_FILE_ALL_ACCESS = 0x1F01FF
_TOKEN_QUERY = 0x8
_TOKEN_USER = 1


def create_private_file(path: Path, data: bytes) -> None:
    """Create `path` (never replacing an existing file: FileExistsError) readable by its owner alone, then
    write `data`. The file is made private before the secret is written into it."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        if sys.platform == "win32":
            try:
                _restrict_to_owner(path)
            except OSError:
                os.close(fd)
                fd = -1
                path.unlink()
                raise
        with os.fdopen(fd, "wb") as out:
            fd = -1
            out.write(data)
    finally:
        if fd != -1:
            os.close(fd)


def is_private(path: Path) -> bool:
    """Whether only the file's owner may read it (what `create_private_file` makes). Under Wine, which keeps
    no ACLs on files but derives them from the Unix mode, a Windows answer means nothing (`under_wine`)."""
    if sys.platform == "win32":
        return _owner_only_acl(path)
    return stat.S_IMODE(path.stat().st_mode) & 0o077 == 0


def under_wine() -> bool:
    """Whether this is Windows code running under Wine (ntdll exports wine_get_version there)."""
    if sys.platform != "win32":
        return False
    ntdll: Any = ctypes.WinDLL("ntdll")
    return hasattr(ntdll, "wine_get_version")


# Windows ---------------------------------------------------------------------------------------------------
def _api() -> tuple[Any, Any]:
    from ctypes import wintypes

    advapi32: Any = ctypes.WinDLL("advapi32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32: Any = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    pointer = ctypes.c_void_p
    advapi32.OpenProcessToken.argtypes = [wintypes.HANDLE, wintypes.DWORD, ctypes.POINTER(wintypes.HANDLE)]
    advapi32.OpenProcessToken.restype = wintypes.BOOL
    advapi32.GetTokenInformation.argtypes = [wintypes.HANDLE, ctypes.c_int, pointer, wintypes.DWORD,
                                             ctypes.POINTER(wintypes.DWORD)]
    advapi32.GetTokenInformation.restype = wintypes.BOOL
    advapi32.GetLengthSid.argtypes = [pointer]
    advapi32.GetLengthSid.restype = wintypes.DWORD
    advapi32.EqualSid.argtypes = [pointer, pointer]
    advapi32.EqualSid.restype = wintypes.BOOL
    advapi32.InitializeAcl.argtypes = [pointer, wintypes.DWORD, wintypes.DWORD]
    advapi32.InitializeAcl.restype = wintypes.BOOL
    advapi32.AddAccessAllowedAce.argtypes = [pointer, wintypes.DWORD, wintypes.DWORD, pointer]
    advapi32.AddAccessAllowedAce.restype = wintypes.BOOL
    advapi32.GetAce.argtypes = [pointer, wintypes.DWORD, ctypes.POINTER(pointer)]
    advapi32.GetAce.restype = wintypes.BOOL
    advapi32.SetNamedSecurityInfoW.argtypes = [wintypes.LPWSTR, ctypes.c_int, wintypes.DWORD, pointer, pointer,
                                               pointer, pointer]
    advapi32.SetNamedSecurityInfoW.restype = wintypes.DWORD
    advapi32.GetNamedSecurityInfoW.argtypes = [wintypes.LPCWSTR, ctypes.c_int, wintypes.DWORD,
                                               ctypes.POINTER(pointer), ctypes.POINTER(pointer),
                                               ctypes.POINTER(pointer), ctypes.POINTER(pointer),
                                               ctypes.POINTER(pointer)]
    advapi32.GetNamedSecurityInfoW.restype = wintypes.DWORD
    advapi32.GetSecurityDescriptorControl.argtypes = [pointer, ctypes.POINTER(wintypes.WORD),
                                                      ctypes.POINTER(wintypes.DWORD)]
    advapi32.GetSecurityDescriptorControl.restype = wintypes.BOOL
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    kernel32.LocalFree.argtypes = [pointer]
    kernel32.LocalFree.restype = pointer
    return advapi32, kernel32


def _check(ok: object) -> None:
    if not ok:
        raise ctypes.WinError(ctypes.get_last_error())  # type: ignore[attr-defined]


def _current_user_sid(advapi32: Any, kernel32: Any) -> ctypes.Array[ctypes.c_char]:
    """The TOKEN_USER of this process; its first field points at the user's SID inside the same buffer."""
    from ctypes import wintypes

    token = wintypes.HANDLE()
    _check(advapi32.OpenProcessToken(kernel32.GetCurrentProcess(), _TOKEN_QUERY, ctypes.byref(token)))
    try:
        size = wintypes.DWORD()
        advapi32.GetTokenInformation(token, _TOKEN_USER, None, 0, ctypes.byref(size))
        buffer = ctypes.create_string_buffer(size.value)
        _check(advapi32.GetTokenInformation(token, _TOKEN_USER, buffer, size, ctypes.byref(size)))
    finally:
        kernel32.CloseHandle(token)
    return buffer


def _sid_of(token_user: ctypes.Array[ctypes.c_char]) -> int:
    sid: int = ctypes.cast(token_user, ctypes.POINTER(ctypes.c_void_p))[0]  # the SID's address
    return sid


def _owner_only_dacl(advapi32: Any, kernel32: Any) -> ctypes.Array[ctypes.c_char]:
    """A DACL with one entry: full control for the user running this process."""
    sid = _sid_of(_current_user_sid(advapi32, kernel32))
    # ACL header (8 bytes) + one ACCESS_ALLOWED_ACE (header 4, mask 4, then the SID), DWORD-aligned.
    size = (8 + 8 + advapi32.GetLengthSid(sid) + 3) & ~3
    acl = ctypes.create_string_buffer(size)
    _check(advapi32.InitializeAcl(acl, size, _ACL_REVISION))
    _check(advapi32.AddAccessAllowedAce(acl, _ACL_REVISION, _FILE_ALL_ACCESS, sid))
    return acl


def _admits_only_current_user(advapi32: Any, kernel32: Any, dacl: int) -> bool:
    token_user = _current_user_sid(advapi32, kernel32)
    ace_count = int(ctypes.cast(dacl, ctypes.POINTER(ctypes.c_uint16))[2])  # ACL: revision, sbz1, size, count
    for index in range(ace_count):
        ace = ctypes.c_void_p()
        _check(advapi32.GetAce(dacl, index, ctypes.byref(ace)))
        ace_type = ctypes.cast(ace, ctypes.POINTER(ctypes.c_ubyte))[0]
        ace_sid = (ace.value or 0) + 8  # after the ACE header and the access mask
        if ace_type == _ACCESS_ALLOWED_ACE_TYPE and not advapi32.EqualSid(ace_sid, _sid_of(token_user)):
            return False
    return ace_count > 0


def owner_only_dacl_is_sound() -> bool:
    """Windows: whether the DACL `create_private_file` sets admits the current user alone (testable under
    Wine, which cannot keep it on the file)."""
    advapi32, kernel32 = _api()
    acl = _owner_only_dacl(advapi32, kernel32)
    return _admits_only_current_user(advapi32, kernel32, ctypes.addressof(acl))


def _restrict_to_owner(path: Path) -> None:
    advapi32, kernel32 = _api()
    acl = _owner_only_dacl(advapi32, kernel32)
    error = advapi32.SetNamedSecurityInfoW(
        str(path), _SE_FILE_OBJECT, _DACL_SECURITY_INFORMATION | _PROTECTED_DACL_SECURITY_INFORMATION,
        None, None, acl, None,
    )
    if error:
        raise ctypes.WinError(error)  # type: ignore[attr-defined]


def _owner_only_acl(path: Path) -> bool:
    from ctypes import wintypes

    advapi32, kernel32 = _api()
    dacl, descriptor = ctypes.c_void_p(), ctypes.c_void_p()
    error = advapi32.GetNamedSecurityInfoW(str(path), _SE_FILE_OBJECT, _DACL_SECURITY_INFORMATION, None, None,
                                           ctypes.byref(dacl), None, ctypes.byref(descriptor))
    if error:
        raise ctypes.WinError(error)  # type: ignore[attr-defined]
    try:
        control, revision = wintypes.WORD(), wintypes.DWORD()
        _check(advapi32.GetSecurityDescriptorControl(descriptor, ctypes.byref(control), ctypes.byref(revision)))
        if not dacl.value or not control.value & _SE_DACL_PROTECTED:
            return False  # no DACL at all is "everyone", an unprotected one inherits the folder's entries
        return _admits_only_current_user(advapi32, kernel32, dacl.value)
    finally:
        kernel32.LocalFree(descriptor)
