"""Reading a phrase library file for publishing, through the importer `kuaida library import` uses."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from desktop.core.phrases import Phrase


class LibraryFileError(ValueError):
    """The file cannot be published as a team library; the message is for the lead."""


def read_library_file(path: Path) -> list[Phrase]:
    """Every phrase in `path` (CSV/Excel in any layout the core importer reads), as team phrases."""
    try:
        from desktop.core import library_io
    except ImportError as error:  # the importer is a separate piece of work; say so instead of guessing
        raise LibraryFileError("此版本的快答还不能读取短语库文件（缺少 desktop.core.library_io）") from error
    try:
        phrases = library_io.read_library(path)  # type: ignore[attr-defined]
    except (OSError, ValueError) as error:
        raise LibraryFileError(f"无法读取短语库文件 {path}：{error}") from error
    return [dataclasses.replace(p, source="team") for p in phrases]
