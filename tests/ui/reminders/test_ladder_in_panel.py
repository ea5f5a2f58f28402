"""The 催付 list names each order's ladder step, suggests that step's phrase, records step and phrase when
reminding, and holds back a buyer the caps protect."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt

from desktop.services.context import Services
from desktop.store.orders import OrderRepository

from .test_panel import CHASE, CHASE_2, SHANGHAI, T0, clock, panel, unpaid  # noqa: F401 - fixtures


def test_the_list_shows_the_step_and_reminding_records_step_and_phrase(panel, services: Services) -> None:  # noqa: F811
    widget, _ = panel
    repo = OrderRepository(services.store.db, SHANGHAI)
    repo.apply_import([unpaid(1, 15)], T0)
    widget.refresh()
    assert "第1步 问顾虑" in widget.model.index(0).data()
    texts: list[str] = []
    widget.reply_requested.connect(texts.append)
    widget.remind(widget.model.reminder(0))
    # Both test phrases argue (库存, {截止时间}): with no phrase for steps 1–2, the rotation picks among all.
    assert texts and "还没付款" in texts[0]
    step, phrase_id = services.store.db.execute(
        "select step, phrase_id from reminder_events where kind = 'reminded'").fetchone()
    assert (step, phrase_id) == (1, CHASE.id)
    assert "第2步 再提醒" in widget.model.index(0).data()


def test_a_buyer_reminded_about_another_order_today_is_held_back(panel, services: Services) -> None:  # noqa: F811
    widget, _ = panel
    repo = OrderRepository(services.store.db, SHANGHAI)
    first = unpaid(1, 300)
    second = dataclasses.replace(unpaid(1, 60), order_id=first.order_id[:-1] + "9")
    repo.apply_import([first, second], T0)
    repo.mark_reminded(first.order_id, T0 - dt.timedelta(hours=2))
    widget.refresh()
    row = widget.model.row_of(second.order_id)
    assert "暂不催付" in widget.model.index(row).data()
    assert "24小时内已催过" in widget.model.index(row).data(Qt.ItemDataRole.ToolTipRole)  # it says why
