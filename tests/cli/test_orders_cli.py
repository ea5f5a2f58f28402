"""`kuaida orders import/add`, `kuaida reminders list/stats` and `kuaida customers list` end to end."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from desktop.cli import main

HEADER = ["订单编号", "买家会员名", "买家实际支付金额", "总金额", "订单状态", "订单创建时间", "宝贝标题"]


def write_export(path: Path, rows: list[list[str]]) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    path.write_bytes(buffer.getvalue().encode("gbk"))
    return path


def recent(hours_ago: float) -> str:
    return (dt.datetime.now() - dt.timedelta(hours=hours_ago)).strftime("%Y-%m-%d %H:%M:%S")


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> object:
    capsys.readouterr()
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_import_then_list_soonest_deadline_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = write_export(tmp_path / "orders.csv", [
        ['="3561234567890123456"', "新买家", "0.00", "59.00", "等待买家付款", recent(1), "保温杯"],
        ['="3561234567890123457"', "老买家", "0.00", "128.00", "等待买家付款", recent(30), "羊毛围巾"],
        ['="3561234567890123458"', "已付买家", "88.00", "88.00", "买家已付款，等待卖家发货", recent(2), "手套"],
        ["3.56123E+18", "坏行", "0", "1", "等待买家付款", recent(2), "x"],
    ])
    assert main(["orders", "import", str(export)]) == 0
    out, err = capsys.readouterr()
    assert "新增 3 单" in out and "新催付 2 条" in out
    assert "第 5 行已跳过" in err and "科学计数法" in err
    listed = run_json(capsys, "reminders", "list", "--json")
    assert [r["order_id"] for r in listed] == ["3561234567890123457", "3561234567890123456"]
    first = listed[0]
    assert set(first) >= {"order_id", "buyer", "amount", "state", "deadline", "next_nudge"}
    assert (first["buyer"], first["amount"], first["state"]) == ("老买家", "128.00", "pending")
    deadline = dt.datetime.fromisoformat(first["deadline"])
    assert deadline.tzinfo is not None
    assert dt.datetime.fromisoformat(first["next_nudge"]) < deadline
    # Re-importing the same file changes nothing.
    assert main(["orders", "import", str(export)]) == 0
    assert "未变 3 单" in capsys.readouterr().out


def test_missing_column_is_named_and_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("订单编号,订单状态\n1234567890,交易成功\n", encoding="utf-8")
    assert main(["orders", "import", str(path)]) == 1
    assert "买家会员名" in capsys.readouterr().err


def test_add_by_hand_and_customers_list(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["orders", "add", "231123-123456789012345", "--buyer", "拼多多买家", "--amount", "19.9"]) == 0
    (reminder,) = run_json(capsys, "reminders", "list", "--json")
    assert reminder["order_id"] == "231123-123456789012345"
    assert (reminder["amount"], reminder["platform"]) == ("19.90", "pdd")
    assert main(["orders", "add", "1.2E+18", "--buyer", "x"]) == 1
    assert run_json(capsys, "customers", "list", "--starred", "--json") == []


def test_stats_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stats.csv"
    assert main(["reminders", "stats", "--csv", str(target)]) == 0
    assert target.read_text(encoding="utf-8-sig").splitlines()[0] == "日期,催付次数,催付订单数,付款订单数,催付转化率"


@pytest.mark.parametrize("command", ["import", "add"])
def test_a_full_disk_is_a_message_not_a_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Issue 11 #17: OSError(ENOSPC) at the write used to end `orders import`/`add` with a traceback."""
    import errno

    from desktop.store.orders import OrderRepository

    def disk_full(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(OrderRepository, "apply_import", disk_full)
    monkeypatch.setattr(OrderRepository, "add_order", disk_full)
    export = write_export(tmp_path / "orders.csv", [
        ['="3561234567890123456"', "新买家", "0.00", "59.00", "等待买家付款", recent(1), "保温杯"]])
    argv = ["orders", "import", str(export)] if command == "import" else ["orders", "add", "3561234567890123456",
                                                                          "--buyer", "新买家"]
    capsys.readouterr()
    assert main(argv) == 1
    out, err = capsys.readouterr()
    assert "磁盘空间不足" in err and "Traceback" not in err + out


def test_a_data_folder_that_cannot_be_written_is_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 11 #17 (a read-only data folder). The suite may run as root, where chmod restricts nothing, so
    the refusal is injected where the folder is made."""
    import errno

    blocked = tmp_path / "readonly"
    real_mkdir = Path.mkdir

    def mkdir(self: Path, *args: object, **kwargs: object) -> None:
        if self == blocked or blocked in self.parents:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        real_mkdir(self, *args, **kwargs)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    capsys.readouterr()
    assert main(["--data-dir", str(blocked / "kuaida"), "orders", "add", "3561234567890123456", "--buyer", "x"]) == 1
    assert "没有权限写入" in capsys.readouterr().err
