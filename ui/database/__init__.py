"""The database file itself, as the window shows it: restoring a backup (File → Restore from
backup…) and the read-only notice when the file cannot be written to.

Calls `sendboard.services.common.workspace` (list_backups, restore_backup, open_database) only.
"""
