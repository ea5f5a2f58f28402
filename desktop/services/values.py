"""The values every renderer fills templates with: the CLI, the 建议 list, the 催付 list and the editor's preview."""

from __future__ import annotations

from desktop.settings import SettingsReader


def agent_values(settings: SettingsReader, campaign: str = "") -> dict[str, str]:
    """{客服}, {店铺} and {活动}: the agent's campaign setting wins over the team's running `campaign`."""
    return {
        "客服": settings.get("agent_name"),
        "店铺": settings.get("shop_name"),
        "活动": settings.get("campaign") or campaign,
    }
