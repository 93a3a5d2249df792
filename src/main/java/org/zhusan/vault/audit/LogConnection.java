package org.zhusan.vault.audit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.zhusan.vault.platform.db.DatabaseSettings;

/**
 * The access log's own database connection, for {@link BatchAppender}: one plain JDBC connection
 * per instance, as the application role, with local transactions.
 *
 * <p>Why not the container's pool and a JTA transaction: batches are written by the request thread
 * that happens to lead (see {@link BatchAppender}), from inside its own transaction's commit, where
 * a new container transaction cannot be started; and a batch is two statements and a commit, for
 * which a JTA transaction, a Hibernate session and a pooled, enlisted connection cost more than the
 * work. Statements time out after {@code vault.audit.append-wait}, so a leader never waits longer
 * than its followers would.
 */
@ApplicationScoped
public class LogConnection implements BatchAppender.BatchWriter {
  private static final Logger LOG = Logger.getLogger(LogConnection.class.getName());

  @Inject DatabaseSettings settings;

  @Inject
  @ConfigProperty(name = "vault.audit.append-wait", defaultValue = "PT30S")
  Duration maxWait;

  /** Only ever used by the one leading thread at a time; synchronized for visibility and safety. */
  private Connection connection;

  @Override
  public synchronized AccessLog.Appended write(List<EntryRequest> records, AccessLog.Head known) {
    try {
      Connection c = open();
      try {
        AccessLog.Appended appended = AccessLog.insert(c, records, known);
        c.commit();
        return appended;
      } catch (SQLException e) {
        rollback(c);
        throw e;
      }
    } catch (SQLException e) {
      if (known == null) {
        LOG.log(
            Level.SEVERE,
            "Access log batch could not be written (SQLState " + e.getSQLState() + ")");
      }
      throw new BatchAppender.AppendFailedException("SQLState " + e.getSQLState());
    }
  }

  private Connection open() throws SQLException {
    if (connection != null && !connection.isClosed()) {
      return connection;
    }
    Connection c =
        DriverManager.getConnection(settings.url(), settings.appUser(), settings.appPassword());
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = " + Math.max(1, maxWait.toMillis()));
    }
    connection = c;
    return c;
  }

  private void rollback(Connection c) {
    try {
      c.rollback();
    } catch (SQLException e) {
      close(); // broken: open a new one for the next batch
    }
  }

  @PreDestroy
  synchronized void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException e) {
        LOG.fine("closing the access log connection: " + e.getSQLState());
      }
      connection = null;
    }
  }
}
