"""Every place Kuaida reads or writes on disk, derived from one home folder.

The home is chosen once: `--data-dir` on the command line, else `KUAIDA_HOME`, else the platform's
per-user local data folder (never a roaming one: the database must not travel with a Windows profile).
Tests always point it at a temporary folder.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

HOME_ENV = "KUAIDA_HOME"


def default_home() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(base) / "Kuaida"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Kuaida"
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "kuaida"


def resolve_home(data_dir: str | os.PathLike[str] | None = None) -> Path:
    if data_dir:
        return Path(data_dir).expanduser()
    if env := os.environ.get(HOME_ENV):
        return Path(env).expanduser()
    return default_home()


@dataclass(frozen=True)
class Paths:
    """The layout below one home folder. Creating a `Paths` touches nothing; `ensure()` makes folders."""

    home: Path

    @property
    def database(self) -> Path:
        return self.home / "kuaida.sqlite3"

    @property
    def backups(self) -> Path:
        return self.home / "backups"

    @property
    def settings_file(self) -> Path:
        return self.home / "settings.json"

    @property
    def logs(self) -> Path:
        return self.home / "logs"

    @property
    def cache(self) -> Path:
        return self.home / "cache"

    @property
    def local_share(self) -> Path:
        """The local folder that stands in for the team's network share until IT or the lead sets one."""
        return self.home / "team-share"

    def ensure(self) -> Paths:
        for folder in (self.home, self.backups, self.logs, self.cache):
            folder.mkdir(parents=True, exist_ok=True)
        return self

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> Paths:
        return cls(resolve_home(data_dir))
