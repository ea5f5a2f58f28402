"""The 客服建议 tab: phrases agents offered to the team (files in the share's inbox), accepted into the draft
or rejected; either way the decided file leaves the inbox. Share I/O runs on the runner's I/O pool."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from desktop.sync.inbox import Proposal, list_proposals, remove_proposal
from desktop.ui.runtime.tasks import SHARE_TIMEOUT_MS, Runner
from desktop.ui.widgets.plain_text import plain_label


class ProposalsTab(QWidget):
    """Signals: `accepted(Proposal)` (the window adds it to the draft), `count_changed(int)` for the tab's
    title, `failed(BaseException)` when the share could not be read or written."""

    accepted = Signal(object)
    count_changed = Signal(int)
    failed = Signal(object)

    def __init__(self, runner: Runner, folder: Callable[[], Path], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._folder = folder
        self.proposals: list[Proposal] = []
        self._skipped: int | None = None  # files left out of the last listing; None before one arrived
        self.proposal_list = QListWidget(self)
        self.accept_button = QPushButton(self)  # the buttons are named in retranslate()
        self.reject_button = QPushButton(self)
        self.refresh_button = QPushButton(self)
        self.accept_button.clicked.connect(lambda: self.accept(self.proposal_list.currentRow()))
        self.reject_button.clicked.connect(lambda: self.reject(self.proposal_list.currentRow()))
        self.refresh_button.clicked.connect(self.load)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.refresh_button):
            buttons.addWidget(button)
        # Anyone with the share can write a proposal under any name: say so, and say what was left out.
        self.proposals_note = plain_label(parent=self)
        self.proposals_note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.proposal_list)
        layout.addWidget(self.proposals_note)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.accept_button.setText(self.tr("采纳（加入草稿后可编辑）"))
        self.reject_button.setText(self.tr("不采纳"))
        self.refresh_button.setText(self.tr("刷新"))
        if self._skipped is not None:
            note = self.tr("建议由客服写入共享文件夹，署名未经验证。")
            if self._skipped:
                note += self.tr("另有 {0} 个文件未显示（无法读取、不是快答的建议或超出上限）。").format(self._skipped)
            self.proposals_note.setText(note)
        for row, proposal in enumerate(self.proposals):
            item = self.proposal_list.item(row)
            if item is not None:
                item.setText(self._item_text(proposal))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _item_text(self, proposal: Proposal) -> str:
        who = proposal.agent or self.tr("客服")
        text = self.tr("%1：%2").replace("%1", who).replace("%2", " ".join(proposal.phrase.text.split()))
        return text + self.tr("（%1）").replace("%1", proposal.note) if proposal.note else text

    def load(self) -> None:
        folder = self._folder
        self._runner.io(lambda: list_proposals(folder()), self._on_proposals_loaded, self.failed.emit, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)

    def accept(self, row: int) -> Proposal | None:
        if not 0 <= row < len(self.proposals):
            return None
        proposal = self.proposals[row]
        self._forget(row)
        self.accepted.emit(proposal)
        return proposal

    def reject(self, row: int) -> None:
        if 0 <= row < len(self.proposals):
            self._forget(row)

    def _on_proposals_loaded(self, result: tuple[list[Proposal], int]) -> None:
        self.proposals, self._skipped = result
        self.proposal_list.clear()
        for _proposal in self.proposals:
            QListWidgetItem(self.proposal_list)
        self.retranslate()  # the note and the items' texts
        self.count_changed.emit(len(self.proposals))

    def _forget(self, row: int) -> None:
        proposal = self.proposals.pop(row)
        self.proposal_list.takeItem(row)
        self.count_changed.emit(len(self.proposals))
        folder = self._folder
        self._runner.io(lambda: remove_proposal(folder(), proposal.id), on_error=self.failed.emit, owner=self,
                        timeout_ms=SHARE_TIMEOUT_MS)
