"""The team library's formats: canonical bytes, keys and fingerprints, manifests, packs, diffs."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from desktop.core.phrases import Phrase
from desktop.core.sync.canonical import canonical_bytes
from desktop.core.sync.diff import diff_libraries
from desktop.core.sync.keys import (
    KeyFileError,
    PublicKey,
    SigningKey,
    load_public_key,
    load_signing_key,
    normalise_fingerprint,
    write_key_pair,
)
from desktop.core.sync.manifest import build_manifest, decode_manifest, verify_manifest, verify_pack_bytes
from desktop.core.sync.pack import (
    Featured,
    FormatTooNewError,
    PackError,
    Promotion,
    SensitiveWord,
    TeamLibrary,
    decode_pack,
    encode_pack,
)
from desktop.core.sync.private_file import is_private, under_wine

KEY = SigningKey.generate()
LIBRARY = TeamLibrary(
    (Phrase(id="t-1", text="亲，在的呢😊\n请问有什么可以帮您？", group="欢迎", code="hy", intents=("greeting",),
            keywords=("在吗",), source="team"),
     Phrase(id="t-2", text="{活动}期间满300减40哦～", source="team")),
    (SensitiveWord("第一", "绝对化用语"),),
    (Promotion("双11", dt.date(2026, 11, 1), dt.date(2026, 11, 11), ("满减", "赠品")),),
    Featured("t-2", "羽绒服", dt.date(2026, 11, 16), dt.date(2026, 11, 22)),
)


def test_canonical_bytes_do_not_depend_on_key_order_and_keep_chinese_readable():
    assert canonical_bytes({"b": 1, "a": "快答"}) == canonical_bytes({"a": "快答", "b": 1})
    assert canonical_bytes({"a": "快答"}) == '{"a":"快答"}'.encode()


def test_a_pack_round_trips_and_is_byte_identical_when_re_encoded():
    data = encode_pack(LIBRARY, 7)
    assert decode_pack(data) == (7, LIBRARY)
    assert encode_pack(decode_pack(data)[1], 7) == data


def test_a_pack_with_duplicate_ids_or_bad_fields_is_refused():
    dup = dataclasses.replace(LIBRARY, phrases=LIBRARY.phrases[:1] * 2)
    with pytest.raises(PackError, match="重复"):
        decode_pack(encode_pack(dup, 1))
    header = b'{"kind":"kuaida-team-pack","format":1,"library_version":1,"phrase_count":1}\n'
    for bad in (header + b'{"id":"../x","text":"a"}\n', header + b'{"id":"a","text":""}\n',
                header + b'{"id":"a","text":"x"}', header + b'{"id":"a","text":"x"}\n{"id":"b","text":"y"}\n',
                header, b'{"kind":"kuaida-team-pack","format":1,"library_version":-1,"phrase_count":0}\n',
                b'{"kind":"kuaida-team-pack","format":true,"library_version":1,"phrase_count":0}\n'):
        with pytest.raises(PackError):
            decode_pack(bad)


def test_a_pack_from_a_newer_format_says_so():
    with pytest.raises(FormatTooNewError, match="请更新快答"):
        decode_pack(b'{"kind":"kuaida-team-pack","format":2,"whatever":"new"}')


def test_a_manifest_signs_the_pack_hash_and_verifies_only_with_its_key():
    pack = encode_pack(LIBRARY, 3)
    manifest = build_manifest(pack, 3, KEY, "主管", dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.UTC))
    parsed = decode_manifest(manifest.to_bytes())
    assert parsed == manifest
    assert parsed.published_at == "2026-11-20T08:00:00+00:00"
    verify_manifest(parsed, KEY.public)
    verify_pack_bytes(parsed, pack)
    with pytest.raises(PackError, match="另一把密钥"):
        verify_manifest(parsed, SigningKey.generate().public)
    with pytest.raises(PackError, match="校验值"):
        verify_pack_bytes(parsed, pack.replace(b"t-1", b"t-9"))


def test_a_manifest_with_an_edited_field_but_the_old_signature_fails():
    manifest = build_manifest(encode_pack(LIBRARY, 3), 3, KEY, "主管")
    edited = dataclasses.replace(manifest, publisher="别人")
    with pytest.raises(PackError, match="签名无效"):
        verify_manifest(decode_manifest(edited.to_bytes()), KEY.public)


def test_key_files_are_private_and_never_overwritten(tmp_path):
    private, public = write_key_pair(tmp_path / "keys")
    assert is_private(private) or under_wine()  # Wine keeps no file ACLs: real Windows checks it
    assert load_signing_key(private).public == load_public_key(public)
    with pytest.raises(FileExistsError):
        write_key_pair(tmp_path / "keys")
    (tmp_path / "bad.key").write_text("not a key", encoding="utf-8")
    with pytest.raises(KeyFileError):
        load_signing_key(tmp_path / "bad.key")
    with pytest.raises(KeyFileError):
        load_signing_key(tmp_path / "missing.key")


def test_fingerprints_read_out_loud_and_typed_back_any_way():
    fingerprint = KEY.public.fingerprint
    assert len(fingerprint.split()) == 8
    assert normalise_fingerprint(fingerprint.replace(" ", "").upper()) == fingerprint
    assert normalise_fingerprint(fingerprint.replace(" ", ":")) == fingerprint
    with pytest.raises(KeyFileError):
        normalise_fingerprint("1234")


def test_public_keys_parse_from_their_file_line_or_bare_base64():
    line = KEY.public.text
    assert PublicKey.from_text(line) == KEY.public
    assert PublicKey.from_text(line.split()[-1]) == KEY.public
    for bad in ("", "kuaida-team-key ed25519 !!!", "kuaida-team-key ed25519 AAAA"):
        with pytest.raises(KeyFileError):
            PublicKey.from_text(bad)


def test_a_diff_names_what_a_lead_is_about_to_change():
    after_phrases = (dataclasses.replace(LIBRARY.phrases[0], text="亲，您好"),
                     Phrase(id="t-3", text="新的", group="催付", source="team"))
    after = dataclasses.replace(LIBRARY, phrases=after_phrases, sensitive_words=(SensitiveWord("唯一"),))
    diff = diff_libraries(LIBRARY, after)
    assert [p.id for p in diff.added] == ["t-3"]
    assert [p.id for p in diff.removed] == ["t-2"]
    assert [(c.after.id, c.fields) for c in diff.changed] == [("t-1", ("text",))]
    assert diff.summary() == "新增 1 条，修改 1 条，删除 1 条，敏感词 +1 −1"
    assert diff.lines() == ["+ [催付] 新的", "~ [欢迎] 亲，您好（内容）", "- [未分组] {活动}期间满300减40哦～",
                            "+ 敏感词 唯一", "- 敏感词 第一"]
    assert diff_libraries(LIBRARY, LIBRARY).empty
    assert diff_libraries(LIBRARY, LIBRARY).summary() == "没有变化"


def test_a_long_diff_is_cut_with_a_count():
    many = TeamLibrary(tuple(Phrase(id=f"t-{i}", text=f"第{i}条", source="team") for i in range(30)))
    lines = diff_libraries(TeamLibrary(), many).lines(limit=10)
    assert len(lines) == 11 and lines[-1] == "……另有 20 处变化"
