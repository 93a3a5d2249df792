package org.zhusan.vault.search;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Writes a version's blind index ({@code search_token}) and its state ({@code search_index_state})
 * on the caller's JTA transaction's connection, so they commit with the version (upload) or replace
 * the old rows atomically (re-index). Only tokens and counts pass through here. A version's tokens
 * are always all under one blind-index key version, recorded in its state row.
 */
@ApplicationScoped
public class SearchIndexStore {
  /** Index state of a version. */
  public enum Status {
    INDEXED,
    NOT_INDEXED,
    FAILED
  }

  private static final Logger LOG = Logger.getLogger(SearchIndexStore.class.getName());
  static final int BATCH_ROWS = 1000;

  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  /**
   * Replaces the version's tokens with {@code index} and marks it INDEXED. Must run in a
   * transaction.
   */
  public void writeIndexed(UUID versionId, TermFrequencies index) {
    try (Connection c = dataSource.getConnection()) {
      clear(c, versionId);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO search_token (version_id, token, tf) VALUES (?, ?, ?)")) {
        int pending = 0;
        for (Map.Entry<BlindToken, Integer> e : index.counts().entrySet()) {
          insert.setObject(1, versionId);
          insert.setBytes(2, e.getKey().bytes());
          insert.setInt(3, e.getValue());
          insert.addBatch();
          if (++pending == BATCH_ROWS) {
            insert.executeBatch();
            pending = 0;
          }
        }
        if (pending > 0) {
          insert.executeBatch();
        }
      }
      state(c, versionId, Status.INDEXED, index.keyVersion(), index.truncated());
    } catch (SQLException e) {
      throw unavailable(versionId, e);
    }
  }

  /** Removes the version's tokens (if any) and records {@code status} (NOT_INDEXED or FAILED). */
  public void writeWithoutTokens(UUID versionId, Status status) {
    if (status == Status.INDEXED) {
      throw new IllegalArgumentException("INDEXED needs tokens");
    }
    try (Connection c = dataSource.getConnection()) {
      clear(c, versionId);
      state(c, versionId, status, null, false);
    } catch (SQLException e) {
      throw unavailable(versionId, e);
    }
  }

  private static void clear(Connection c, UUID versionId) throws SQLException {
    for (String sql :
        new String[] {
          "DELETE FROM search_token WHERE version_id = ?",
          "DELETE FROM search_index_state WHERE version_id = ?"
        }) {
      try (PreparedStatement delete = c.prepareStatement(sql)) {
        delete.setObject(1, versionId);
        delete.executeUpdate();
      }
    }
  }

  /**
   * {@code keyVersion}: the blind-index key version of the tokens (from the builder, not the
   * current primary: a reload may have happened meanwhile).
   */
  private static void state(
      Connection c, UUID versionId, Status status, Integer keyVersion, boolean truncated)
      throws SQLException {
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO search_index_state (version_id, status, token_purpose, bidx_key_version,"
                + " truncated, indexed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setObject(1, versionId);
      insert.setString(2, status.name());
      insert.setString(3, status == Status.INDEXED ? BlindTokens.PURPOSE : null);
      insert.setObject(4, keyVersion, java.sql.Types.INTEGER);
      insert.setBoolean(5, truncated);
      insert.setTimestamp(6, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    }
  }

  private static VaultException unavailable(UUID versionId, SQLException e) {
    // SQL state only: messages may quote row values (tokens here, but keep the habit).
    LOG.warning(
        "Search index of version "
            + versionId
            + " could not be written (SQL state "
            + e.getSQLState()
            + ")");
    return VaultException.unavailable(
        "search-index-unavailable", "The search index could not be written.");
  }
}
