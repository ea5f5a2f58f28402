"""Which folder is the team's share: the `shared_folder` setting, else a local stand-in in the data folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText
from desktop.paths import Paths
from desktop.settings import Settings
from desktop.sync.folder import ShareOfflineError, TeamFolder

CONTEXT = "FolderCheck"  # written out in each QT_TRANSLATE_NOOP below: lupdate reads literals only


def configured_share(settings: Settings) -> Path | None:
    """The team folder IT or the agent set; None when Kuaida falls back to its local stand-in."""
    configured = settings.get("shared_folder").strip()
    return Path(configured).expanduser() if configured else None


def team_folder_path(settings: Settings, paths: Paths) -> Path:
    configured = configured_share(settings)
    if configured is not None:
        return configured
    # The stand-in is a local folder we own: it exists, so an unpublished one reads as "empty", not "offline".
    paths.local_share.mkdir(parents=True, exist_ok=True)
    return paths.local_share


@dataclass(frozen=True)
class FolderCheck:
    """What a look at a chosen shared folder found: usable at all, and whether a lead has published there."""

    usable: bool
    has_library: bool
    message: UiText


def check_share_folder(path: Path) -> FolderCheck:
    """Can this folder be the team's share? Reads only (agents may not write the folder's top level); may hang
    on a dead network path, so callers run it off the UI thread with a timeout."""
    folder = TeamFolder(path)
    try:
        folder.require_reachable()
        next(path.iterdir(), None)  # a folder we may not list is as useless as a missing one
        has_library = folder.manifest.is_file()
    except OSError as error:
        if isinstance(error, ShareOfflineError):
            return FolderCheck(False, False, UiText(CONTEXT, QT_TRANSLATE_NOOP("FolderCheck", "共享文件夹不可用：%1"),
                                                    (str(path),)))
        return FolderCheck(False, False, UiText(CONTEXT, QT_TRANSLATE_NOOP("FolderCheck", "无法读取 %1：%2"),
                                                (str(path), str(error.strerror or error))))
    if has_library:
        return FolderCheck(True, True, UiText(CONTEXT, QT_TRANSLATE_NOOP("FolderCheck", "已找到团队库")))
    return FolderCheck(True, False, UiText(CONTEXT, QT_TRANSLATE_NOOP(
        "FolderCheck", "可以使用；这里还没有团队库（主管发布后即可同步）")))
