package org.zhusan.vault.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * What a hostile database owner can do to the access log: edit its tables in one transaction that
 * switches their append-only triggers off and on again (the application waits meanwhile). Shared by
 * the tamper and witness tests so that both attack the same set of tables the same way.
 */
final class HostileOwner {
  /** Every table of the log; the triggers of each are switched off for an edit. */
  static final List<String> LOG_TABLES =
      List.of(
          "access_log",
          "access_log_checkpoint",
          "access_log_head",
          "access_log_cosignature",
          "access_log_tree_state",
          "access_log_subtree");

  private HostileOwner() {}

  static void edit(Connection c, String... statements) throws SQLException {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      for (String t : LOG_TABLES) {
        s.execute("ALTER TABLE " + t + " DISABLE TRIGGER USER");
      }
      for (String sql : statements) {
        s.execute(sql);
      }
      for (String t : LOG_TABLES) {
        s.execute("ALTER TABLE " + t + " ENABLE TRIGGER USER");
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * Cuts the log back to its first {@code cut} entries with everything signed over the rest
   * (checkpoints, their tree states and cosignatures), and moves the head back so that the log
   * grows again from there. The stored subtree hashes are left: a careless owner forgets them.
   */
  static String[] cutTail(long cut) {
    return new String[] {
      "DELETE FROM access_log_cosignature WHERE tree_size > " + cut,
      "DELETE FROM access_log WHERE sequence >= " + cut,
      "DELETE FROM access_log_tree_state WHERE tree_size > " + cut,
      "DELETE FROM access_log_checkpoint WHERE tree_size > " + cut,
      "UPDATE access_log_head SET next_sequence = "
          + cut
          + ", last_hash = (SELECT leaf_hash FROM access_log WHERE sequence = "
          + (cut - 1)
          + ")"
    };
  }
}
