"""One sentence for the agent about a failure nobody handled more specifically: a full disk, a folder that
cannot be written, a share that does not answer. The CLI prints it instead of a traceback and the window's
task runner shows it (desktop/ui/runtime/tasks.py), so both say the same thing. No Qt here."""

from __future__ import annotations

import errno
import sqlite3

_NO_SPACE = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
_NOT_ALLOWED = {errno.EACCES, errno.EPERM, errno.EROFS}


def failure_message(error: BaseException) -> str:
    """What went wrong, in Simplified Chinese, for an error that reached the top without its own handling."""
    text = str(error)
    if isinstance(error, sqlite3.OperationalError):
        if "disk is full" in text:
            return "磁盘空间不足，没有保存。请清理磁盘后重试。"
        if "readonly" in text or "read-only" in text:
            return "数据文件夹是只读的，没有保存。请检查文件夹权限，或用 --data-dir 指定其他位置。"
    if isinstance(error, TimeoutError):
        return text if _is_chinese(text) else "共享文件夹无响应，请稍后再试。"
    if isinstance(error, OSError):
        where = f"：{error.filename}" if error.filename else ""
        if error.errno in _NO_SPACE:
            return f"磁盘空间不足，没有保存{where}。请清理磁盘后重试。"
        if error.errno in _NOT_ALLOWED or isinstance(error, PermissionError):
            return f"没有权限写入{where or '数据文件夹'}。请检查文件夹权限，或用 --data-dir 指定其他位置。"
        return f"读写文件时出错{where}（{error.strerror or type(error).__name__}）。"
    if _is_chinese(text):
        return text  # our own errors (StoreError, TabularError, CellError …) already speak to the agent
    return f"操作失败（{type(error).__name__}），详情见日志。"


def _is_chinese(text: str) -> bool:
    return any("\u4e00" <= char <= "\u9fff" for char in text)
