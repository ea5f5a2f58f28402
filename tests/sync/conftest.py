"""Fixtures for the team-folder tests: a signing key, libraries of any size, an agent's store."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import Featured, Promotion, SensitiveWord, TeamLibrary
from desktop.store.database import open_memory_store
from desktop.store.team import TeamRepository


def build_library(count: int = 3, *, tag: str = "") -> TeamLibrary:
    phrases = tuple(
        Phrase(id=f"t-{i:06d}", text=f"亲，这是第 {i} 条回复{tag}～", group=f"分组{i % 7}", code=f"c{i}",
               intents=("ship_time",) if i % 2 else (), keywords=("发货",), source="team")
        for i in range(count)
    )
    return TeamLibrary(
        phrases,
        (SensitiveWord("最便宜", "绝对化用语"), SensitiveWord("加微信", "站外引流")),
        (Promotion("双11预热", dt.date(2026, 11, 1), dt.date(2026, 11, 11), ("满300减40",)),),
        Featured("t-000000", "主推款羽绒服", dt.date(2026, 11, 16), dt.date(2026, 11, 22)) if count else None,
    )


@pytest.fixture(name="make_library")
def make_library_fixture() -> Callable[..., TeamLibrary]:
    """`make_library(count, tag=...)`: a team library with `count` phrases and the other shared content."""
    return build_library


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture
def team() -> Iterator[TeamRepository]:
    store = open_memory_store()
    yield TeamRepository(store.db)
    store.close()
