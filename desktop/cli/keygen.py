"""`kuaida keygen --out DIR`: create the team's signing key pair (team.key, private; team.pub, for agents)."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("keygen", help="生成团队签名密钥（主管使用）")
    parser.add_argument("--out", required=True, metavar="DIR", help="写入 team.key（私钥）与 team.pub（公钥）的文件夹")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from desktop.core.sync.keys import write_key_pair

    try:
        private, public = write_key_pair(Path(args.out))
    except FileExistsError:
        print(f"{Path(args.out) / 'team.key'} 已存在：不会覆盖现有的团队密钥（覆盖后所有客服都会拒绝新版本）")
        return 1
    from desktop.core.sync.keys import load_public_key

    print(f"私钥：{private}（只由主管保管，切勿放到共享文件夹）")
    print(f"公钥：{public}（交给 IT 或各位客服）")
    print(f"指纹：{load_public_key(public).fingerprint}")
    return 0
