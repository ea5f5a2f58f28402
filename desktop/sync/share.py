"""Which folder is the team's share: the `shared_folder` setting, else a local stand-in in the data folder."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import Paths
from desktop.settings import Settings


def team_folder_path(settings: Settings, paths: Paths) -> Path:
    configured = settings.get("shared_folder").strip()
    if configured:
        return Path(configured).expanduser()
    # The stand-in is a local folder we own: it exists, so an unpublished one reads as "empty", not "offline".
    paths.local_share.mkdir(parents=True, exist_ok=True)
    return paths.local_share
