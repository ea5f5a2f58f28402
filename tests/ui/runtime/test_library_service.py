"""The LibraryService: the one owner of the library the window suggests from (Loading | Failed | Ready)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal

from desktop.core.phrases import Phrase
from desktop.services.context import Services, open_services
from desktop.store.database import StoreError
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.runtime.library_service import Failed, LibraryService, Loading, Ready

MINE = Phrase("p-mine", "亲，包裹都有运费险哦", "我的", source="personal")


class BrokenStore:
    """A DB context whose store did not open: every job on it fails."""

    def __getattr__(self, name: str) -> object:
        raise StoreError("数据库文件已损坏")


class Source(QObject):
    changed = Signal(int)


@pytest.fixture
def services(kuaida_home: Path) -> Iterator[Services]:
    opened = open_services(kuaida_home)
    yield opened
    opened.close()


def test_it_starts_loading_then_holds_the_library_it_built(qtbot, services: Services) -> None:
    library = LibraryService(ImmediateTaskRunner(services))
    assert isinstance(library.state, Loading) and library.library is None
    with qtbot.waitSignal(library.changed) as changed:
        library.reload()
    assert isinstance(library.state, Ready)
    assert changed.args[0] is library.library and library.library.phrases


def test_a_change_goes_through_it_and_the_new_library_replaces_the_old(qtbot, services: Services) -> None:
    library = LibraryService(ImmediateTaskRunner(services))
    library.reload()
    before = library.library
    with qtbot.waitSignal(library.changed):
        library.apply(lambda s: s.phrases.save(MINE))
    assert library.library is not before
    assert MINE.id in {p.id for p in library.library.phrases}


def test_a_signal_it_follows_reloads_it(qtbot, services: Services) -> None:
    library = LibraryService(ImmediateTaskRunner(services))
    source = Source()
    library.reload_when(source.changed)
    with qtbot.waitSignal(library.changed):
        source.changed.emit(2)  # e.g. the sync applied team library v2
    assert library.library is not None


def test_without_a_store_it_fails_and_a_later_failure_keeps_the_loaded_library(qtbot, services: Services) -> None:
    broken = LibraryService(ImmediateTaskRunner(BrokenStore()))
    with qtbot.waitSignal(broken.failed):
        broken.reload()
    assert isinstance(broken.state, Failed) and isinstance(broken.state.error, StoreError)

    library = LibraryService(ImmediateTaskRunner(services))
    library.reload()
    loaded = library.library

    def refuse(_services: Services) -> None:
        raise StoreError("磁盘已满")

    with qtbot.waitSignal(library.failed), qtbot.assertNotEmitted(library.changed):
        library.apply(refuse)
    assert library.state == Ready(loaded)
