"""The values every renderer fills templates with: the CLI, the 建议 list, the 催付 list and the editor's preview."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.templates import render
from desktop.settings import SettingsReader


def agent_values(settings: SettingsReader, campaign: str = "") -> dict[str, str]:
    """{客服}, {店铺} and {活动}: the agent's campaign setting wins over the team's running `campaign`."""
    return {
        "客服": settings.get("agent_name"),
        "店铺": settings.get("shop_name"),
        "活动": settings.get("campaign") or campaign,
    }


@dataclass(frozen=True)
class RenderValues:
    """A snapshot of the template values, taken when they change: rows render from it without calling back
    into whoever assembled them. Empty, it fills only the built-in variables (greeting, date)."""

    values: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, values: Mapping[str, str]) -> RenderValues:
        return cls(tuple(values.items()))

    def render(self, text: str) -> str:
        return render(text, dict(self.values))


def render_values(settings: SettingsReader, campaign: str = "") -> RenderValues:
    """`agent_values` as a snapshot for the lists that render many rows."""
    return RenderValues.of(agent_values(settings, campaign))


def export_values(settings: SettingsReader) -> dict[str, str]:
    """What an export to Qianniu fills in: the values that stay true for as long as the file is used
    ({客服}, {店铺}); a campaign ends and a greeting depends on the hour, so those are left to the agent."""
    return {key: value for key, value in agent_values(settings).items() if key in ("客服", "店铺") and value}
