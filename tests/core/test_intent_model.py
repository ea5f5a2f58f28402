"""The shipped intent model loads in pure Python and reads obvious messages (written for this test)."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from desktop.core.default_library import load_default_library
from desktop.core.engine import SuggestionEngine
from desktop.core.intent_model import MODEL_RESOURCE, OTHER, IntentModel, bundled_model, text_features
from desktop.core.phrases import intent_ids


def test_the_model_knows_every_intent_and_other() -> None:
    assert set(bundled_model().classes) == intent_ids() | {OTHER}


@pytest.mark.parametrize(
    ("message", "intent"),
    [("什么时候发货", "ship_time"), ("能开发票吗", "invoice"), ("我要退货", "return_exchange"),
     ("退款什么时候到账", "refund"), ("快递到哪了", "logistics"), ("保修多久", "warranty_repair"),
     ("好的谢谢", "thanks_bye"), ("能便宜点吗", "bargain")],
)
def test_obvious_messages_are_read_by_the_model(message: str, intent: str) -> None:
    # as the engine runs it: on the normalised text, with the lexicon's evidence as features
    engine = SuggestionEngine(load_default_library())
    shares = bundled_model().classify(*engine.model_input(message))
    assert max(shares, key=shares.__getitem__) == intent


def test_the_weights_file_is_small_and_holds_only_short_ngrams() -> None:
    text = resources.files("desktop.resources").joinpath(MODEL_RESOURCE).read_text(encoding="utf-8")
    assert len(text.encode()) < 400_000
    features = json.loads(text)["weights"]
    # at most three characters plus clause marks, or a lexicon feature: no message can be read back
    assert all(f.startswith("@") or len(f.strip("<>")) <= 3 for f in features)


def test_features_are_length_normalised() -> None:
    short, long = text_features("发货"), text_features("发货 " * 50)
    assert abs(sum(v * v for v in short.values()) - 1.0) < 1e-9
    assert abs(sum(v * v for v in long.values()) - 1.0) < 1e-9


def test_a_model_round_trips_through_its_json_format() -> None:
    from desktop.core.intent_model import to_json

    text = to_json(["a", "other"], [0.5, 0.0], {"<发": [(0, 1.0)]}, scale=0.01, meta={})
    model = IntentModel.from_json(text)
    assert model.classify("发")["a"] > model.classify("")["a"]
