"""Phrase flags (稍等查询, 致歉, 安抚, 升级) travel with the phrase: defaults, files, the store, the team pack."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.default_library import load_default_library
from desktop.core.library_io import export_library, read_library
from desktop.core.phrases import FLAG_NAMES, Phrase, parse_flags
from desktop.core.sync.pack import TeamLibrary, decode_pack, encode_pack
from desktop.store.database import open_memory_store
from desktop.store.phrases import PhraseRepository


def test_flags_are_read_by_key_or_chinese_name_and_unknown_ones_are_refused() -> None:
    assert parse_flags(("稍等查询", "apology", "致歉")) == ("wait", "apology")
    with pytest.raises(ValueError, match="未知的标记"):
        parse_flags(("随便",))


def test_bundled_defaults_carry_every_flag() -> None:
    flagged = {flag for phrase in load_default_library() for flag in phrase.flags}
    assert flagged == set(FLAG_NAMES)


def test_full_export_writes_flags_and_import_reads_them_back(tmp_path: Path) -> None:
    phrase = Phrase(id="p-1", text="亲稍等，我查一下", group="稍等查询", flags=("wait",))
    path = tmp_path / "out.csv"
    export_library(path, [phrase, Phrase(id="p-2", text="好的")])
    assert "标记" in path.read_text(encoding="utf-8-sig").splitlines()[0]
    rows = read_library(path).rows
    assert [row.flags for row in rows] == [("wait",), ()]


def test_an_unknown_flag_skips_its_row_only(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("快捷编码,快捷短语,快捷短语分组,标记\na,亲稍等,,稍等查询\nb,好的,,随便\n", encoding="utf-8")
    library = read_library(path)
    assert [row.text for row in library.rows] == ["亲稍等"]
    assert library.issues[0].row == 3


def test_the_store_keeps_flags() -> None:
    store = open_memory_store()
    try:
        repo = PhraseRepository(store.db)
        repo.save(Phrase(id="p-1", text="抱歉久等", flags=("apology",)))
        assert repo.get("p-1").flags == ("apology",)
    finally:
        store.close()


def test_the_team_pack_carries_flags_and_omits_them_when_none() -> None:
    flagged = Phrase(id="t-1", text="已提交主管", source="team", flags=("escalate",))
    plain = Phrase(id="t-2", text="好的", source="team")
    data = encode_pack(TeamLibrary(phrases=(flagged, plain)), 3)
    lines = data.decode().splitlines()
    assert '"flags"' in lines[1] and '"flags"' not in lines[2]
    assert [p.flags for p in decode_pack(data)[1].phrases] == [("escalate",), ()]


def test_the_migration_gives_bundled_phrases_already_stored_their_flags() -> None:
    import sqlite_utils

    from desktop.store.schema import add_phrase_flags, create_phrase_tables

    db = sqlite_utils.Database(memory=True)
    create_phrase_tables(db)
    db["phrases"].insert({"id": "d-wait-1", "text": "亲稍等", "grp": "稍等查询", "code": "", "intents": "[]",
                          "keywords": "[]", "source": "team", "enabled": 1, "position": 1})
    db["phrases"].insert({"id": "t-own", "text": "好的", "grp": "", "code": "", "intents": "[]",
                          "keywords": "[]", "source": "team", "enabled": 1, "position": 2})
    try:
        add_phrase_flags(db)
        repo = PhraseRepository(db)
        assert (repo.get("d-wait-1").flags, repo.get("t-own").flags) == (("wait",), ())
    finally:
        db.close()  # Python 3.13 (the Windows stage) warns about a connection left to the garbage collector
