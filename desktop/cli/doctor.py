"""`kuaida doctor`: version, paths, where each setting comes from and which are locked, the shared folder,
the last sync and where the logs are; for IT at an agent's PC. Exit code 1 when it found a problem."""

from __future__ import annotations

import argparse
import json
from typing import Any

from desktop.diagnostics import SHARE_TIMEOUT_SECONDS, SOURCE_LABELS, collect_report, problems
from desktop.paths import Paths


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("doctor", help="诊断：版本、路径、配置来源与锁定、共享文件夹、上次同步、日志位置")
    parser.add_argument("--json", action="store_true", help="输出 JSON（供脚本检查）")
    parser.add_argument("--timeout", type=float, default=SHARE_TIMEOUT_SECONDS, metavar="SECONDS",
                        help=f"共享文件夹最多等待几秒（默认 {SHARE_TIMEOUT_SECONDS:g}）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.settings import open_settings

    paths = Paths.resolve(args.data_dir)  # not ensure(): looking must not create the data folder
    report = collect_report(paths, open_settings(paths), timeout=args.timeout)
    found = problems(report)
    if args.json:
        print(json.dumps({**report, "problems": found}, ensure_ascii=False, indent=1, default=str))
    else:
        print("\n".join(format_report(report, found)))
    return 1 if found else 0


def format_report(report: dict[str, Any], found: list[str]) -> list[str]:
    v, p, share, store = report["versions"], report["paths"], report["shared_folder"], report["store"]
    packaged = "安装包" if v["frozen"] == "yes" else "源代码"
    lines = [
        f"快答 Kuaida {v['kuaida']}（{packaged}：{v['executable']}）",
        f"  Python {v['python']} · PySide6 {v['pyside6']} · Qt {v['qt']} · SQLite {v['sqlite']} · {v['os']}",
        "",
        "路径",
        f"  数据文件夹  {p['data']}",
        f"  数据库      {p['database']}{'' if store['exists'] else '（尚未创建）'}",
        f"  设置文件    {p['settings']}",
        f"  日志        {p['log_file']}",
        "",
        "配置（生效值 · 来源）",
    ]
    for item in report["settings"]:
        if item["source"] == "default" and item["key"] not in {"shared_folder", "team_key", "autostart"}:
            continue  # defaults are noise, except the values IT sets
        lock = " · 已锁定" if item["locked"] else ""
        lines.append(f"  {item['key']} = {_shown(item['value'])}  · {SOURCE_LABELS[item['source']]}{lock}")
    stand_in = "（未设置，使用本地文件夹代替）" if share["local_stand_in"] else ""
    lines += [
        "",
        f"共享文件夹  {share['path']}{stand_in}：{share['detail']}",
        f"上次同步    {store['last_sync']}",
        f"统计编号    {store.get('agent_id') or '（尚未写过统计）'} · 团队短语库 "
        f"{'v' + str(store['library_version']) if store.get('library_version') else '（尚未同步）'}",
        f"数据库检查  {'正常' if not store['problems'] else '；'.join(store['problems'][:3])}"
        if store["exists"] else "数据库检查  尚未创建",
        "",
    ]
    lines += [f"发现 {len(found)} 个问题：", *(f"  - {problem}" for problem in found)] if found else ["未发现问题。"]
    return lines


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    text = str(value)
    return text if text else "（空）"
