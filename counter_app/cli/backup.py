"""``counter-app backup FILE`` and ``counter-app restore FILE [--yes]`` (数据备份与恢复)."""

from __future__ import annotations

import argparse
import sys

from counter_app.console import CliError, emit_json
from counter_app.services.backup import FILES_SUFFIX, BackupError, backup, restore, validate_backup
from counter_app.user_data import resolve_data_dir


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("backup", help="备份本机服务站数据到文件（运行中也可备份）")
    p.add_argument("file", metavar="FILE", help="备份文件，如 D:\\备份\\station-20250101.sqlite3")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(func=run_backup)
    p = sub.add_parser("restore", help="用备份文件恢复服务站数据（当前数据先另存一份）")
    p.add_argument("file", metavar="FILE", help="由 counter-app backup 生成的备份文件")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复（用于脚本）")
    p.add_argument("--json", action="store_true", help="以 JSON 输出结果")
    p.set_defaults(func=run_restore)


def run_backup(args: argparse.Namespace) -> int:
    try:
        info = backup(resolve_data_dir(args.data_dir), args.file)
    except BackupError as exc:
        raise CliError.single(exc.field, exc.message) from exc
    if args.json:
        emit_json({"file": str(info.path), "revision": info.revision, "size": info.size, "files": info.files})
    else:
        files = f"；附件 {info.files} 个文件在 {info.path}{FILES_SUFFIX}" if info.files else ""
        print(f"已备份到 {info.path}（{_megabytes(info.size)}，数据版本 {info.revision}）{files}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    data_dir = resolve_data_dir(args.data_dir)
    try:
        validate_backup(args.file)  # say what is wrong with the file before asking anything
        if not args.yes and not _confirmed(str(data_dir)):
            raise CliError.single("yes", "恢复会替换当前数据：请确认，或在脚本中加 --yes")
        result = restore(data_dir, args.file)
    except BackupError as exc:
        raise CliError.single(exc.field, exc.message) from exc
    if args.json:
        emit_json({"restored": True, "revision": result.restored_revision,
                   "safety_copy": str(result.safety_copy) if result.safety_copy else None,
                   "files_restored": result.files_restored})
    else:
        kept = f"；恢复前的数据已另存为 {result.safety_copy}" if result.safety_copy else ""
        files = f"，放回附件 {result.files_restored} 个文件" if result.files_restored else ""
        print(f"已从 {args.file} 恢复服务站数据{files}{kept}")
    return 0


def _confirmed(data_dir: str) -> bool:
    if not sys.stdin.isatty():
        return False
    answer = input(f"将用备份替换 {data_dir} 中的服务站数据（当前数据会先另存一份）。确定恢复吗？[y/N] ")
    return answer.strip().lower() in {"y", "yes", "是"}


def _megabytes(size: int) -> str:
    return f"{size / 1_048_576:.1f} MB"
