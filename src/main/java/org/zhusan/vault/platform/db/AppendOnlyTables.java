package org.zhusan.vault.platform.db;

import java.util.List;

/** Tables the application role may only append to and read (see {@link SchemaMigrator}). */
public final class AppendOnlyTables {
  public static final List<String> NAMES =
      List.of(
          "access_log",
          "access_log_checkpoint",
          "access_log_cosignature",
          "access_log_tree_state",
          "access_log_subtree");

  private AppendOnlyTables() {}
}
