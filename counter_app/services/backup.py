"""Backup and restore of the station's store (备份与恢复): the service door to ``store.backup``.

The copying itself lives with the store, which also calls it before a schema upgrade.
"""

from counter_app.store.backup import (  # re-exported for the GUI and the CLI
    BEFORE_RESTORE,
    FILES_SUFFIX,
    PRE_MIGRATION,
    BackupError,
    BackupInfo,
    RestoreResult,
    backup,
    backup_before_migration,
    backup_dir,
    describe,
    files_beside,
    list_backups,
    restore,
    store_path,
    validate_backup,
)

__all__ = [
    "BEFORE_RESTORE", "FILES_SUFFIX", "PRE_MIGRATION", "BackupError", "BackupInfo", "RestoreResult", "backup",
    "backup_before_migration", "backup_dir", "describe", "files_beside", "list_backups", "restore", "store_path",
    "validate_backup",
]
