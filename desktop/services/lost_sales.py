"""未成交原因 as use cases: record why a buyer did not buy, and report the counts (CLI, card, lead's view)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from desktop.core.lost_sales import LostSale, checked, reason_counts, shop_reasons, totals
from desktop.core.reminders import zone_from
from desktop.services.context import Services
from desktop.store.lost_sales import LostSaleRepository


def reasons(services: Services) -> tuple[str, ...]:
    return shop_reasons(str(services.settings.get("lost_sale_reasons")))


def record_lost_sale(services: Services, buyer: str, reason: str, note: str, now: dt.datetime,
                     zone: dt.tzinfo | None = None) -> LostSale:
    """Store today's reason for `buyer` (a second one the same day replaces the first); `LostSaleError` when
    the buyer is missing, the reason unknown or the note too long. "Today" is in the shop's zone."""
    buyer, reason, note = checked(buyer, reason, note, reasons(services))
    sale = LostSale(buyer, now.astimezone(zone or zone_from(services.settings.get)).date(), reason, note)
    LostSaleRepository(services.store.db).record(sale, now)
    return sale


@dataclass(frozen=True)
class LostSaleReport:
    """Counts per reason over the last `days` days up to `today`, most frequent first, and per day."""

    today: dt.date
    days: int
    by_day: dict[dt.date, Counter[str]]

    @property
    def by_reason(self) -> list[tuple[str, int]]:
        return totals(self.by_day).most_common()

    @property
    def buyers(self) -> int:
        return sum(totals(self.by_day).values())


def lost_sale_report(services: Services, now: dt.datetime, days: int = 7) -> LostSaleReport:
    today = now.astimezone(zone_from(services.settings.get)).date()
    first = today - dt.timedelta(days=days - 1)
    return LostSaleReport(today, days, reason_counts(LostSaleRepository(services.store.db).since(first)))
