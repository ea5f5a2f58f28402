"""发布 and 查看改动: what the draft changes against the published library, the checks before publishing
(the team's key, phrases that cannot be published, sensitive words), the lead's confirmation, the write to
the share (I/O pool, bounded) and the lead's own copy following it (DB worker, `services.team`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.core.sync.diff import LibraryDiff, diff_libraries
from desktop.core.sync.keys import PublicKey, SigningKey
from desktop.core.sync.pack import TeamLibrary
from desktop.services.context import Services
from desktop.services.team import (
    MirroredLibrary,
    is_foreign_key,
    mirror_published,
    publish_library,
    publisher_name,
)
from desktop.settings import SettingsReader
from desktop.store.team import TeamRepository
from desktop.sync.publish import PublishRefusedError, PublishResult
from desktop.ui.runtime.tasks import PUBLISH_TIMEOUT_MS, IoTimeoutError, Runner
from desktop.ui.team.editor.phrase_model import DraftPhraseModel

Confirm = Callable[[str, str, str], bool]  # (title, text, accept-button label) -> accepted?


class Publishing(QObject):
    """Signals: `published(int)` once the new version is on the share *and* in the lead's own store (the
    moment to reload what the lead's window suggests from); `started()` and `finished()` around the write;
    `status_reported(str)`; `phrase_to_fix(str)`, the phrase that kept a publish from starting."""

    published = Signal(int)
    started = Signal()
    finished = Signal()
    status_reported = Signal(str)
    phrase_to_fix = Signal(str)

    def __init__(self, runner: Runner, settings: SettingsReader, folder: Callable[[], Path],
                 model: DraftPhraseModel, confirm: Confirm, team_of: Callable[[Services], TeamRepository],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._settings = settings
        self._folder = folder
        self._model = model
        self._confirm = confirm
        self._team_of = team_of
        self.key: SigningKey | None = None
        self._team_key: PublicKey | None = None  # the key this PC's copy was verified with
        self._published = TeamLibrary()
        self._base_version: int | None = None

    def start_from(self, mirrored: MirroredLibrary) -> None:
        """The published library the draft is compared with, and the version the next publish follows."""
        self._published = mirrored.library
        self._base_version = mirrored.version
        self._team_key = mirrored.team_key

    def diff(self) -> LibraryDiff:
        return diff_libraries(self._published, self._model.draft.library())

    def show_diff(self) -> None:
        diff = self.diff()
        self._confirm(self.tr("将要发布的改动"), diff.summary() + "\n\n" + "\n".join(diff.lines(limit=40)),
                      self.tr("关闭"))

    def publish(self, *, override_sensitive: bool | None = None) -> bool:
        """Check, confirm and start publishing. False when something blocked it (the reason is reported)."""
        key, draft = self.key, self._model.draft
        if key is None:
            self.status_reported.emit(self.tr("只有持有团队私钥的主管可以发布"))
            return False
        if is_foreign_key(key, self._team_key):
            message = self.tr("这把私钥不是团队正在使用的密钥（指纹 {0}），客服会拒绝它发布的版本")
            self.status_reported.emit(message.format(key.public.fingerprint))
            return False
        problems = draft.problems()
        if problems:
            self.phrase_to_fix.emit(problems[0][0])
            self.status_reported.emit(self.tr("有 {0} 条短语需要先修改：{1}").format(len(problems), problems[0][1][0]))
            return False
        warnings = draft.sensitive_warnings()
        if warnings and override_sensitive is not True:
            listing = "\n".join(f"· {self._short_text(w.phrase_id)}（{w.describe()}）" for w in warnings[:10])
            allowed = override_sensitive is None and self._confirm(
                self.tr("短语含敏感词"),
                self.tr("{0} 条短语含敏感词，发布后客服可能被平台处罚：\n{1}").format(len(warnings), listing),
                self.tr("仍然发布"),
            )
            if not allowed:
                self.phrase_to_fix.emit(warnings[0].phrase_id)
                self.status_reported.emit(self.tr("未发布：请先修改含敏感词的短语"))
                return False
        diff = self.diff()
        if not self._confirm(self.tr("发布团队库"),
                             diff.summary() + "\n\n" + "\n".join(diff.lines(limit=30)), self.tr("发布")):
            return False
        self._start(key)
        return True

    def _short_text(self, phrase_id: str) -> str:
        return " ".join(self._model.phrase(phrase_id).text.split())[:30]

    def _start(self, key: SigningKey) -> None:
        library, expected, team_key = self._model.draft.library(), self._base_version, self._team_key
        folder = self._folder  # resolved on the I/O worker
        publisher = publisher_name(self._settings)
        self.started.emit()
        self.status_reported.emit(self.tr("正在发布…"))
        self._runner.io(lambda: publish_library(folder(), library, key, publisher, expected_version=expected,
                                                known_version=expected, team_key=team_key),
                        lambda result: self._on_written(library, key, result), self._on_failed, owner=self,
                        timeout_ms=PUBLISH_TIMEOUT_MS)

    def _on_written(self, library: TeamLibrary, key: SigningKey, result: PublishResult) -> None:
        version = result.manifest.library_version
        self._published = library
        self._base_version = version
        self.finished.emit()
        self.status_reported.emit(self.tr("已发布团队库 v{0}").format(version))
        # The lead's own copy is exactly what was just published; once it is stored, say so.
        self._runner.db(lambda ctx: mirror_published(self._team_of(ctx), library, result, key),
                        lambda _applied: self.published.emit(version), self._on_mirror_failed, owner=self)

    def _on_failed(self, error: BaseException) -> None:
        self.finished.emit()
        if isinstance(error, PublishRefusedError | IoTimeoutError):
            self.status_reported.emit(str(error))
        else:
            self.status_reported.emit(self.tr("发布失败：共享文件夹无法写入"))

    def _on_mirror_failed(self, error: BaseException) -> None:
        # Published all the same: the next sync brings the lead's copy up to date.
        self.status_reported.emit(self.tr("已发布，但本机的团队库未能更新，将在下次同步时更新"))
