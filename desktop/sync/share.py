"""Which folder is the team's share: the `shared_folder` setting, else a local stand-in in the data folder."""

from __future__ import annotations

from pathlib import Path

from desktop.paths import Paths
from desktop.settings import Settings


def team_folder_path(settings: Settings, paths: Paths) -> Path:
    configured = settings.get("shared_folder").strip()
    return Path(configured).expanduser() if configured else paths.local_share
