"""Canonical JSON bytes: one serialisation per value, so hashes and signatures are reproducible."""

from __future__ import annotations

import hashlib
import json
from typing import Any


def canonical_bytes(value: Any) -> bytes:
    # Sorted keys, no whitespace, real UTF-8 (not \u escapes): the same value always gives the same bytes.
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False).encode()


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_json_object(data: bytes, what: str, error: type[Exception]) -> dict[str, Any]:
    """Decode `data` as a JSON object or raise `error` saying which file is damaged."""
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as problem:
        raise error(f"{what}已损坏（不是有效的 JSON）") from problem
    if not isinstance(value, dict):
        raise error(f"{what}已损坏（格式不对）")
    return value
