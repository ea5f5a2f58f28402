"""`kuaida library` and `kuaida store` from the command line, and `--data-dir` / `KUAIDA_HOME` for every command."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest
from openpyxl import load_workbook

from desktop.cli import build_parser, main
from desktop.core.phrases import Phrase
from desktop.paths import Paths
from desktop.settings import open_settings
from desktop.store.database import backups, daily_backup, open_store
from desktop.store.phrases import PhraseRepository

QIANNIU_GBK = (
    "快捷编码,快捷短语,快捷短语分组\r\nfh,亲，48小时内发货&#13;请放心&#44;谢谢,发货\r\nzz,   ,空\r\n"
).encode("gbk")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def personal(capsys: pytest.CaptureFixture[str], home: Path) -> list[dict]:
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "list", "--source", "personal", "--json")
    assert code == 0
    return [json.loads(line) for line in out.splitlines()]


def test_import_prints_a_summary_with_skipped_rows_and_is_idempotent(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home, file = tmp_path / "home", tmp_path / "快捷短语.csv"
    file.write_bytes(QIANNIU_GBK)
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file))
    assert code == 0
    assert "千牛三列格式，GBK" in out and "新增 1 条" in out and "跳过 1 行" in out
    assert "第 3 行：短语内容为空" in out
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file))
    assert "新增 0 条" in out and "未变 1 条" in out
    (phrase,) = personal(capsys, home)
    assert (phrase["code"], phrase["text"], phrase["group"]) == ("fh", "亲，48小时内发货\n请放心,谢谢", "发货")


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "找不到文件"), ("编码,内容\r\nfh,亲\r\n".encode(), "缺少“快捷短语”列"),
     ("快捷编码,快捷短语\r\nfh,亲，发货".encode()[:-1], "不完整")],
)
def test_a_fatal_import_error_exits_non_zero_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None, message: str
) -> None:
    home, file = tmp_path / "home", tmp_path / "in.csv"
    if content is not None:
        file.write_bytes(content)
    code, _, err = run(capsys, "--data-dir", str(home), "library", "import", str(file))
    assert code == 1
    assert message in err and "没有任何改动" in err
    assert personal(capsys, home) == []


def test_import_into_the_team_library(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, file = tmp_path / "home", tmp_path / "team.csv"
    file.write_text("快捷编码,快捷短语,快捷短语分组,意图,关键词,编号\nzz,亲，新品上架啦,主推,recommend,新品,t-new\n",
                    encoding="utf-8-sig")
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file), "--source", "team")
    assert code == 0 and "快答完整格式" in out and "团队短语" in out
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "list", "--source", "team", "--json")
    assert {"id": "t-new", "intents": ["recommend"]}.items() <= json.loads(out.splitlines()[-1]).items()


def test_export_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, file = tmp_path / "home", tmp_path / "in.csv"
    file.write_bytes(QIANNIU_GBK)
    run(capsys, "--data-dir", str(home), "library", "import", str(file))

    qianniu = tmp_path / "qianniu.csv"
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "export", str(qianniu),
                       "--format", "qianniu", "--source", "personal", "--encoding", "gbk")
    assert code == 0 and "已导出 1 条" in out
    assert qianniu.read_bytes().decode("gbk").splitlines() == [
        "快捷编码,快捷短语,快捷短语分组", "fh,亲，48小时内发货&#13;请放心&#44;谢谢,发货",
    ]

    everything = tmp_path / "all.xlsx"
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "export", str(everything))
    workbook = load_workbook(everything, read_only=True)
    rows = list(workbook.active.iter_rows(values_only=True))
    workbook.close()
    assert rows[0] == ("快捷编码", "快捷短语", "快捷短语分组", "意图", "关键词", "编号", "标记")
    assert len(rows) > 150  # the bundled team library comes along


def test_a_qianniu_export_fills_variables_from_settings_and_values_and_names_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home, file = tmp_path / "home", tmp_path / "in.csv"
    file.write_text("快捷编码,快捷短语,快捷短语分组\r\nhy,{问候}，我是{客服}，{买家}您好,欢迎语\r\n",
                    encoding="utf-8-sig")
    run(capsys, "--data-dir", str(home), "library", "import", str(file))
    open_settings(Paths(home)).set("agent_name", "小美")
    qianniu = tmp_path / "qianniu.csv"
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "export", str(qianniu), "--format", "qianniu",
                       "--source", "personal", "--value", "问候=您好")
    assert code == 0
    assert qianniu.read_bytes().decode("utf-8-sig").splitlines()[1] == "hy,您好，我是小美，您好,欢迎语"
    assert "1 条短语的变量没有值" in out and "{买家}" in out
    with pytest.raises(SystemExit):
        main(["--data-dir", str(home), "library", "export", str(qianniu), "--value", "昵称=x"])
    assert "变量可选" in capsys.readouterr().err


def test_export_to_an_unwritable_place_fails_cleanly(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "home"), "library", "export",
                       str(tmp_path / "no-such-folder" / "out.csv"))
    assert code == 1 and "导出失败" in err


def test_a_damaged_store_is_named_and_restored_from_its_backup(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    assert run(capsys, "--data-dir", str(home), "library", "list")[0] == 0  # creates the store and today's backup
    database = home / "kuaida.sqlite3"
    conn = sqlite3.connect(database)
    conn.execute("pragma wal_checkpoint(truncate)")
    conn.close()
    data = bytearray(database.read_bytes())
    data[4096:] = b"\xa5" * (len(data) - 4096)
    database.write_bytes(bytes(data))

    (backup,) = backups(home / "backups")
    for command in (["library", "list"], ["suggest", "在吗"]):  # every command, not only ours
        code, _, err = run(capsys, "--data-dir", str(home), *command)
        assert code == 2 and "已损坏" in err and str(backup) in err and "kuaida store restore" in err
    code, out, _ = run(capsys, "--data-dir", str(home), "store", "check")
    assert code == 2 and backup.name in out
    code, out, _ = run(capsys, "--data-dir", str(home), "store", "restore")
    assert code == 0 and "damaged" in out
    assert run(capsys, "--data-dir", str(home), "store", "check")[0] == 0
    code, _, err = run(capsys, "--data-dir", str(home), "store", "restore")
    assert code == 1 and "--force" in err  # a healthy store is not replaced by accident


def test_a_zero_byte_store_is_damage_for_check_and_restore_brings_the_phrases_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tmp_path / "home"
    store = open_store(home / "kuaida.sqlite3")
    PhraseRepository(store.db).save(Phrase(id="p-mine", text="亲，这是我自己的短语", source="personal"))
    backup = daily_backup(store.db, home / "backups")
    store.close()
    (home / "kuaida.sqlite3").write_bytes(b"")  # a power cut
    code, out, _ = run(capsys, "--data-dir", str(home), "store", "check")
    assert code == 2 and "文件是空的" in out and backup is not None and backup.name in out
    code, _, err = run(capsys, "--data-dir", str(home), "library", "list")
    assert code == 2 and "kuaida store restore" in err  # not re-seeded with the default library
    assert (home / "kuaida.sqlite3").read_bytes() == b""
    assert run(capsys, "--data-dir", str(home), "store", "restore")[0] == 0  # no --force needed
    assert [p["id"] for p in personal(capsys, home)] == ["p-mine"]


# --data-dir and KUAIDA_HOME ----------------------------------------------------------------------
# One harmless invocation per command that uses the data folder; a new command must be added here.
INVOCATIONS: dict[str, list[str]] = {
    "suggest": ["suggest", "什么时候发货"],
    "library": ["library", "list"],
    "store": ["store", "check"],
    "orders": ["orders", "add", "293012345678901", "--buyer", "测试买家"],
    "reminders": ["reminders", "list"],
    "adoption": ["adoption"],
    "customers": ["customers", "list"],
    "lost": ["lost", "report"],
    "feedback": ["feedback", "list"],
    "rounds": ["rounds", "list"],
    "sync": ["sync", "status"],
    "publish": ["publish", "--key", "no-such-key-file"],
    "doctor": ["doctor", "--json", "--timeout", "0.1"],
}
LOOK_ONLY = {"doctor"}  # reports on the data folder without creating it: its output must name the chosen one
NO_DATA_FOLDER = {"check", "keygen"}  # these never open the store


def as_in_json(path: Path) -> str:
    return json.dumps(str(path), ensure_ascii=False)[1:-1]


def registered_commands() -> set[str]:
    parser = build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return set(sub.choices)


def test_every_command_is_covered_by_the_data_folder_tests() -> None:
    assert registered_commands() == set(INVOCATIONS) | NO_DATA_FOLDER


@pytest.mark.parametrize("command", sorted(INVOCATIONS))
def test_every_command_honours_data_dir(
    command: str, tmp_path: Path, kuaida_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    chosen = tmp_path / "chosen"
    main(["--data-dir", str(chosen), *INVOCATIONS[command]])
    out = capsys.readouterr().out
    if command in LOOK_ONLY:  # JSON output: a Windows path's backslashes are escaped there
        assert as_in_json(chosen) in out and as_in_json(kuaida_home) not in out
    else:
        assert (chosen / "kuaida.sqlite3").exists()
    assert not kuaida_home.exists()


@pytest.mark.parametrize("command", sorted(INVOCATIONS))
def test_every_command_honours_kuaida_home(
    command: str, tmp_path: Path, kuaida_home: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)
    main(INVOCATIONS[command])
    out = capsys.readouterr().out
    if command in LOOK_ONLY:
        assert as_in_json(kuaida_home) in out
    else:
        assert (kuaida_home / "kuaida.sqlite3").exists()


def test_data_dir_may_follow_the_library_and_store_actions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    chosen = tmp_path / "chosen"
    assert run(capsys, "library", "list", "--data-dir", str(chosen))[0] == 0
    assert run(capsys, "store", "check", "--data-dir", str(chosen))[0] == 0
    assert (chosen / "kuaida.sqlite3").exists()


SHOP_LIBRARY = (
    "快捷编码,快捷短语,快捷短语分组\r\nfh,亲，我们家24小时内发韵达哦,售前\r\nth,亲，七天无理由退换，运费我们出,退换货\r\n"
    "hd,好的呢亲,常用\r\n"
)


def suggested_ids(capsys: pytest.CaptureFixture[str], home: Path, message: str) -> list[str]:
    code, out, _ = run(capsys, "--data-dir", str(home), "suggest", "--json", "--top", "9", message)
    assert code == 0
    return [s["id"] for s in json.loads(out)["suggestions"]]


def test_import_reports_intents_and_lists_phrases_without_any(tmp_path: Path, capsys) -> None:
    home, file = tmp_path / "home", tmp_path / "shop.csv"
    file.write_text(SHOP_LIBRARY, encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file))
    assert code == 0
    assert "2 条有意图（文件中写明 0 条，推断 2 条），1 条没有意图" in out
    assert "推断 退换货\tth\t[退换货]\t亲，七天无理由退换，运费我们出" in out
    assert "fh\t[售前]\t亲，我们家24小时内发韵达哦" in out  # inferred from its text: the courier
    assert "没有意图\thd\t[常用]\t好的呢亲" in out


def test_the_first_import_drops_the_bundled_defaults_unless_kept(tmp_path: Path, capsys) -> None:
    home, file = tmp_path / "home", tmp_path / "shop.csv"
    file.write_text(SHOP_LIBRARY, encoding="utf-8")
    assert any(i.startswith("d-") for i in suggested_ids(capsys, home, "可以退换吗"))

    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file))
    assert code == 0
    assert "快答自带的默认短语：不再推荐" in out and "--keep-bundled" in out
    assert suggested_ids(capsys, home, "可以退换吗") == [personal(capsys, home)[1]["id"]]

    code, out, _ = run(capsys, "--data-dir", str(home), "library", "import", str(file), "--keep-bundled")
    assert code == 0
    assert "快答自带的默认短语：继续推荐" in out
    assert any(i.startswith("d-") for i in suggested_ids(capsys, home, "可以退换吗"))
    run(capsys, "--data-dir", str(home), "library", "import", str(file))  # no flag: the choice stays
    assert any(i.startswith("d-") for i in suggested_ids(capsys, home, "可以退换吗"))
    run(capsys, "--data-dir", str(home), "library", "import", str(file), "--drop-bundled")
    assert not any(i.startswith("d-") for i in suggested_ids(capsys, home, "可以退换吗"))
