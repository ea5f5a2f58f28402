"""The lead's editor over a store following a published v1 (two phrases, a running promotion) and a share."""

from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import Promotion, TeamLibrary
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository
from desktop.sync.publish import publish
from desktop.sync.pull import sync_once
from desktop.testing.immediate import ImmediateTaskRunner
from desktop.testing.services import services_over
from desktop.ui.team.editor.window import LibraryEditor

KEY = SigningKey.generate()


class FakeSettings:
    def get(self, key: str) -> object:
        return {"agent_name": "王主管"}[key]


@pytest.fixture
def lead_key() -> SigningKey:
    """The team's signing key, which published v1."""
    return KEY


@pytest.fixture
def share(tmp_path):
    folder = tmp_path / "share"
    folder.mkdir()
    return folder


@pytest.fixture
def lead_store(share):
    """The lead's store, following a v1 with two phrases and a running promotion."""
    library = TeamLibrary(
        (Phrase(id="t-1", text="亲，在的呢😊", group="欢迎", source="team"),
         Phrase(id="t-2", text="{活动}期间全店满减哦", group="促销", source="team")),
        promotions=(Promotion("双11", dt.date(2026, 11, 1), dt.date(2026, 11, 11), ("满300减40",)),),
    )
    publish(share, library, KEY, "王主管")
    store = open_memory_store()
    sync_once(share, TeamRepository(store.db), trust=KEY.public.fingerprint)
    yield store
    store.close()


@pytest.fixture
def unloaded_editor(qtbot, share, lead_store, tmp_path):
    window = LibraryEditor(ImmediateTaskRunner(services_over(lead_store, tmp_path)), FakeSettings(), lambda: share)
    qtbot.addWidget(window)
    return window


@pytest.fixture
def editor(unloaded_editor):
    """Loaded, with its confirmations recorded: it accepts all but 仍然发布 unless `allow_sensitive`."""
    window = unloaded_editor
    window.confirmations = []

    def confirm(title: str, text: str, accept: str) -> bool:
        window.confirmations.append((title, text, accept))
        return accept != "仍然发布" or window.allow_sensitive

    window.allow_sensitive = False
    window.confirm = confirm
    window.load()
    return window


@pytest.fixture
def bundled_editor(qtbot, share, tmp_path):
    """The editor of a lead whose team library is still Kuaida's bundled one."""
    from desktop.services.context import ensure_default_library

    store = open_memory_store()
    ensure_default_library(TeamRepository(store.db).phrases)
    window = LibraryEditor(ImmediateTaskRunner(services_over(store, tmp_path)), FakeSettings(), lambda: share)
    qtbot.addWidget(window)
    window.load()
    yield window
    store.close()
