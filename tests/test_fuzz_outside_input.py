"""The fuzz harness: every parser of outside input gets hostile input and answers with its own error or a
bounded, well-typed result, never a traceback.

Outside input is anything an agent, a buyer, the share or a file hands Kuaida: spreadsheets (CSV in any
encoding, .xlsx), phrase-library and order exports, the team folder (manifest, pack, proposals, stats,
publish.lock, the shared 日清 handover), the settings file and copied text. The pack and manifest parsers' own
properties are in tests/core/test_sync_properties.py and run under the same profile.

Examples per test come from the "kuaida-fuzz" Hypothesis profile (tests/conftest.py): a bounded count in CI,
`KUAIDA_FUZZ_EXAMPLES=5000` for a longer local run. Examples stay derandomized, so CI is deterministic.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
import zipfile
import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from desktop.core.clipboard_ids import find_ids
from desktop.core.handover import MAX_NOTE_CHARS, MAX_PROMISES, HandoverError
from desktop.core.library_io import LibraryFileError, parse_library, read_library
from desktop.core.normalize import normalize
from desktop.core.orders import OrderImportError, orders_from_rows
from desktop.core.phrases import Phrase
from desktop.core.sensitive import SensitiveWords
from desktop.core.sync.keys import SigningKey
from desktop.core.sync.pack import MAX_TEXT, TeamLibrary
from desktop.core.tabular import TabularError, read_table
from desktop.settings import SETTINGS, Settings
from desktop.store.team import MirrorState
from desktop.sync.folder import TeamFolder
from desktop.sync.handover import handover_path, read_shared_handover
from desktop.sync.inbox import list_proposals, propose
from desktop.sync.publish import MAX_HOLDER_CHARS, PublishConflictError, PublishRefusedError, publish, publish_lock
from desktop.sync.pull import pull
from desktop.sync.status import SyncState
from desktop.sync.usage import MAX_DAILY_COUNT, read_team_usage, write_usage

FUZZ = hypothesis_settings(hypothesis_settings.get_profile("kuaida-fuzz"))
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
KEY = SigningKey.generate()

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70) | st.floats(allow_nan=False)
    | st.text(max_size=30),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5),
    max_leaves=25,
)
# Cells as shops and attackers write them: text, numbers in every spelling Excel produces, markup, formulas.
cells = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", "=HYPERLINK(\"x\")", "'=1+1", "1e30", "-1", "NaN", "inf", "9999-12-31 23:59:59",
                     "0000-00-00", "3.56E+18", "3561234567890123456", '="3561234567890123456"', "等待买家付款",
                     "交易成功", "<img src=x>", "&#13;&#44;", "\r\n", "\x00", "１２８．００", "¥128.00"]),
    st.integers().map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
)
LIBRARY_HEADERS = ["快捷编码", "快捷短语", "快捷短语分组", "意图", "关键词", "编号"]
ORDER_HEADERS = ["订单编号", "买家会员名", "订单状态", "订单创建时间", "买家实际支付金额", "宝贝标题", "订单付款时间"]
headers = st.lists(st.sampled_from([*LIBRARY_HEADERS, *ORDER_HEADERS]) | st.text(max_size=8), min_size=1,
                   max_size=8)
tables = st.tuples(headers, st.lists(st.lists(cells, max_size=8), max_size=12))


@contextmanager
def scratch() -> Iterator[Path]:
    """A fresh folder per example (pytest's tmp_path is one folder for all of a test's examples)."""
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)


def csv_bytes(header: list[str], rows: list[list[str]], delimiter: str, encoding: str) -> bytes:
    lines = [delimiter.join(header), *(delimiter.join(row) for row in rows)]
    return "\r\n".join(lines).encode(encoding, errors="ignore")


def xlsx_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    for row in [header, *rows]:
        sheet.append(["".join(ch for ch in cell if ch.isprintable()) for cell in row])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def check_library_and_orders(path: Path) -> None:
    """Whatever a spreadsheet holds: the table reader, the library reader and the order mapper either
    answer or refuse with their own message."""
    try:
        table = read_table(path)
    except TabularError as error:
        assert str(error)
        return
    library = parse_library(table)
    assert all(row.text.strip() for row in library.rows)
    assert all(issue.row >= 1 for issue in library.issues)
    try:
        orders = orders_from_rows([table.headers, *(row.cells for row in table.rows)], SHANGHAI)
    except OrderImportError as error:
        assert str(error)
        return
    assert orders.rows == len(table.rows)
    assert len(orders.orders) + len(orders.problems) + orders.duplicates == orders.rows
    for order in orders.orders:
        assert order.order_id and order.buyer and order.created_at.tzinfo is not None


# spreadsheets -----------------------------------------------------------------------------------------------
@FUZZ
@given(tables, st.sampled_from([",", "\t", ";"]), st.sampled_from(["utf-8", "utf-8-sig", "gbk", "utf-16"]))
def test_any_csv_is_read_or_refused_with_a_message(table, delimiter, encoding):
    with scratch() as folder:
        path = folder / "导出.csv"
        path.write_bytes(csv_bytes(*table, delimiter, encoding))
        check_library_and_orders(path)


@FUZZ
@given(st.binary(max_size=3000), st.sampled_from([".csv", ".txt", ".xlsx"]))
def test_any_bytes_under_a_spreadsheet_name_are_read_or_refused(data, suffix):
    with scratch() as folder:
        path = folder / f"x{suffix}"
        path.write_bytes(data)
        check_library_and_orders(path)
        try:
            read_library(path)
        except LibraryFileError as error:
            assert str(error)


XLSX_SAMPLE = xlsx_bytes(ORDER_HEADERS, [["3561234567890123456", "小猪佩奇", "等待买家付款", "2024-11-23 08:00:00",
                                          "128.00", "保温杯", ""]])


@FUZZ
@given(tables)
def test_any_xlsx_of_strings_is_read_or_refused(table):
    with scratch() as folder:
        path = folder / "x.xlsx"
        path.write_bytes(xlsx_bytes(*table))
        check_library_and_orders(path)


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=len(XLSX_SAMPLE) - 1),
                          st.integers(min_value=1, max_value=255)), min_size=1, max_size=6),
       st.integers(min_value=0, max_value=len(XLSX_SAMPLE)))
def test_a_damaged_or_cut_xlsx_is_read_or_refused(flips, cut):
    data = bytearray(XLSX_SAMPLE)
    for position, xor in flips:
        data[position] ^= xor
    with scratch() as folder:
        path = folder / "x.xlsx"
        path.write_bytes(bytes(data[:cut] if cut < len(data) // 2 else data))
        check_library_and_orders(path)


SHEET_XML = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main"><dimension ref="{dim}"/><sheetData>{rows}</sheetData></worksheet>')


@FUZZ
@given(st.sampled_from(["A1", "A1:C3", "B2:A1", "", "A0", "ZZ", "A1:Z50"]),
       st.lists(st.tuples(st.sampled_from("ABCDEFGZ"), st.integers(min_value=0, max_value=60),
                          st.sampled_from(["s", "str", "n", "b", "e", "inlineStr", "x"]),
                          st.text(max_size=15) | st.sampled_from(["1e30", "NaN", "-0", "99999999999999999999"])),
                max_size=10))
def test_hand_written_sheet_xml_is_read_or_refused(dimension, cells_xml):
    """Sheets not written by Excel: odd dimensions, unsorted or repeated cells, unknown types. (Huge ranges are
    refused by the sheet-size checks and have their own tests; they are kept small here.)"""
    from xml.sax.saxutils import escape

    rows = "".join(f'<row r="{max(n, 1)}"><c r="{col}{n}" t="{kind}"><v>{escape(value)}</v></c></row>'
                   for col, n, kind, value in cells_xml)
    with zipfile.ZipFile(io.BytesIO(XLSX_SAMPLE)) as source:
        members = {name: source.read(name) for name in source.namelist()}
    sheet = next(name for name in members if name.startswith("xl/worksheets/"))
    members[sheet] = SHEET_XML.format(dim=dimension, rows=rows).encode("utf-8")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, data in members.items():
            target.writestr(name, data)
    with scratch() as folder:
        path = folder / "x.xlsx"
        path.write_bytes(out.getvalue())
        check_library_and_orders(path)


# the team folder --------------------------------------------------------------------------------------------
@FUZZ
@given(st.binary(max_size=1500) | json_values.map(lambda v: json.dumps(v).encode()))
def test_any_manifest_bytes_give_a_status_never_a_traceback(data):
    with scratch() as share:
        TeamFolder(share).manifest.write_bytes(data)
        for mirror in (MirrorState(None, "", None), MirrorState(3, "0" * 64, KEY.public)):
            outcome = pull(share, mirror)
            assert outcome.state in {SyncState.REJECTED, SyncState.UNTRUSTED, SyncState.NEEDS_UPDATE}
            assert outcome.library is None
            if outcome.state is SyncState.NEEDS_UPDATE:
                raise AssertionError("an unsigned manifest asked to update Kuaida")


PROPOSAL = {"kind": "kuaida-team-proposal", "format": 1, "agent": "小美", "note": "",
            "created_at": "2026-11-23T10:00:00+00:00",
            "phrase": {"text": "亲，在的", "group": "", "code": "", "intents": [], "keywords": []}}


@FUZZ
@given(st.dictionaries(st.sampled_from(["kind", "agent", "note", "created_at", "phrase"]), json_values,
                       max_size=3),
       st.dictionaries(st.sampled_from(["text", "group", "code", "intents", "keywords"]), json_values, max_size=3))
def test_any_proposal_file_is_listed_bounded_or_skipped(fields, phrase_fields):
    body = {**PROPOSAL, **fields}
    if isinstance(body.get("phrase"), dict):
        body["phrase"] = {**body["phrase"], **phrase_fields}
    with scratch() as share:
        propose(share, Phrase(id="", text="真的建议"), "0123456789abcdef")
        (TeamFolder(share).inbox / "20261123T100000-abcdef-0a1b2c3d.json").write_text(json.dumps(body),
                                                                                      encoding="utf-8")
        proposals, skipped = list_proposals(share)
        assert len(proposals) + skipped == 2
        assert any(p.phrase.text == "真的建议" for p in proposals)
        for proposal in proposals:
            phrase = proposal.phrase
            assert phrase.text.strip() and len(phrase.text) <= MAX_TEXT
            assert all(isinstance(item, str) for item in (*phrase.intents, *phrase.keywords))
            assert isinstance(proposal.agent, str) and isinstance(proposal.note, str)


@FUZZ
@given(json_values, json_values, st.sampled_from(["0123456789abcdef", "fedcba9876543210"]))
def test_any_stats_file_is_counted_bounded_or_skipped(uses, no_match, agent):
    today = dt.date(2026, 11, 23)
    body = {"kind": "kuaida-team-usage", "format": 1, "agent": agent, "uses": uses, "no_match": no_match}
    with scratch() as share:
        write_usage(share, "aaaaaaaaaaaaaaaa", [("t-1", "2026-11-22", 3)], [], {"t-1"}, today)
        (TeamFolder(share).stats / "0123456789abcdef.json").write_text(json.dumps(body), encoding="utf-8")
        usage = read_team_usage(share, today=today)
        assert usage.agents + usage.skipped_files == 2
        assert usage.uses["t-1"] >= 3
        days = 365 * 3000  # any number of days, each bounded
        assert all(0 <= count <= MAX_DAILY_COUNT * days for count in (*usage.uses.values(), *usage.no_match.values()))


@FUZZ
@given(json_values, json_values, json_values, st.sampled_from(["0" * 32, "x"]))
def test_any_shared_handover_is_shown_bounded_or_ignored(note, promises, written_at, note_id):
    body = {"kind": "kuaida-handover", "format": 1, "id": note_id, "agent": "0123456789abcdef",
            "written_at": written_at, "note": note, "promises": promises}
    with scratch() as share:
        target = handover_path(share, "快答小店")
        target.parent.mkdir()
        target.write_text(json.dumps(body, ensure_ascii=False), encoding="utf-8")
        try:
            handover = read_shared_handover(share, "快答小店")
        except HandoverError:
            return
        assert handover is not None and len(handover.note) <= MAX_NOTE_CHARS
        assert len(handover.promises) <= MAX_PROMISES and handover.written_at.tzinfo is not None


@FUZZ
@given(st.binary(max_size=300) | json_values.map(lambda v: json.dumps(v, ensure_ascii=False).encode()))
def test_any_lock_file_names_a_short_printable_holder(data):
    with scratch() as share:
        TeamFolder(share).lock.write_bytes(data)
        try:
            with publish_lock(TeamFolder(share), "主管"):
                raise AssertionError("a fresh lock was broken")
        except PublishConflictError as conflict:
            message = str(conflict)
        holder = message.split("锁文件写明：", 1)[1].rsplit("，未经验证", 1)[0]
        assert 0 < len(holder) <= MAX_HOLDER_CHARS and holder.isprintable()


def test_a_folder_with_every_hostile_file_at_once_still_publishes_and_pulls(tmp_path):
    """The sum of the parts: a share holding junk of every kind still takes a publish and serves a pull."""
    share = tmp_path / "share"
    folder = TeamFolder(share)
    for sub in (folder.inbox, folder.stats, folder.packs):
        sub.mkdir(parents=True)
        (sub / "0123456789abcdef.json").write_bytes(b"\xff\xfe{")
        (sub / ".DS_Store").write_bytes(b"")
    folder.manifest.write_bytes(b'{"kind":"kuaida-team-manifest","format":2}')
    try:
        publish(share, TeamLibrary((Phrase(id="t-1", text="亲", source="team"),)), KEY, "主管")
    except PublishRefusedError as refused:
        raise AssertionError(refused) from None
    assert pull(share, MirrorState(None, "", None), trust=KEY.public.fingerprint).state is SyncState.UPDATED


# settings and copied text -----------------------------------------------------------------------------------
@FUZZ
@given(json_values | st.fixed_dictionaries({"version": json_values, "values": json_values}) |
       st.fixed_dictionaries({"version": st.just(1), "values": st.dictionaries(
           st.sampled_from([s.key for s in SETTINGS]), json_values, max_size=6)}))
def test_any_settings_file_loads_with_every_value_of_its_type(content):
    with scratch() as home:
        path = home / "settings.json"
        path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        settings = Settings(path)
        for setting in SETTINGS:
            assert isinstance(settings.get(setting.key), setting.type)


@FUZZ
@given(st.text(max_size=400) | st.text(alphabet=st.sampled_from("0123456789-—订单号：运单SFJT 手机1３"), max_size=80))
def test_any_copied_text_is_normalised_and_searched_for_ids(text):
    assert len(normalize(text)) <= len(text) * 4 + 10
    for found in find_ids(text):
        assert 0 <= found.start < found.end <= len(text) and found.value


@FUZZ
@given(st.text(max_size=300))
def test_any_team_word_list_loads_and_finds_within_the_text(listing):
    words = SensitiveWords.from_text(listing)
    for hit in words.find("亲，加微信返现，全网最低" + listing[:50]):
        assert 0 <= hit.start <= hit.end
