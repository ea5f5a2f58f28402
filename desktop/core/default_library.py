"""The bundled default phrase library (resources/library/default.csv), the team library until one is synced."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from importlib import resources

from desktop.core.phrases import UNGROUPED, Phrase, parse_flags

# The rich CSV layout: Qianniu's three columns first, then ours. `kuaida library export` writes the same.
COLUMNS = ("快捷编码", "快捷短语", "快捷短语分组", "意图", "关键词", "编号")
LIST_SEPARATOR = "|"
# Every bundled phrase's id starts so (resources/library/default.csv, column 编号); a shop's own phrases never do.
BUNDLED_ID_PREFIX = "d-"


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (cell or "").split(LIST_SEPARATOR) if part.strip())


def _bundled_flags() -> dict[str, tuple[str, ...]]:
    """Flags of bundled phrases (`library/default_flags.tsv`: 编号<TAB>标记), kept beside the library file so
    the file itself stays in the layout every Kuaida reads."""
    text = resources.files("desktop.resources").joinpath("library/default_flags.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines()[1:] if line.strip()]
    return {row[0]: parse_flags(_split(row[1])) for row in rows}


def load_default_library() -> list[Phrase]:
    text = resources.files("desktop.resources").joinpath("library/default.csv").read_text(encoding="utf-8-sig")
    flags = _bundled_flags()
    return [
        Phrase(
            id=row["编号"], text=row["快捷短语"], group=row["快捷短语分组"] or UNGROUPED, code=row["快捷编码"] or "",
            intents=_split(row["意图"]), keywords=_split(row["关键词"]), source="team",
            flags=flags.get(row["编号"], ()),
        )
        for row in csv.DictReader(io.StringIO(text))
    ]


def is_bundled(phrase: Phrase) -> bool:
    """Whether the phrase is one of Kuaida's bundled defaults rather than the shop's own (team or personal)."""
    return phrase.id.startswith(BUNDLED_ID_PREFIX)


def phrases_to_suggest(
    phrases: Sequence[Phrase], *, own_library: bool, keep_bundled: bool, team_synced: bool
) -> list[Phrase]:
    """The phrases the engine gets. Once the shop has a library of its own (`own_library`), the bundled
    defaults answer with facts the shop may not have (48小时 vs its 24小时, 中通 vs its 韵达), so they stop being
    suggested, unless the shop keeps them (setting `keep_bundled_phrases`). Bundled phrases in a team library
    synced from the share stay: the lead kept them when publishing, and that is the shop's choice."""
    if keep_bundled or not own_library:
        return list(phrases)
    return [p for p in phrases if not is_bundled(p) or (team_synced and p.source == "team")]
