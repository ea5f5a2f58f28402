"""`kuaida publish --folder DIR --key FILE [--library FILE]`: publish the team library to the shared folder."""

from __future__ import annotations

import argparse
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("publish", help="把团队短语库发布到共享文件夹（主管使用）")
    parser.add_argument("--folder", metavar="DIR", help="团队共享文件夹（默认：设置中的共享文件夹）")
    parser.add_argument("--key", required=True, metavar="FILE", help="团队私钥 team.key")
    parser.add_argument("--library", metavar="FILE",
                        help="要发布的短语库文件（kuaida library import 能读的任何格式）；不给则发布本机的团队库")
    parser.add_argument("--publisher", metavar="NAME", help="发布人（默认：设置中的客服昵称或登录名）")
    parser.add_argument("--expect-version", type=int, metavar="N",
                        help="只在共享文件夹当前为 vN 时发布，避免覆盖他人刚发布的版本")
    parser.add_argument("--new-key", action="store_true",
                        help="换用新的团队密钥发布（所有客服需要重新确认指纹）")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    import dataclasses

    from desktop.core.sync.keys import KeyFileError, load_signing_key
    from desktop.services.context import open_services
    from desktop.services.team import is_foreign_key, mirror_published, publish_library, publisher_name
    from desktop.store.team import TeamRepository
    from desktop.sync.library_file import LibraryFileError, read_library_file
    from desktop.sync.publish import PublishConflictError, PublishRefusedError
    from desktop.sync.share import team_folder_path

    services = open_services(args.data_dir)
    try:
        team = TeamRepository(services.store.db)
        try:
            key = load_signing_key(Path(args.key))
        except KeyFileError as error:
            print(error)
            return 4
        pinned = team.pinned_key()
        if pinned is not None and is_foreign_key(key, pinned) and not args.new_key:
            print(f"这把私钥（指纹 {key.public.fingerprint}）不是团队正在使用的密钥（指纹 {pinned.fingerprint}），"
                  "客服会拒绝它发布的版本。确实要换用新密钥时加 --new-key。")
            return 4
        library = team.library()
        if args.library:
            try:
                phrases, skipped = read_library_file(Path(args.library), library.phrases)
            except LibraryFileError as error:
                print(error)
                return 4
            for line in skipped:
                print(f"跳过 {line}")
            library = dataclasses.replace(library, phrases=tuple(phrases))
        folder = Path(args.folder) if args.folder else team_folder_path(services.settings, services.paths)
        publisher = publisher_name(services.settings, args.publisher or "")
        try:
            result = publish_library(folder, library, key, publisher, expected_version=args.expect_version,
                                     known_version=team.mirror_state().applied_version, team_key=pinned)
        except PublishConflictError as error:
            print(error)
            return 7
        except PublishRefusedError as error:
            print(error)
            return 4
        except OSError as error:
            print(f"共享文件夹无法写入：{folder}（{error.strerror or error}）")
            return 3
        manifest = result.manifest
        if result.replaced_untrusted:
            print("共享文件夹中原有的清单没有团队密钥的有效签名（被改动、损坏或由他人写入），已忽略并替换")
        mirror_published(team, library, result, key)  # the lead's own copy follows at once
        print(f"已发布团队库 v{manifest.library_version}（{len(library.phrases)} 条短语）到 {folder}")
        print(f"密钥指纹：{key.public.fingerprint}")
        return 0
    finally:
        services.close()
