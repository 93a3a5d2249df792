package org.zhusan.vault.cli.embedded;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The layout of a backup file, shared by the writer and the reader: a ZIP holding the cluster under
 * {@code postgres/} (with the {@code backup_label} PostgreSQL returned and the WAL from the
 * backup's start to its end in {@code postgres/pg_wal/}), the password file, and a manifest. What
 * is left out follows PostgreSQL's own list for base backups (docs, "Making a Base Backup Using the
 * Low Level API").
 */
final class BackupFormat {
  static final String CLUSTER_PREFIX = "postgres/";
  static final String MANIFEST = "zhusan-backup.properties";
  static final String FORMAT_VERSION = "1";

  /**
   * Directories recreated empty on restore: their contents are runtime state, or (pg_wal) added
   * apart.
   */
  static final Set<String> EMPTY_DIRECTORIES =
      Set.of(
          "pg_wal",
          "pg_replslot",
          "pg_dynshmem",
          "pg_notify",
          "pg_serial",
          "pg_snapshots",
          "pg_stat_tmp",
          "pg_subtrans");

  /** Files that belong to a running server or to an earlier backup, never copied. */
  static final Set<String> SKIPPED_FILES =
      Set.of(
          "postmaster.pid",
          "postmaster.opts",
          "epg-lock",
          "backup_label",
          "backup_label.old",
          "tablespace_map",
          "backup_manifest",
          "current_logfiles",
          "pg_internal.init");

  /**
   * Temporary relations ({@code t<backend>_<relfilenode>}) and temporary files: meaningless after a
   * restart.
   */
  static final Pattern TEMPORARY = Pattern.compile("(t\\d+_\\d+.*)|(pgsql_tmp.*)");

  /** A WAL segment file name: timeline, log, segment as 24 hexadecimal digits. */
  static final Pattern WAL_SEGMENT = Pattern.compile("[0-9A-F]{24}");

  /** Copied last, as pg_basebackup does, so it is the newest file in the copy. */
  static final String CONTROL_FILE = "global/pg_control";

  private BackupFormat() {}

  static boolean skipped(String fileName) {
    return SKIPPED_FILES.contains(fileName) || TEMPORARY.matcher(fileName).matches();
  }
}
