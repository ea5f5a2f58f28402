"""`kuaida keygen`, `kuaida publish` and `kuaida sync`: a lead and three agent profiles, and the exit codes."""

from __future__ import annotations

import base64
import json

import pytest

from desktop.cli import main
from desktop.core.sync.canonical import canonical_bytes
from desktop.core.sync.keys import SigningKey, load_public_key, load_signing_key, write_key_pair
from desktop.core.sync.private_file import is_private, under_wine
from desktop.sync.folder import TeamFolder


@pytest.fixture
def keys(tmp_path, capsys):
    assert main(["keygen", "--out", str(tmp_path / "keys")]) == 0
    out = capsys.readouterr().out
    fingerprint = load_public_key(tmp_path / "keys" / "team.pub").fingerprint
    assert fingerprint in out
    return tmp_path / "keys"


def _run(capsys, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().out


def test_keygen_writes_a_private_key_only_its_owner_can_read_and_never_overwrites(tmp_path, keys, capsys):
    assert is_private(keys / "team.key") or under_wine()  # Wine keeps no file ACLs: real Windows checks it
    code, out = _run(capsys, "keygen", "--out", str(keys))
    assert code == 1 and "不会覆盖" in out


def test_a_lead_publishes_and_three_agent_profiles_follow(tmp_path, keys, capsys):
    share, lead = tmp_path / "share", tmp_path / "lead"
    code, out = _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key",
                     str(keys / "team.key"))
    assert code == 0 and "已发布团队库 v1" in out
    fingerprint = load_public_key(keys / "team.pub").fingerprint
    agents = [tmp_path / f"agent{i}" for i in range(3)]
    code, out = _run(capsys, "--data-dir", str(agents[0]), "sync", "--folder", str(share))
    assert code == 6 and fingerprint in out  # the key is not trusted until the agent confirms it
    assert _run(capsys, "--data-dir", str(agents[0]), "sync", "--folder", str(share), "--trust",
                fingerprint.replace(" ", ""))[0] == 0
    assert _run(capsys, "--data-dir", str(agents[1]), "sync", "--folder", str(share), "--team-key",
                str(keys / "team.pub"))[0] == 0
    assert _run(capsys, "--data-dir", str(agents[2]), "sync", "--folder", str(share), "--trust", fingerprint)[0] == 0

    csv = tmp_path / "library.csv"
    rows = "快捷编码,快捷短语,快捷短语分组\nhy,亲，在的呢～,欢迎\nfh,亲，48小时内发货哦,发货\n"
    csv.write_text(rows, encoding="utf-8-sig")
    code, out = _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key",
                     str(keys / "team.key"), "--library", str(csv))
    assert code == 0 and "v2（2 条短语）" in out
    for agent in agents:
        code, out = _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share))
        assert code == 0 and "团队库 v2" in out
        code, out = _run(capsys, "--data-dir", str(agent), "suggest", "--json", "什么时候发货")
        assert "48小时内发货" in out
    code, out = _run(capsys, "--data-dir", str(agents[0]), "sync", "status")
    assert code == 0 and "团队库 v2" in out and fingerprint in out


def test_sync_exit_codes_say_what_happened(tmp_path, keys, capsys):
    share, lead, agent = tmp_path / "share", tmp_path / "lead", tmp_path / "agent"
    _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key", str(keys / "team.key"))
    team_pub = str(keys / "team.pub")
    assert _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share), "--team-key", team_pub)[0] == 0
    assert _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share))[1].startswith("团队库 v1")

    code, out = _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(tmp_path / "unplugged"))
    assert code == 3 and "离线 · 使用本地副本 v1" in out

    other = tmp_path / "other-keys"
    write_key_pair(other, SigningKey.generate())
    code, out = _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key",
                     str(other / "team.key"))
    assert code == 4 and "--new-key" in out
    _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key", str(other / "team.key"),
         "--new-key")
    code, out = _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share))
    assert code == 4 and "已拒绝更新" in out and "使用本地副本 v1" in out

    manifest = TeamFolder(share).manifest
    manifest.write_bytes(manifest.read_bytes().replace(b'"format":1', b'"format":9'))  # by anyone: unsigned
    code, out = _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share))
    assert code == 4 and "未经验证" in out
    raw = json.loads(manifest.read_bytes())
    raw["public_key"] = load_public_key(keys / "team.pub").text
    raw.pop("signature")
    signature = load_signing_key(keys / "team.key").sign(canonical_bytes(raw))
    manifest.write_bytes(canonical_bytes({**raw, "signature": base64.b64encode(signature).decode("ascii")}))
    code, out = _run(capsys, "--data-dir", str(agent), "sync", "--folder", str(share))
    assert code == 5 and "请更新快答" in out
    code, out = _run(capsys, "--data-dir", str(agent), "sync", "status")
    assert code == 5


