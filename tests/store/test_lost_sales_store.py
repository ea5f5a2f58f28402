"""未成交原因 in the store: one reason per buyer and day, corrected in place, old rows dropped."""

from __future__ import annotations

import datetime as dt

from desktop.core.lost_sales import LostSale
from desktop.store.database import open_store
from desktop.store.lost_sales import KEEP_DAYS, LostSaleRepository

NOW = dt.datetime(2026, 12, 4, 10, tzinfo=dt.UTC)


def test_recording_again_the_same_day_replaces_and_old_days_are_dropped(tmp_path) -> None:
    store = open_store(tmp_path / "kuaida.db")
    try:
        repo = LostSaleRepository(store.db)
        old = NOW.date() - dt.timedelta(days=KEEP_DAYS + 1)
        repo.record(LostSale("小猪", old, "不包邮"), NOW)
        repo.record(LostSale("小猪", NOW.date(), "价格太贵"), NOW)
        repo.record(LostSale("小猪", NOW.date(), "款式不新", "想要新款"), NOW)
        assert repo.for_buyer("小猪") == [LostSale("小猪", NOW.date(), "款式不新", "想要新款")]
        assert repo.since(old) == repo.for_buyer("小猪")
        repo.remove("小猪", NOW.date())
        assert repo.since(old) == []
    finally:
        store.close()
