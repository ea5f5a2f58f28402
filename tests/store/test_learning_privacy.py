"""Learned picks are hashed with a per-installation secret: a phone or address cannot be read back."""

from __future__ import annotations

import hashlib
import itertools
import logging
import zipfile
from pathlib import Path

import pytest

from desktop import diagnostics, logs
from desktop.core.default_library import load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.core.normalize import normalize
from desktop.paths import Paths
from desktop.services.context import open_services
from desktop.services.library import build_engine
from desktop.settings import Settings
from desktop.store.database import open_store
from desktop.store.phrases import PhraseRepository
from desktop.store.schema import LEARNING_KEY_BYTES

MESSAGE = "地址改成杭州市西湖区文三路138号，电话13912345678，什么时候发货"  # made up
# What an attacker would try: digits, letters and the most common characters of Chinese addresses and chat.
COMMON = "0123456789abcdefghijklmnopqrstuvwxyz" + (
    "的一是不了人我在有他这中大来上个国和也子时道说你们到地出要就以会可对生能而那得于着下自之年过发后作里用"
    "市区省路号街道县镇村楼室单元栋小弄巷杭州西湖文三北京上海广深圳朝阳海淀浦东新天河南山东什么候货电话改成"
)


def _dictionary() -> dict[str, str]:
    """Every bigram of common characters under the old, unkeyed hash → the bigram."""
    return {
        "g:" + hashlib.blake2b((a + b).encode(), digest_size=6).hexdigest(): a + b
        for a, b in itertools.product(COMMON, repeat=2)
    }


def _learned_features(repo: PhraseRepository) -> set[str]:
    return {feature for feature, _phrase, _weight in repo.learned_picks()}


def _learn(home: Path) -> set[str]:
    services = open_services(home)
    try:
        engine = build_engine(services.phrases, services.settings)
        phrase_id = next(p.id for p in engine.phrases if "ship_time" in p.intents)
        services.phrases.record_use(phrase_id, engine.learn(MESSAGE, phrase_id))
        return _learned_features(services.phrases)
    finally:
        services.close()


def test_each_installation_has_its_own_secret_kept_across_restarts(tmp_path: Path) -> None:
    keys = []
    for name in ("a", "b", "a"):
        services = open_services(tmp_path / name)
        keys.append(services.phrases.learning_key())
        services.close()
    assert len(keys[0]) == LEARNING_KEY_BYTES
    assert keys[0] != keys[1]
    assert keys[0] == keys[2]


def test_a_dictionary_of_common_characters_recovers_nothing_without_the_secret(tmp_path: Path) -> None:
    stored = _learn(tmp_path / "shop")
    hashed = {f for f in stored if f.startswith("g:")}
    assert hashed and "i:ship_time" in stored
    assert not hashed & _dictionary().keys()


def test_the_same_attack_reads_the_phone_back_from_unsalted_features() -> None:
    """The test above would catch a regression: unkeyed hashes give the address away, bigram by bigram
    (the phone itself never reaches the features: normalize removes phone numbers)."""
    engine = SuggestionEngine(load_default_library())  # feature_key=b"": the old, unsalted hashing
    dictionary = _dictionary()
    recovered = {dictionary[f] for f in engine.features(MESSAGE) if f in dictionary}
    assert {"杭州", "州市", "市西", "西湖", "湖区", "区文", "文三", "三路", "路1", "13", "38", "8号"} <= recovered
    assert "139" not in normalize(MESSAGE)


def test_two_installations_store_different_features_for_the_same_message(tmp_path: Path) -> None:
    first, second = _learn(tmp_path / "a"), _learn(tmp_path / "b")
    assert {f for f in first if f.startswith("i:")} == {f for f in second if f.startswith("i:")}
    assert not {f for f in first if f.startswith("g:")} & {f for f in second if f.startswith("g:")}


def test_learning_still_works_with_the_secret(tmp_path: Path) -> None:
    _learn(tmp_path / "shop")
    services = open_services(tmp_path / "shop")
    try:
        engine = build_engine(services.phrases, services.settings)
        picked = next(p.id for p in engine.phrases if "ship_time" in p.intents)
        ranked = [s.phrase.id for s in engine.suggest(MESSAGE, top=3)]
        assert ranked[0] == picked
    finally:
        services.close()


def test_old_unsalted_rows_are_dropped_by_the_migration_and_intent_rows_kept(tmp_path: Path) -> None:
    path = tmp_path / "kuaida.sqlite3"
    store = open_store(path)
    store.db.execute("delete from _sqlite_migrations where name = 'salt_learned_picks'")
    store.db["phrase_state"].drop()
    old = SuggestionEngine(load_default_library()).features(MESSAGE)
    PhraseRepository(store.db).record_use("d-ship_time-1", old)
    store.close()

    store = open_store(path)  # an older Kuaida's store, opened by this one
    repo = PhraseRepository(store.db)
    assert _learned_features(repo) == {f for f in old if f.startswith("i:")}
    assert len(repo.learning_key()) == LEARNING_KEY_BYTES
    store.close()


def test_the_secret_is_in_no_log_and_not_in_the_diagnostics_zip(tmp_path: Path, kuaida_home: Path) -> None:
    paths = Paths(kuaida_home).ensure()
    handler = logs.setup_logging(paths, logging.DEBUG)
    try:
        _learn(kuaida_home)
    finally:
        logs.remove_logging(handler)
    services = open_services(kuaida_home)
    secret = services.phrases.learning_key().hex()
    services.close()
    target = diagnostics.export_diagnostics(paths, Settings(paths.settings_file), tmp_path / "out", timeout=5)
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            assert secret not in archive.read(name).decode("utf-8", "replace")
    for log_file in paths.logs.iterdir():
        assert secret not in log_file.read_text(encoding="utf-8", errors="replace")


@pytest.mark.parametrize("key", [b"", b"k" * LEARNING_KEY_BYTES])
def test_features_never_hold_the_text(key: bytes) -> None:
    features = SuggestionEngine(load_default_library(), feature_key=key).features(MESSAGE)
    assert not any(ch in "".join(features) for ch in "杭州西湖电话")