def test_publish_reports_a_bad_key_or_library_file(tmp_path, keys, capsys):
    (tmp_path / "bad.key").write_text("nope", encoding="utf-8")
    code, out = _run(capsys, "publish", "--folder", str(tmp_path / "share"), "--key", str(tmp_path / "bad.key"))
    assert code == 4 and "不是有效的团队私钥" in out
    (tmp_path / "empty.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    code, out = _run(capsys, "publish", "--folder", str(tmp_path / "share"), "--key", str(keys / "team.key"),
                     "--library", str(tmp_path / "empty.csv"))
    assert code == 4 and "快捷短语" in out


def test_publish_tells_the_second_lead_to_retry_while_the_lock_is_held(tmp_path, keys, capsys):
    share = tmp_path / "share"
    share.mkdir()
    TeamFolder(share).lock.write_text('{"publisher": "王主管"}', encoding="utf-8")
    code, out = _run(capsys, "publish", "--folder", str(share), "--key", str(keys / "team.key"))
    assert code == 7 and "王主管" in out and "重试" in out


def test_publish_ignores_and_replaces_a_forged_manifest_and_says_so(tmp_path, keys, capsys):
    share, lead = tmp_path / "share", tmp_path / "lead"
    key = str(keys / "team.key")
    assert _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key", key)[0] == 0
    manifest = TeamFolder(share).manifest
    raw = json.loads(manifest.read_bytes())
    digest = raw["pack_sha256"]
    manifest.write_bytes(canonical_bytes({**raw, "library_version": 999_999_999_999,
                                          "pack": f"packs/v999999999999-{digest[:16]}.json"}))
    code, out = _run(capsys, "--data-dir", str(lead), "publish", "--folder", str(share), "--key", key)
    assert code == 0 and "已忽略并替换" in out and "v2" in out
    assert json.loads(manifest.read_bytes())["library_version"] == 2


def test_sync_gives_up_on_a_hanging_share_after_its_timeout(tmp_path, keys, capsys, monkeypatch):
    """Issue 11 #9: `kuaida sync` used to wait for ever on a share that does not answer."""
    import threading

    from desktop.sync import pull as pull_module

    release = threading.Event()
    real_pull = pull_module.pull

    def hanging_pull(*args):
        release.wait()
        return real_pull(*args)

    monkeypatch.setattr(pull_module, "pull", hanging_pull)
    try:
        code, out = _run(capsys, "--data-dir", str(tmp_path / "agent"), "sync", "--folder", str(tmp_path / "share"),
                         "--timeout", "0.2")
        assert code == 3
        assert "离线" in out and "0.2 秒内没有响应" in out
        code, out = _run(capsys, "--data-dir", str(tmp_path / "agent"), "sync", "status")
        assert code == 3
    finally:
        release.set()


def test_publish_lints_every_phrase_and_takes_fixes_or_notes(tmp_path, keys, capsys):
    share, lead = tmp_path / "share", tmp_path / "lead"
    csv = tmp_path / "library.csv"
    csv.write_text("快捷编码,快捷短语,快捷短语分组,意图,关键词,编号\n"
                   "dj,亲，全网最低价哦,议价,,,t-low\nxl,销量第一的款哦,商品,,,t-top\n", encoding="utf-8-sig")
    publish = ("--data-dir", str(lead), "publish", "--folder", str(share), "--key", str(keys / "team.key"),
               "--library", str(csv))
    code, out = _run(capsys, *publish)
    assert code == 4 and "2 条短语含敏感词，未发布" in out and "修正为「亲，性价比很高哦」" in out
    assert not (share / "manifest.json").exists()
    code, out = _run(capsys, *publish, "--fix")
    assert code == 4 and "1 条短语含敏感词" in out and "t-top" in out and "t-low" not in out
    code, out = _run(capsys, *publish, "--fix", "--override", "t-top=品牌方的检测报告已报备")
    assert code == 0 and "含敏感词仍发布：t-top" in out
    pack = (share / json.loads((share / "manifest.json").read_text(encoding="utf-8"))["pack"]).read_bytes()
    header = json.loads(pack.split(b"\n", 1)[0])
    assert header["publish_notes"] == [{"note": "品牌方的检测报告已报备", "phrase_id": "t-top", "words": ["第一"]}]
    assert "性价比很高" in pack.decode("utf-8")
