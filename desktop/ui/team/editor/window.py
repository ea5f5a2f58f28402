"""The team lead's library editor (团队短语库): edit, import, review proposals, see team usage, publish.

Anyone can open it to read the team library; holding the team's signing key (team.key) unlocks lead mode,
the only mode with 发布. The window holds the toolbar, lead mode, loading and import; each tab is a module of
its own beside this one, the draft lives in `DraftPhraseModel`, and store use goes through `services.team`.
All share and store work goes through the TaskRunner; the window never waits.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QWidget,
)

from desktop.core.default_library import is_bundled
from desktop.core.phrases import Phrase
from desktop.core.sync.draft import LibraryDraft
from desktop.core.sync.keys import KeyFileError, SigningKey, load_signing_key
from desktop.failures import failure_message
from desktop.services.context import Services
from desktop.services.team import MirroredLibrary, mirrored_library
from desktop.settings import SettingsReader
from desktop.store.team import TeamRepository
from desktop.sync.inbox import Proposal
from desktop.sync.library_file import read_library_file
from desktop.ui.runtime.tasks import Runner
from desktop.ui.team.editor.phrase_model import DraftPhraseModel
from desktop.ui.team.editor.phrases_tab import PhrasesTab
from desktop.ui.team.editor.proposals_tab import ProposalsTab
from desktop.ui.team.editor.publishing import Confirm, Publishing
from desktop.ui.team.editor.team_tab import TeamSettingsTab
from desktop.ui.team.editor.usage_tab import UsageTab
from desktop.ui.team.sync_controller import services_team
from desktop.ui.widgets.language import LanguageChangeRelay
from desktop.ui.widgets.plain_text import message_box
from desktop.ui.widgets.scrolling import scrolling

log = logging.getLogger(__name__)


def _confirm_with_dialog(parent: QWidget) -> Confirm:
    def confirm(title: str, text: str, accept: str) -> bool:
        box = message_box(QMessageBox.Icon.Question, title, text, parent)  # phrase texts: anyone's writing
        ok = box.addButton(accept, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is ok

    return confirm


class LibraryEditor(QMainWindow):
    """The window. Signals: `published(int)` with the new version, once the lead's own store holds it (reload
    the library the lead's window suggests from); `status_reported(str)` for the status bar."""

    published = Signal(int)
    status_reported = Signal(str)

    def __init__(
        self,
        runner: Runner,
        settings: SettingsReader,
        folder: Callable[[], Path],
        *,
        team_of: Callable[[Services], TeamRepository] = services_team,
        key: SigningKey | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.resize(980, 640)
        self._runner = runner
        self._team_of = team_of
        self._loaded = False
        self._adopted_before_load: list[str] = []
        self._proposal_count: int | None = None  # shown in the tab's title once the inbox was read
        self.confirm: Confirm = _confirm_with_dialog(self)
        self.pick_file: Callable[[str, str], str] = self._pick_file_with_dialog
        self.ask_note: Callable[[str, str], str] = self._ask_note_with_dialog  # "" when cancelled

        self.model = DraftPhraseModel(self)
        LanguageChangeRelay(self, self.model.retranslate)
        self.phrases = PhrasesTab(self.model, self)
        self.team_settings = TeamSettingsTab(self.model, self)
        self.proposals = ProposalsTab(runner, folder, self)
        self.usage = UsageTab(runner, folder, self.model, self)
        self.publishing = Publishing(runner, settings, folder, self.model,
                                     lambda title, text, accept: self.confirm(title, text, accept), team_of, self,
                                     ask_note=lambda title, text: self.ask_note(title, text))
        self.tabs = QTabWidget(self)
        self.team_settings_page = scrolling(self.team_settings, self)  # scrolls at a large font on a small screen
        for tab in (self.phrases, self.team_settings_page, self.proposals, self.usage):
            self.tabs.addTab(tab, "")  # named in retranslate()
        self.setCentralWidget(self.tabs)
        self._build_toolbar()

        self.phrases.status_reported.connect(self.status_reported)
        self.team_settings.applied.connect(self.phrases.refresh)
        self.proposals.accepted.connect(self._on_proposal_accepted)
        self.proposals.count_changed.connect(self._on_proposals_count_changed)
        self.proposals.failed.connect(self._on_task_failed)
        self.usage.failed.connect(self._on_task_failed)
        self.publishing.status_reported.connect(self.status_reported)
        self.publishing.phrase_to_fix.connect(self.phrases.select_phrase)
        self.publishing.started.connect(lambda: self.publish_action.setEnabled(False))
        self.publishing.finished.connect(lambda: self.publish_action.setEnabled(True))
        self.publishing.published.connect(self.published)
        self.status_reported.connect(self.statusBar().showMessage)
        self.set_signing_key(key)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("团队短语库（主管模式）") if self.lead_mode else self.tr("团队短语库"))
        self.tabs.setTabText(self.tabs.indexOf(self.phrases), self.tr("短语"))
        self.tabs.setTabText(self.tabs.indexOf(self.team_settings_page), self.tr("活动与敏感词"))
        proposals = self.tr("客服建议")
        if self._proposal_count is not None:
            proposals = self.tr("客服建议 ({0})").format(self._proposal_count)
        self.tabs.setTabText(self.tabs.indexOf(self.proposals), proposals)
        self.tabs.setTabText(self.tabs.indexOf(self.usage), self.tr("使用统计"))
        self.toolbar.setWindowTitle(self.tr("短语库"))
        self.add_action.setText(self.tr("新增短语"))
        self.remove_action.setText(self.tr("删除短语"))
        self.import_action.setText(self.tr("从 Excel/CSV 导入…"))
        self.confirm_all_action.setText(self.tr("确认全部推断意图"))
        self.confirm_all_action.setToolTip(self.tr("把没有意图的短语按推断的意图保存（可逐条改正）"))
        self.diff_action.setText(self.tr("查看改动"))
        self.unlock_action.setText(self.tr("主管模式：打开团队私钥…"))
        self.publish_action.setText(self.tr("发布"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    @property
    def draft(self) -> LibraryDraft:
        return self.model.draft

    def _build_toolbar(self) -> None:
        self.toolbar = toolbar = QToolBar(self)
        toolbar.setMovable(False)
        self.addToolBar(toolbar)
        self.add_action = QAction(self)  # the actions are named in retranslate()
        self.remove_action = QAction(self)
        self.import_action = QAction(self)
        self.confirm_all_action = QAction(self)
        self.diff_action = QAction(self)
        self.unlock_action = QAction(self)
        self.publish_action = QAction(self)
        for action in (self.add_action, self.remove_action, self.import_action, self.confirm_all_action,
                       self.diff_action):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(self.unlock_action)
        toolbar.addAction(self.publish_action)
        self.add_action.triggered.connect(self.phrases.add_phrase)
        self.remove_action.triggered.connect(self.phrases.remove_current_phrase)
        self.import_action.triggered.connect(self._on_import_action_triggered)
        self.confirm_all_action.triggered.connect(self.phrases.confirm_all_inferred)
        self.diff_action.triggered.connect(self.publishing.show_diff)
        self.unlock_action.triggered.connect(self._on_unlock_action_triggered)
        self.publish_action.triggered.connect(lambda: self.publishing.publish())

    # lead mode --------------------------------------------------------------------------------------
    @property
    def lead_mode(self) -> bool:
        return self.publishing.key is not None

    def set_signing_key(self, key: SigningKey | None) -> None:
        """Holding the team's signing key is what makes a lead: only then is 发布 offered."""
        self.publishing.key = key
        self.publish_action.setVisible(key is not None)
        self.unlock_action.setVisible(key is None)
        self.retranslate()  # the title says which mode

    def _on_unlock_action_triggered(self) -> None:
        path = self.pick_file(self.tr("打开团队私钥"), self.tr("团队私钥 (team.key);;所有文件 (*)"))
        if not path:
            return
        try:
            self.set_signing_key(load_signing_key(Path(path)))
        except KeyFileError as error:
            self.status_reported.emit(str(error))

    def _ask_note_with_dialog(self, title: str, text: str) -> str:
        note, ok = QInputDialog.getText(self, title, text, QLineEdit.EchoMode.Normal)
        return note.strip() if ok else ""

    def _pick_file_with_dialog(self, title: str, filters: str) -> str:
        return QFileDialog.getOpenFileName(self, title, "", filters)[0]

    # loading ----------------------------------------------------------------------------------------
    def load(self) -> None:
        """Read the local mirror (what was last published) as the starting draft, then the proposals. Usage
        figures load when their tab is opened."""
        team_of = self._team_of
        self._runner.db(lambda ctx: mirrored_library(team_of(ctx)), self._on_library_loaded, self._on_task_failed,
                        owner=self)
        self.proposals.load()

    def _on_library_loaded(self, mirrored: MirroredLibrary) -> None:
        self.publishing.start_from(mirrored)
        self.model.set_draft(LibraryDraft(mirrored.library))  # the tabs follow the model's reset
        self.phrases.form.show_phrase(None)
        self._loaded = True
        message = self.tr("已载入团队库 v{0}，{1} 条短语")
        self.status_reported.emit(message.format(mirrored.version or 0, len(mirrored.library.phrases)))
        adopted, self._adopted_before_load = self._adopted_before_load, []
        for text in adopted:
            self.add_adopted_answer(text)

    def _on_task_failed(self, error: BaseException) -> None:
        log.warning("library editor task failed: %s", type(error).__name__)
        self.status_reported.emit(failure_message(error))

    # import -----------------------------------------------------------------------------------------
    def _on_import_action_triggered(self) -> None:
        path = self.pick_file(self.tr("导入短语库"), self.tr("短语库 (*.csv *.xlsx *.txt);;所有文件 (*)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path) -> None:
        """Replace the draft's phrases with the file's (ids kept where rows match); shows what will change."""
        current = list(self.draft.phrases)
        self._runner.io(lambda: read_library_file(path, current), self._on_file_read, self._on_task_failed,
                        owner=self)

    def _on_file_read(self, result: tuple[list[Phrase], list[str]]) -> None:
        phrases, skipped = result
        imported_ids = {p.id for p in phrases}
        bundled_left_out = [p for p in self.draft.phrases if is_bundled(p) and p.id not in imported_ids]
        if bundled_left_out and self._keep_bundled(len(bundled_left_out)):
            phrases = [*phrases, *bundled_left_out]
        self.model.replace_phrases(phrases)
        note = self.tr("，跳过 {0} 行").format(len(skipped)) if skipped else ""
        without = [p for p in self.draft.phrases if not p.intents]
        inferred = sum(1 for p in without if self.model.inferred(p))
        if without:
            note += self.tr("；{0} 条没有意图（推断出 {1} 条，请确认或改正）").format(len(without), inferred)
        self.status_reported.emit(self.tr("已导入：{0}{1}").format(self.publishing.diff().summary(), note))

    def _keep_bundled(self, count: int) -> bool:
        """Asked after importing the shop's own library over one holding Kuaida's bundled defaults."""
        text = self.tr("导入的短语库里没有快答自带的 {0} 条默认短语。不保留时，发布后客服只会看到你们自己的短语"
                       "（默认短语里的 48小时、中通、满99包邮 未必和你们店一样）。要保留默认短语吗？").format(count)
        return self.confirm(self.tr("快答自带的默认短语"), text, self.tr("保留默认短语"))

    # proposals --------------------------------------------------------------------------------------
    def _on_proposal_accepted(self, proposal: Proposal) -> None:
        """Into the draft under the proposing agent's own id: on their PC the team phrase then takes the place
        of the personal one it came from (see `TeamRepository.apply`)."""
        offered = proposal.phrase
        phrase = self.model.append(offered.text, offered.group, offered.id)
        self.model.update(phrase.id, code=offered.code, intents=offered.intents[:2], keywords=offered.keywords)
        self.phrases.refresh()
        self.tabs.setCurrentIndex(0)
        self.phrases.select_phrase(phrase.id)

    def add_adopted_answer(self, text: str) -> None:
        """话术优化: the answer the lead chose, into the draft and selected for editing before 发布 (after the
        draft has loaded: a load replaces the draft)."""
        if not self._loaded:
            self._adopted_before_load.append(text)
            return
        phrase = self.model.append(text)
        self.phrases.refresh()
        self.tabs.setCurrentIndex(0)
        self.phrases.select_phrase(phrase.id)

    def _on_proposals_count_changed(self, count: int) -> None:
        self._proposal_count = count
        self.retranslate()
