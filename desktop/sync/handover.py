"""The shared 日清 handover on the team folder: `handover/<shop hash>.json`, written atomically like the other
share files (unique temp name, fsync, rename) and read with a size limit, never through a link."""

from __future__ import annotations

from pathlib import Path

from desktop.core.handover import MAX_HANDOVER_BYTES, Handover, decode_handover, encode_handover, handover_file_name
from desktop.sync.atomic import write_atomic
from desktop.sync.folder import TeamFolder, is_link, read_limited

HANDOVER_FOLDER = "handover"


def handover_path(folder_path: Path, shop: str) -> Path:
    return folder_path / HANDOVER_FOLDER / handover_file_name(shop)


def write_shared_handover(folder_path: Path, shop: str, handover: Handover) -> Path:
    """Replace the shop's handover with this one (only the latest shift's handover is kept on the share)."""
    folder = TeamFolder(folder_path)
    folder.require_reachable()
    target = handover_path(folder_path, shop)
    if is_link(target.parent):
        raise OSError(f"{target.parent} 是一个链接，不会写入")
    target.parent.mkdir(exist_ok=True)
    write_atomic(target, encode_handover(handover))
    return target


def read_shared_handover(folder_path: Path, shop: str) -> Handover | None:
    """The shop's latest handover, None when there is none; `HandoverError` for a damaged or forged file,
    OSError when the share cannot be read."""
    TeamFolder(folder_path).require_reachable()
    target = handover_path(folder_path, shop)
    if is_link(target.parent) or is_link(target):
        return None
    try:
        data = read_limited(target, MAX_HANDOVER_BYTES)
    except FileNotFoundError:
        return None
    return decode_handover(data)
