"""`kuaida reminders list` names each order's ladder step, its phrase and what the caps hold back;
`kuaida reminders stats --by step|phrase` reports conversion per step and per phrase."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.cli import main
from desktop.core.reminders import ReminderState, zone_from
from desktop.services.context import open_services
from desktop.store.orders import OrderRepository


def add(order_id: str, buyer: str) -> None:
    assert main(["orders", "add", order_id, "--buyer", buyer, "--amount", "59"]) == 0


def test_list_shows_the_step_the_phrase_and_the_caps(capsys: pytest.CaptureFixture[str]) -> None:
    add("3561234567890000001", "老买家")
    add("3561234567890000002", "老买家")
    add("3561234567890000003", "新买家")
    services = open_services()
    repo = OrderRepository(services.store.db, zone_from(services.settings.get))
    now = dt.datetime.now(repo.zone)
    repo.mark_reminded("3561234567890000001", now - dt.timedelta(hours=1), step=1, phrase_id="d-urge_pay-2")
    repo.settle("3561234567890000001", ReminderState.PAID, now)
    services.close()
    capsys.readouterr()
    assert main(["reminders", "list", "--json"]) == 0
    listed = {r["order_id"]: r for r in json.loads(capsys.readouterr().out)}
    held = listed["3561234567890000002"]
    assert held["step"] == 1 and held["step_label"] == "第1步 问顾虑"
    assert held["held_back"].startswith("24小时内已催过该买家的其他订单")
    fresh = listed["3561234567890000003"]
    assert fresh["held_back"] is None and fresh["phrase_id"].startswith("d-urge_pay-")
    assert main(["reminders", "list"]) == 0
    assert "暂不催付：24小时内已催过" in capsys.readouterr().out

    assert main(["reminders", "stats", "--by", "step"]) == 0
    assert capsys.readouterr().out.splitlines() == ["步骤,催付次数,之后付款,转化率", "第1步 问顾虑,1,1,100.0%"]
    assert main(["reminders", "stats", "--by", "phrase"]) == 0
    assert capsys.readouterr().out.splitlines()[1] == "d-urge_pay-2,1,1,100.0%"
