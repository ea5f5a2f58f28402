"""Property tests of the pack and manifest parsers: no input crashes them, none passes verification unsigned.
Part of the fuzz harness (tests/test_fuzz_outside_input.py): the same bounded "kuaida-fuzz" profile."""

from __future__ import annotations

import contextlib
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.phrases import Phrase
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.manifest import build_manifest, decode_manifest, verify_manifest, verify_pack_bytes
from desktop.core.sync.pack import PackError, TeamLibrary, decode_pack, encode_pack

KEY = SigningKey.generate()
PACK = encode_pack(TeamLibrary((Phrase(id="t-1", text="亲，在的呢", source="team"),)), 1)
MANIFEST = build_manifest(PACK, 1, KEY, "主管").to_bytes()
FUZZ = settings(settings.get_profile("kuaida-fuzz"))

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=20,
)
MANIFEST_FIELDS = ("kind", "format", "library_version", "published_at", "publisher", "pack", "pack_sha256",
                   "pack_size", "public_key", "signature")


def _manifest_like(draw_fields: dict) -> bytes:
    base = json.loads(MANIFEST)
    base.update(draw_fields)
    return json.dumps(base, ensure_ascii=False).encode()


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash_the_parsers_or_verify(data):
    try:
        manifest = decode_manifest(data)
    except PackError:
        pass
    else:
        try:
            verify_manifest(manifest, KEY.public)
        except PackError:
            pass
        else:
            raise AssertionError("random bytes verified")
    with contextlib.suppress(PackError):
        decode_pack(data)


@FUZZ
@given(st.dictionaries(st.sampled_from(MANIFEST_FIELDS), json_values, min_size=1, max_size=4))
def test_a_signed_manifest_with_any_fields_replaced_never_verifies(fields):
    data = _manifest_like(fields)
    if json.loads(data) == json.loads(MANIFEST):
        return
    try:
        verify_manifest(decode_manifest(data), KEY.public)
    except PackError:
        return
    raise AssertionError(f"edited manifest verified: {fields}")


@FUZZ
@given(st.integers(min_value=0, max_value=len(MANIFEST) - 1), st.integers(min_value=1, max_value=255))
def test_any_single_byte_change_of_a_signed_manifest_is_refused(position, xor):
    data = bytearray(MANIFEST)
    data[position] ^= xor
    try:
        verify_manifest(decode_manifest(bytes(data)), KEY.public)
    except PackError:
        return
    raise AssertionError("tampered manifest verified")


@FUZZ
@given(st.integers(min_value=0, max_value=len(PACK) - 1), st.integers(min_value=1, max_value=255))
def test_any_single_byte_change_of_a_pack_fails_its_hash(position, xor):
    data = bytearray(PACK)
    data[position] ^= xor
    manifest = decode_manifest(MANIFEST)
    try:
        verify_pack_bytes(manifest, bytes(data))
    except PackError:
        return
    raise AssertionError("tampered pack passed")


@FUZZ
@given(st.dictionaries(st.sampled_from(["kind", "format", "library_version", "phrase_count", "sensitive_words",
                                        "promotions", "featured"]), json_values, max_size=5),
       st.lists(st.dictionaries(st.sampled_from(["id", "text", "group", "code", "intents", "keywords"]),
                                json_values, max_size=6), max_size=3))
def test_pack_like_json_lines_either_parse_or_raise_pack_error(fields, phrases):
    header = {"kind": "kuaida-team-pack", "format": 1, "library_version": 1, "phrase_count": len(phrases),
              **fields}
    data = b"".join(json.dumps(line).encode() + b"\n" for line in [header, *phrases])
    try:
        version, library = decode_pack(data)
    except PackError:
        return
    assert decode_pack(encode_pack(library, version)) == (version, library)  # what parsed can be written back


phrase_texts = st.text(min_size=1, max_size=50).filter(lambda t: t.strip())


@FUZZ
@given(st.lists(st.tuples(st.from_regex(r"[A-Za-z0-9_.\-]{1,20}", fullmatch=True), phrase_texts,
                          st.text(max_size=10)), max_size=8, unique_by=lambda t: t[0]))
def test_any_valid_library_round_trips(rows):
    library = TeamLibrary(tuple(Phrase(id=i, text=t, group=g or "未分组", source="team") for i, t, g in rows))
    assert decode_pack(encode_pack(library, 5)) == (5, library)
