"""`kuaida library import|export|list`: exchanging the phrase library with Qianniu/Wangwang and Excel.

Exit codes: 0 done (skipped rows are listed, not fatal), 1 nothing was changed or written (the file could
not be read or written), 2 the local store could not be opened (the message names the backup to restore).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING

from desktop.core.intent_review import IntentReport, intent_names, phrase_line, review_intents
from desktop.core.library_io import EXPORT_ENCODINGS, LAYOUTS, LibraryFileError, export_library, read_library
from desktop.core.templates import VARIABLES
from desktop.services.values import export_values
from desktop.settings import SettingLockedError
from desktop.store.database import StoreError

if TYPE_CHECKING:
    from desktop.services.context import Services

SOURCES = ("personal", "team")
SOURCE_NAMES = {"personal": "个人短语", "team": "团队短语"}
LAYOUT_NAMES = {"qianniu": "千牛三列格式", "full": "快答完整格式"}
ENCODING_NAMES = {
    "utf-8": "UTF-8", "utf-8-sig": "UTF-8（带 BOM）", "gb18030": "GBK", "utf-16": "UTF-16", "xlsx": "Excel",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("library", help="导入、导出、列出短语库（千牛/旺旺表格与 Excel）")
    commands = parser.add_subparsers(dest="library_command", metavar="ACTION", required=True)

    importing = commands.add_parser("import", help="从 .csv（UTF-8 / GBK，自动识别）或 .xlsx 导入短语")
    importing.add_argument("file", metavar="FILE")
    importing.add_argument("--source", choices=SOURCES, default="personal", help="导入到个人短语（默认）或团队短语")
    bundled = importing.add_mutually_exclusive_group()
    bundled.add_argument("--keep-bundled", dest="keep_bundled", action="store_true", default=None,
                         help="有了自己的短语库后仍推荐快答自带的默认短语")
    bundled.add_argument("--drop-bundled", dest="keep_bundled", action="store_false",
                         help="不再推荐快答自带的默认短语（首次导入的默认做法）")
    importing.set_defaults(handler=run_import)

    exporting = commands.add_parser("export", help="导出短语到 .csv 或 .xlsx（按扩展名）")
    exporting.add_argument("file", metavar="FILE")
    exporting.add_argument("--format", choices=LAYOUTS, default="full", dest="layout",
                           help="qianniu：千牛/旺旺可导入的三列；full：加上意图、关键词、编号（默认）")
    exporting.add_argument("--source", choices=SOURCES, help="只导出个人或团队短语（默认：全部）")
    exporting.add_argument("--encoding", choices=tuple(EXPORT_ENCODINGS), default="utf-8",
                           help="CSV 编码：utf-8（带 BOM，默认）或 gbk（旧版千牛）")
    exporting.add_argument("--value", action="append", default=[], metavar="变量=值", type=_variable_value,
                           help="千牛格式：填入变量的值（如 问候=您好），可重复；默认用设置里的客服昵称和店铺名称")
    exporting.set_defaults(handler=run_export)

    listing = commands.add_parser("list", help="列出短语")
    listing.add_argument("--source", choices=SOURCES, help="只列出个人或团队短语")
    listing.add_argument("--json", action="store_true", help="每条短语输出一行 JSON")
    listing.set_defaults(handler=run_list)


def run_import(args: argparse.Namespace) -> int:
    try:
        library = read_library(args.file)
    except LibraryFileError as error:
        return _fail(f"导入失败：{error}（短语库没有任何改动）")
    services = _open(args)
    if services is None:
        return 2
    try:
        plan = services.phrases.import_library(library, args.source)
        bundled = _bundled_choice(services, args.keep_bundled)
    except StoreError as error:
        return _fail(f"导入失败：{error}")
    finally:
        services.close()
    layout = LAYOUT_NAMES[library.layout]
    encoding = ENCODING_NAMES.get(library.encoding, library.encoding)
    print(f"已导入 {args.file}（{layout}，{encoding}）到{SOURCE_NAMES[args.source]}：{plan.summary()}")
    for issue in plan.skipped:
        print(f"  跳过 {issue}")
    if plan.added or plan.updated:
        _print_intents(review_intents([*plan.added, *plan.updated]))
    if bundled:
        print(bundled)
    return 0


def _print_intents(report: IntentReport) -> None:
    print(f"意图：本次新增和更新的短语中 {report.summary()}")
    for phrase, inferred in report.inferred:
        print(f"  推断 {intent_names(inferred)}\t{phrase_line(phrase)}")
    if report.without:
        print("  没有意图的短语不会按买家消息推荐（仍可搜索）；在团队短语库编辑器或“编辑我的短语”里选择适用问题：")
    for phrase in report.without:
        print(f"  没有意图\t{phrase_line(phrase)}")


def _bundled_choice(services: Services, keep: bool | None) -> str:
    """Apply --keep-bundled/--drop-bundled (none given: the setting as it is, by default drop) and say what
    happens to the bundled defaults now that the shop has its own library."""
    if not services.phrases.has_own_library():
        return ""
    note = ""
    if keep is not None:
        try:
            services.settings.set("keep_bundled_phrases", keep)
        except SettingLockedError:
            note = "（此设置由管理员锁定，未改变）"
    if services.settings.get("keep_bundled_phrases"):
        return f"快答自带的默认短语：继续推荐{note}（不要请加 --drop-bundled）"
    return f"快答自带的默认短语：不再推荐，只推荐你们自己的短语{note}（仍要推荐请加 --keep-bundled）"


def run_export(args: argparse.Namespace) -> int:
    services = _open(args)
    if services is None:
        return 2
    try:
        phrases = [p for p in services.phrases.all() if args.source in (None, p.source)]
        values = {**export_values(services.settings), **dict(args.value)}
    finally:
        services.close()
    try:
        report = export_library(args.file, phrases, layout=args.layout, encoding=args.encoding, values=values)
    except LibraryFileError as error:
        return _fail(f"导出失败：{error}")
    print(f"已导出 {report.written} 条短语到 {report.path}（{LAYOUT_NAMES[args.layout]}）")
    for phrase_id, chars in report.dropped:
        print(f"  编号 {phrase_id}：GBK 无法保存的字符已省略：{chars}")
    if report.unfilled:
        print(f"  {len(report.unfilled)} 条短语的变量没有值，导出时已省去（千牛会原样发送花括号）；"
              "可用 --value 变量=值 填入：")
    for phrase_id, names in report.unfilled:
        print(f"  编号 {phrase_id}：{'、'.join('{' + name + '}' for name in names)}")
    return 0


def _variable_value(argument: str) -> tuple[str, str]:
    name, equals, value = argument.partition("=")
    name = name.strip().strip("{}")
    if not equals or name not in VARIABLES:
        raise argparse.ArgumentTypeError(f"应写成 变量=值，变量可选：{'、'.join(VARIABLES)}")
    return name, value.strip()


def run_list(args: argparse.Namespace) -> int:
    services = _open(args)
    if services is None:
        return 2
    try:
        hidden = services.phrases.hidden_ids()
        phrases = [p for p in services.phrases.all() if args.source in (None, p.source)]
    finally:
        services.close()
    for p in phrases:
        if args.json:
            print(json.dumps({
                "id": p.id, "source": p.source, "group": p.group, "code": p.code, "text": p.text,
                "intents": list(p.intents), "keywords": list(p.keywords), "enabled": p.enabled,
                "hidden": p.id in hidden, "flags": list(p.flags),
            }, ensure_ascii=False))
        else:
            first_line = p.text.splitlines()[0] if p.text else ""
            print(f"{p.id}\t{SOURCE_NAMES[p.source]}\t{p.group}\t{p.code or '-'}\t{first_line}")
    return 0


def _open(args: argparse.Namespace) -> Services | None:
    from desktop.services.context import open_services  # imported here: the suggestion engine is not needed for --help

    try:
        return open_services(args.data_dir)
    except StoreError as error:
        print(str(error), file=sys.stderr)
        return None


def _fail(message: str) -> int:
    print(message, file=sys.stderr)
    return 1
