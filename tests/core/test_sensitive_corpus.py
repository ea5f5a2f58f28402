"""The sensitive-word guard against the tuning corpus in bench/data/sensitive/: both precision and recall
stay at 95 % or better (bench/sensitive_quality.py prints both sets, the held-out one included)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench" / "sensitive_quality.py"


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("sensitive_quality", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("sensitive_quality", module)
    spec.loader.exec_module(module)
    return module


def test_the_corpus_is_large_enough_to_measure(quality) -> None:
    for name in quality.SETS:
        result = quality.score(name)
        assert result.evasions >= 100 and result.ordinary >= 100, name
    tuning = quality.score("tuning")
    assert tuning.evasions >= 250 and tuning.ordinary >= 250


def test_precision_and_recall_on_the_tuning_corpus_are_at_least_95_percent(quality) -> None:
    result = quality.score("tuning")
    assert result.recall >= 0.95, result.missed
    assert result.precision >= 0.95, result.wrongly_flagged
