"""What the agent sees of the sync: a state, the local version, when it last worked, and why it did not."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from desktop.core.ui_text import QT_TRANSLATE_NOOP, UiText


class SyncState(StrEnum):
    NEVER = "never"  # no sync attempted yet
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    EMPTY = "empty"  # the folder is reachable but nothing was published yet
    OFFLINE = "offline"
    REJECTED = "rejected"  # damaged, tampered with, wrongly signed, or older than the local copy
    NEEDS_UPDATE = "needs_update"  # written by a newer Kuaida
    UNTRUSTED = "untrusted"  # signed by a key the agent has not confirmed yet


# `kuaida sync` exit codes; 1 and 2 stay with Python errors and argparse usage errors.
EXIT_CODES = {
    SyncState.UPDATED: 0, SyncState.UNCHANGED: 0, SyncState.EMPTY: 0, SyncState.NEVER: 0,
    SyncState.OFFLINE: 3, SyncState.REJECTED: 4, SyncState.NEEDS_UPDATE: 5, SyncState.UNTRUSTED: 6,
}
OFFLINE_RETRY_FIRST = 15.0
OFFLINE_RETRY_MAX = 300.0


def _text(source: str, *fields: str) -> UiText:
    return UiText("SyncStatus", source, fields)


@dataclass(frozen=True)
class StatusLine:
    """The sync status in words: `short` for the status button, `parts` joined with " · " for the full line."""

    short: UiText
    parts: tuple[UiText, ...]

    def full(self, translate: Callable[[str, str], str] | None = None) -> str:
        return " · ".join(part.format(translate) if translate else str(part) for part in self.parts)


@dataclass(frozen=True)
class SyncStatus:
    state: SyncState = SyncState.NEVER
    local_version: int | None = None
    remote_version: int | None = None
    reason: str = ""
    fingerprint: str = ""
    checked_at: dt.datetime | None = None  # this PC's clock: only ever compared with itself
    last_success_at: dt.datetime | None = None

    @property
    def ok(self) -> bool:
        return EXIT_CODES[self.state] == 0

    @property
    def key_to_confirm(self) -> str:
        """The fingerprint of a key waiting for the agent's confirmation: the first key of the team, or a
        new one the lead signs with (refused until confirmed); else empty."""
        return self.fingerprint if self.state in (SyncState.UNTRUSTED, SyncState.REJECTED) else ""

    @property
    def exit_code(self) -> int:
        return EXIT_CODES[self.state]

    def _local(self) -> UiText:
        if self.local_version is not None:
            return _text(QT_TRANSLATE_NOOP("SyncStatus", "使用本地副本 v%1"), str(self.local_version))
        return _text(QT_TRANSLATE_NOOP("SyncStatus", "使用内置短语库"))

    def line(self) -> StatusLine:
        """What the overlay's status button, its tooltip and the tray say, as texts the UI translates."""
        version = str(self.local_version)
        match self.state:
            case SyncState.UPDATED | SyncState.UNCHANGED:
                short = _text(QT_TRANSLATE_NOOP("SyncStatus", "团队库 v%1"), version)
                if self.last_success_at is None:
                    return StatusLine(short, (short,))
                when = _text(QT_TRANSLATE_NOOP("SyncStatus", "%1 已同步"), f"{self.last_success_at.astimezone():%H:%M}")
                return StatusLine(short, (short, when))
            case SyncState.EMPTY if self.local_version is None:
                # The usual first state of a new team, not a problem.
                short = _text(QT_TRANSLATE_NOOP("SyncStatus", "团队库：使用内置短语库"))
                return StatusLine(short, (short,))
            case SyncState.EMPTY:
                short = _text(QT_TRANSLATE_NOOP("SyncStatus", "共享文件夹中还没有团队库"))
                return StatusLine(short, (short, self._local()))
            case SyncState.OFFLINE:
                short = _text(QT_TRANSLATE_NOOP("SyncStatus", "离线"))
                return StatusLine(short, (short, self._local()))
            case SyncState.REJECTED:
                return StatusLine(_text(QT_TRANSLATE_NOOP("SyncStatus", "已拒绝更新")),
                                  (_text(QT_TRANSLATE_NOOP("SyncStatus", "已拒绝更新：%1"), self.reason),
                                   self._local()))
            case SyncState.NEEDS_UPDATE:
                return StatusLine(_text(QT_TRANSLATE_NOOP("SyncStatus", "请更新快答")),
                                  (_text(QT_TRANSLATE_NOOP("SyncStatus", "请更新快答：团队库格式较新")), self._local()))
            case SyncState.UNTRUSTED:
                short = _text(QT_TRANSLATE_NOOP("SyncStatus", "请确认团队密钥指纹 %1"), self.fingerprint)
                return StatusLine(short, (short,))
        short = _text(QT_TRANSLATE_NOOP("SyncStatus", "尚未同步"))
        return StatusLine(short, (short, self._local()))

    def text(self) -> str:
        """The whole line in Chinese, for the CLI and the diagnostics (the window translates `line()`)."""
        return self.line().full()

    def following(self, previous: SyncStatus) -> SyncStatus:
        """This outcome, keeping what the previous status knew (last success, local version) when it failed."""
        return replace(
            self,
            local_version=self.local_version if self.local_version is not None else previous.local_version,
            last_success_at=self.checked_at if self.ok and self.state is not SyncState.NEVER
            else previous.last_success_at,
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "state": self.state.value, "local_version": self.local_version, "remote_version": self.remote_version,
            "reason": self.reason, "fingerprint": self.fingerprint,
            "checked_at": self.checked_at.isoformat() if self.checked_at else None,
            "last_success_at": self.last_success_at.isoformat() if self.last_success_at else None,
        }

    @classmethod
    def from_json(cls, raw: dict[str, Any] | None) -> SyncStatus:
        if not raw:
            return cls()
        try:
            return cls(
                SyncState(raw["state"]), raw.get("local_version"), raw.get("remote_version"), raw.get("reason", ""),
                raw.get("fingerprint", ""), _time(raw.get("checked_at")), _time(raw.get("last_success_at")),
            )
        except (KeyError, ValueError):
            return cls()


def _time(value: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def retry_delay(state: SyncState, failures: int, interval: float) -> float:
    """Seconds until the next poll: the normal interval, or a quick-then-slower backoff while offline."""
    if state is not SyncState.OFFLINE or failures <= 0:
        return interval
    return min(OFFLINE_RETRY_MAX, OFFLINE_RETRY_FIRST * (1 << (failures - 1)))
