"""The values every renderer fills templates with: the CLI, the 建议 list, the 催付 list and the editor's preview."""

from __future__ import annotations

from desktop.settings import Settings


def agent_values(settings: Settings, campaign: str = "") -> dict[str, str]:
    """{客服}, {店铺} and {活动}: the agent's campaign setting wins over the team's running `campaign`."""
    return {
        "客服": str(settings.get("agent_name")),
        "店铺": str(settings.get("shop_name")),
        "活动": str(settings.get("campaign")) or campaign,
    }


def export_values(settings: Settings) -> dict[str, str]:
    """What an export to Qianniu fills in: the values that stay true for as long as the file is used
    ({客服}, {店铺}); a campaign ends and a greeting depends on the hour, so those are left to the agent."""
    return {key: value for key, value in agent_values(settings).items() if key in ("客服", "店铺") and value}
