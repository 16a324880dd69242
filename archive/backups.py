"""Whole-database backups that can be taken while the site serves, and their restore.

SQLite is copied with SQLite's online backup API (``sqlite3.Connection.backup``): a
consistent snapshot even while imports write, WAL contents included, which copying
the file is not. PostgreSQL is dumped with ``pg_dump -Fc`` and restored with
``pg_restore`` in one transaction. A backup is a file of its database's own kind;
``check_backup`` tells which and refuses anything else, before ``restore_database``
replaces the data. Failures raise ``BackupError``, whose message is shown to the operator as is.
"""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing, suppress
from pathlib import Path

from django.db import connection

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
KIND_NAMES = {SQLITE: "SQLite", POSTGRESQL: "PostgreSQL"}
SUFFIXES = {SQLITE: ".sqlite3", POSTGRESQL: ".pgdump"}
MAGIC = {SQLITE: b"SQLite format 3\x00", POSTGRESQL: b"PGDMP"}
# Tables every archive database has: a file without them is some other database's backup.
REQUIRED_TABLES = ("django_migrations", "archive_article", "archive_person", "archive_mention")


class BackupError(Exception):
    """A backup or restore that could not be done; ``str(error)`` is the operator's (Chinese) message."""


def database_kind() -> str:
    """``SQLITE`` or ``POSTGRESQL`` for the default database; other engines are refused."""
    if connection.vendor not in KIND_NAMES:
        raise BackupError(f"不支持备份 {connection.vendor} 数据库，只支持 SQLite 和 PostgreSQL。")
    return connection.vendor


def backup_database(output: Path) -> None:
    """Write a backup of the default database to ``output``; it appears only once complete."""
    kind = database_kind()
    partial = output.with_name(output.name + ".part")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        if kind == SQLITE:
            connection.ensure_connection()
            with closing(sqlite3.connect(partial)) as target:
                connection.connection.backup(target)
                # The copy takes the source's WAL mode; a backup is one self-contained file.
                target.execute("PRAGMA journal_mode=DELETE")
        else:
            _run_client("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}")
        partial.replace(output)
    except (OSError, sqlite3.Error) as error:
        raise BackupError(f"无法写入备份文件 {output}：{getattr(error, 'strerror', None) or error}") from error
    finally:
        with suppress(OSError):
            partial.unlink(missing_ok=True)


def backup_kind(path: Path) -> str:
    """The kind of backup in ``path`` (by its file header), or a BackupError saying it is none of ours."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(MAGIC[SQLITE]))
    except OSError as error:
        raise BackupError(f"无法读取备份文件 {path}：{error.strerror or error}") from error
    for kind, magic in MAGIC.items():
        if header.startswith(magic):
            return kind
    raise BackupError(f"{path} 不是本档案的备份文件（应为 manage.py backup 生成的 SQLite 或 PostgreSQL 备份）。")


def check_backup(path: Path) -> str:
    """Make sure ``path`` is a readable archive backup for the current database; returns its kind."""
    kind, current = backup_kind(path), database_kind()
    if kind != current:
        raise BackupError(
            f"{path} 是 {KIND_NAMES[kind]} 备份，而当前数据库是 {KIND_NAMES[current]}，不能恢复到不同类型的数据库。"
        )
    tables = _sqlite_tables(path) if kind == SQLITE else _dump_tables(path)
    if missing := [table for table in REQUIRED_TABLES if table not in tables]:
        raise BackupError(f"{path} 不是本档案的备份：缺少数据表 {'、'.join(missing)}。")
    return kind


def restore_database(path: Path, kind: str) -> None:
    """Replace the default database's contents with the backup in ``path``, all or nothing.

    ``kind`` is what ``check_backup(path)`` returned: check first (and ask the operator), then restore.
    """
    if kind == SQLITE:
        connection.ensure_connection()
        try:
            with closing(_open_sqlite(path)) as source:
                source.backup(connection.connection)
        except sqlite3.Error as error:
            raise BackupError(f"恢复失败（{error}），数据库未改动。") from error
    else:
        connection.close()
        _run_client(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
            "--exit-on-error", str(path), failure="恢复失败，数据库未改动",
        )


def _open_sqlite(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def _sqlite_tables(path: Path) -> set[str]:
    try:
        with closing(_open_sqlite(path)) as backup:
            if backup.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise BackupError(f"{path} 已损坏（SQLite 完整性检查未通过）。")
            tables = {name for (name,) in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} 无法作为 SQLite 数据库打开（{error}），可能已损坏。") from error
    return tables


def _dump_tables(path: Path) -> set[str]:
    """Table names in a ``pg_dump -Fc`` file's table of contents (``pg_restore --list``)."""
    listing = _run_client(
        "pg_restore", "--list", str(path), connect=False, failure=f"{path} 不是有效的 PostgreSQL 备份或已损坏"
    )
    tables = set()
    for line in listing.splitlines():
        # e.g. "215; 1259 16390 TABLE public archive_article archive"
        words = line.split(";", 1)[-1].split()
        if len(words) >= 5 and words[2] == "TABLE":
            tables.add(words[4])
    return tables


def _run_client(program: str, *args: str, connect: bool = True, failure: str = "") -> str:
    """Run a PostgreSQL client program (against the default database if ``connect``); returns its output.

    Connection flags and variables (password, sslmode, ...) are the ones ``manage.py dbshell`` gives psql.
    """
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"找不到 {program}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）。")
    command, env = [executable, *args], None
    if connect:
        psql, env = connection.client.settings_to_cmd_args_env(connection.settings_dict, [])
        command += [*psql[1:-1], f"--dbname={psql[-1]}"]
    result = subprocess.run(command, env={**os.environ, **(env or {})}, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = result.stderr.strip().splitlines()[-1] if result.stderr.strip() else f"退出码 {result.returncode}"
        raise BackupError(f"{failure or program + ' 失败'}（{detail}）。")
    return result.stdout
