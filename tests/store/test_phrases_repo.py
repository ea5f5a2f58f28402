"""The phrase repository: the API other parts use, usage kept apart, and one-transaction library imports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.library_io import LibraryFile, LibraryRow, read_library
from desktop.core.phrases import Phrase
from desktop.store import phrases as phrases_module
from desktop.store.database import StoreError, open_memory_store, open_store
from desktop.store.phrases import PhraseRepository


@pytest.fixture
def repo() -> PhraseRepository:
    store = open_memory_store()
    yield PhraseRepository(store.db)
    store.close()


def test_save_get_count_delete(repo: PhraseRepository) -> None:
    phrase = Phrase(id="p-1", text="亲，在的呢😊\n有什么可以帮您", group="欢迎语", code="hi",
                    intents=("greeting",), keywords=("在吗",))
    repo.save(phrase)
    repo.save(Phrase(id="t-1", text="团队", source="team"))
    assert repo.get("p-1") == phrase
    assert (repo.count(), repo.count("personal"), repo.count("team")) == (2, 1, 1)
    repo.save(phrase.with_changes(text="改了"))
    assert [p.id for p in repo.all()] == ["p-1", "t-1"]  # an edit keeps the phrase's place
    repo.delete("p-1")
    assert repo.get("p-1") is None


def test_replace_source_keeps_usage_of_surviving_phrases(repo: PhraseRepository) -> None:
    team = [Phrase(id="t-1", text="一", source="team"), Phrase(id="t-2", text="二", source="team")]
    repo.replace_source("team", team)
    repo.record_use("t-1", ["发货"], day=dt.date(2024, 5, 1))
    repo.set_hidden("t-2", True)
    repo.replace_source("team", [Phrase(id="t-1", text="一（新）", source="team")])
    assert [p.text for p in repo.all()] == ["一（新）"]
    assert repo.uses_by_day() == [("t-1", "2024-05-01", 1)]
    assert repo.learned_picks() == [("发货", "t-1", 1.0)]


def test_replace_source_writes_rows_while_the_phrases_are_still_coming(repo: PhraseRepository) -> None:
    repo.replace_source("team", [Phrase(id="old", text="旧", source="team")])
    seen_in_store: list[int] = []

    def pack() -> Iterator[Phrase]:
        for i in range(1000):
            if i == 600:  # inside the transaction, on the same connection: earlier batches are written
                seen_in_store.append(repo.db.execute("select count(*) from phrases where id != 'old'").fetchone()[0])
            yield Phrase(id=f"t-{i}", text=f"短语{i}", source="team")

    repo.replace_source("team", pack())
    assert 0 < seen_in_store[0] <= 600  # streamed, not collected first
    assert [p.id for p in repo.all()] == [f"t-{i}" for i in range(1000)]


def test_replace_source_is_one_transaction_when_the_phrases_fail_midway(repo: PhraseRepository) -> None:
    repo.replace_source("team", [Phrase(id="t-1", text="一", source="team")])

    def broken_pack() -> Iterator[Phrase]:
        for i in range(500):
            yield Phrase(id=f"n-{i}", text=f"新{i}", source="team")
        raise ValueError("pack cut short")

    with pytest.raises(ValueError, match="cut short"):
        repo.replace_source("team", broken_pack())
    assert [(p.id, p.text) for p in repo.all()] == [("t-1", "一")]


def test_replace_source_with_nothing_empties_only_that_source(repo: PhraseRepository) -> None:
    repo.save_all([Phrase(id="t-1", text="一", source="team"), Phrase(id="p-1", text="我的", source="personal")])
    repo.replace_source("team", iter(()))
    assert [p.id for p in repo.all()] == ["p-1"]


def test_usage_never_rewrites_the_phrase(repo: PhraseRepository) -> None:
    repo.save(Phrase(id="p-1", text="亲"))
    before = repo.db.execute("select * from phrases").fetchall()
    for _ in range(3):
        repo.record_use("p-1", ["a", "a", "b"], day=dt.date(2024, 5, 1))
    assert repo.db.execute("select * from phrases").fetchall() == before
    assert repo.uses_by_day(since=dt.date(2024, 5, 1)) == [("p-1", "2024-05-01", 3)]
    assert sorted(repo.learned_picks()) == [("a", "p-1", 3.0), ("b", "p-1", 3.0)]


def test_hidden_phrases_are_left_out_on_request(repo: PhraseRepository) -> None:
    repo.save_all([Phrase(id="t-1", text="一", source="team"), Phrase(id="t-2", text="二", source="team")])
    repo.set_hidden("t-1", True)
    assert [p.id for p in repo.all(include_hidden=False)] == ["t-2"]
    assert repo.hidden_ids() == {"t-1"}
    assert [p.id for p in repo.hidden()] == ["t-1"]  # what 设置 → 已隐藏 lists
    repo.set_hidden("t-1", False)
    assert repo.hidden() == []
    assert repo.hidden_ids() == set()


QIANNIU = "快捷编码,快捷短语,快捷短语分组\r\nfh,亲，已发货,发货\r\nth,亲，七天无理由,\r\n,,空行\r\n"


def test_importing_a_file_twice_adds_nothing_the_second_time(repo: PhraseRepository, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(QIANNIU.encode("gbk"))
    first = repo.import_library(read_library(path), "personal")
    assert (len(first.added), len(first.updated), [i.row for i in first.skipped]) == (2, 0, [4])
    second = repo.import_library(read_library(path), "personal")
    assert (len(second.added), len(second.updated), second.unchanged) == (0, 0, 2)
    assert repo.count("personal") == 2


def test_an_update_keeps_id_place_and_usage(repo: PhraseRepository) -> None:
    repo.save_all([Phrase(id="p-1", text="旧", code="fh"), Phrase(id="p-2", text="别的")])
    repo.record_use("p-1", ["发货"])
    plan = repo.import_library(LibraryFile("qianniu", "utf-8", rows=[LibraryRow(2, "新", code="fh")]), "personal")
    assert [p.id for p in plan.updated] == ["p-1"]
    assert [(p.id, p.text) for p in repo.all()] == [("p-1", "新"), ("p-2", "别的")]
    assert repo.learned_picks() == [("发货", "p-1", 1.0)]


def test_a_failure_during_an_import_writes_nothing(repo: PhraseRepository, monkeypatch: pytest.MonkeyPatch) -> None:
    repo.save(Phrase(id="p-1", text="旧", code="fh"))

    def broken_row(phrase: Phrase, position: int) -> dict[str, object]:
        if phrase.text == "第三条":
            raise ValueError("boom")
        return real_to_row(phrase, position)

    real_to_row = phrases_module._to_row
    monkeypatch.setattr(phrases_module, "_to_row", broken_row)
    rows = [LibraryRow(2, "新", code="fh"), LibraryRow(3, "第二条"), LibraryRow(4, "第三条")]
    with pytest.raises(ValueError, match="boom"):
        repo.import_library(LibraryFile("qianniu", "utf-8", rows=rows), "personal")
    assert [(p.id, p.text) for p in repo.all()] == [("p-1", "旧")]
    assert not repo.db.conn.in_transaction


def test_a_full_disk_cancels_the_whole_import(tmp_path: Path) -> None:
    store = open_store(tmp_path / "kuaida.sqlite3")
    repo = PhraseRepository(store.db)
    repo.save(Phrase(id="p-1", text="旧"))
    pages = store.db.execute("pragma page_count").fetchone()[0]
    store.db.execute(f"pragma max_page_count = {pages + 2}")  # SQLite then reports "database or disk is full"
    rows = [LibraryRow(i + 2, f"很长的新短语 {i} " * 30) for i in range(200)]
    with pytest.raises(StoreError, match="磁盘空间不足"):
        repo.import_library(LibraryFile("qianniu", "utf-8", rows=rows), "personal")
    assert [p.id for p in repo.all()] == ["p-1"]
    store.close()
