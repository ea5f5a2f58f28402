"""Fixtures for the overlay: an in-memory store, a settings file in the test's home, the platform fakes,
a focus hand-back that only records, and a synchronous task runner, wired the way desktop/app.py wires them."""

from __future__ import annotations

import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import shiboken6

from desktop.core.engine import Suggestion
from desktop.core.phrases import Phrase
from desktop.paths import Paths
from desktop.services.context import Services
from desktop.services.library import Library
from desktop.settings import Settings
from desktop.store.database import open_memory_store
from desktop.store.phrases import PhraseRepository
from desktop.testing.fakes import FakeClipboardWatcher, FakeFocusReturn, FakeHotkeys, FakePaster
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.ui.runtime.qsettings_bridge import SettingsBridge
from desktop.ui.shell.overlay_window import OverlayWindow
from desktop.ui.suggestions.overlay_controller import OverlayController

SHIP = Phrase("t-ship", "亲，{客服}这边看了，付款后48小时内发货哦～📦", "发货物流", "fh", ("ship_time",), source="team")
GIFT = Phrase("t-gift", "亲，价格已经很实在了，送您一份小赠品好吗？🎁", "议价优惠", "yj", ("bargain",), source="team")
WECHAT = Phrase("t-risky", "亲，加微信可以给您返现哦", "其他", "wx", source="team")
MINE = Phrase("p-mine", "亲，{店铺}的包裹都有运费险，放心买～", "我的", "yfx", source="personal")
PHRASES = (SHIP, GIFT, WECHAT, MINE)


@dataclass
class StubHit:
    start: int
    end: int


def find_wechat(text: str) -> list[StubHit]:
    """A one-word sensitive list, so the tests do not depend on the real word list's contents."""
    start = text.find("微信")
    return [StubHit(start, start + 2)] if start >= 0 else []


@dataclass
class StubEngine:
    """Answers with fixed suggestions, so UI tests do not depend on how the real engine ranks."""

    phrases: Sequence[Phrase]
    answers: dict[str, list[str]] = field(default_factory=dict)  # message → phrase ids, best first
    learned: list[tuple[str, str]] = field(default_factory=list)

    def suggest(self, message: str, top: int = 3) -> list[Suggestion]:
        by_id = {p.id: p for p in self.phrases}
        ids = self.answers.get(message, [])
        return [Suggestion(by_id[i], 1.0 - n / 10) for n, i in enumerate(ids)][:top]

    def search(self, query: str, limit: int = 20) -> list[Phrase]:
        query = query.strip().lower()
        return [p for p in self.phrases if query in p.text.lower() or query == p.code][:limit]

    def features(self, message: str) -> list[str]:
        return [f"len:{len(message)}"]

    def learn(self, message: str, phrase_id: str) -> list[str]:
        self.learned.append((message, phrase_id))
        return self.features(message)


RecordingFocus = FakeFocusReturn  # the name the ui tests know it by


@pytest.fixture
def services(kuaida_home: Path) -> Iterator[Services]:
    store = open_memory_store()
    paths = Paths(kuaida_home)
    phrases = PhraseRepository(store.db)
    phrases.save_all(PHRASES)
    yield Services(paths, Settings(paths.settings_file), store, phrases)
    store.close()


@pytest.fixture
def settings(kuaida_home: Path) -> SettingsBridge:
    return SettingsBridge(Settings(Paths(kuaida_home).settings_file))


@dataclass
class Overlay:
    window: OverlayWindow
    controller: OverlayController
    clipboard: FakeClipboardWatcher
    paster: FakePaster
    hotkeys: FakeHotkeys
    focus: RecordingFocus
    engine: StubEngine
    services: Services
    settings: SettingsBridge

    def copy(self, message: str) -> None:
        self.clipboard.copy(message)

    def shown_texts(self) -> list[str]:
        model = self.window.suggestions.list_view.model()
        return [model.index(row, 0).data() for row in range(model.rowCount())]


@pytest.fixture
def overlay(qtbot, services: Services, settings: SettingsBridge) -> Iterator[Overlay]:
    window = OverlayWindow()
    qtbot.addWidget(window)
    clipboard, paster, hotkeys, focus = FakeClipboardWatcher(), FakePaster(), FakeHotkeys(), RecordingFocus()
    controller = OverlayController(window, settings, ImmediateTaskRunner(services), clipboard, paster, hotkeys,
                                   focus=focus)
    engine = StubEngine(PHRASES, {
        "什么时候发货": ["t-ship", "t-gift"],
        "能便宜点吗": ["t-gift", "t-risky", "t-ship"],
        "运费险有吗": ["p-mine"],
    })
    controller.set_library(Library(engine, list(PHRASES), find_wechat))  # type: ignore[arg-type]
    window.show()
    qtbot.waitExposed(window)
    yield Overlay(window, controller, clipboard, paster, hotkeys, focus, engine, services, settings)
    # Delete both now, in the app's order (Application.close: the window before the models it shows; the
    # other way round the list view warns about selecting in a deleted model), rather than whenever the
    # garbage collector or a later test's event loop gets to them.
    shiboken6.delete(window)
    shiboken6.delete(controller)
    gc.collect()
