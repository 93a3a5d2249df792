package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.event.spi.EventSource;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The only writer of the access log (invariant 4): appends one entry per access decision, in the
 * caller's transaction, so the entry and the action commit or fail together.
 *
 * <p>Appending locks the single {@code access_log_head} row until the transaction ends; that is
 * what makes sequence numbers gap-free and totally ordered across threads and across instances
 * sharing the database. Callers therefore append last, just before their transaction commits.
 * Within one instance, {@link AppendGate} queues appending transactions in the JVM, so that at most
 * one of them at a time waits for that row in PostgreSQL.
 * If the entry cannot be written the whole transaction fails and the caller gets 503.
 */
@ApplicationScoped
public class AccessLog {
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject RequestOrigin origin;

  @Inject AuditSwitch auditSwitch;

  @Inject AppendGate gate;

  private static final String LOCK_HEAD = "SELECT next_sequence, last_hash FROM access_log_head WHERE id = 1 FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO access_log (sequence, occurred_at, user_id, role, centre, action, target_type, target_id, purpose,"
          + " justification, outcome, rule, reason, break_glass, client_address, request_id, previous_hash, leaf_hash)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Appends in the caller's transaction (which must exist): the action and its entry are atomic. */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(AccessEvent event) {
    return write(event);
  }

  /**
   * Appends in a transaction of its own: for denials, which must be recorded even though the
   * request then fails.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public long appendAlone(AccessEvent event) {
    return write(event);
  }

  private long write(AccessEvent e) {
    if (auditSwitch.benchmarkOnlyDisabled()) {
      return -1;
    }
    // The action's own pending inserts go first, so that the log head stays locked only for the
    // append and the commit (and so that their errors are reported as theirs, not as the log's).
    EventSource session = em.unwrap(EventSource.class);
    if (session.getActionQueue().hasAnyQueuedActions()) {
      session.flush();
    }
    try {
      if (!gate.enter()) {
        LOG.log(Level.SEVERE, "Access log entry could not be written: timed out waiting to append; failing the request");
        throw unavailable();
      }
      // Plain JDBC on the transaction's own connection: the two statements are the whole append, and
      // going through Hibernate's native queries would add query parsing and an auto-flush to every
      // audited request (see docs/audit-log.md, "Cost on the request path").
      return session.doReturningWork(connection -> insert(connection, e));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (PersistenceException | IllegalArgumentException ex) {
      LOG.log(Level.SEVERE, "Access log entry could not be written; failing the request (" + ex.getClass().getSimpleName() + ")");
      throw unavailable();
    }
  }

  private long insert(Connection connection, AccessEvent e) throws SQLException {
    long sequence;
    byte[] previous;
    try (PreparedStatement head = connection.prepareStatement(LOCK_HEAD); ResultSet row = head.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("access_log_head is missing");
      }
      sequence = row.getLong(1);
      previous = row.getBytes(2);
    }
    Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
    AuditEntry entry = new AuditEntry(sequence, now, e.userId(), e.role(), e.centre(), e.action(), e.targetType(),
        e.targetId(), e.purpose(), e.justification(), e.outcome(), e.rule(), e.reason(), e.breakGlass(),
        origin.clientAddress(), origin.requestId(), previous);
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      insert.setLong(1, sequence);
      insert.setTimestamp(2, Timestamp.from(now));
      insert.setString(3, entry.userId());
      insert.setString(4, entry.role());
      insert.setString(5, entry.centre());
      insert.setString(6, entry.action());
      insert.setString(7, entry.targetType());
      insert.setString(8, entry.targetId());
      insert.setString(9, entry.purpose());
      insert.setString(10, entry.justification());
      insert.setString(11, entry.outcome());
      insert.setString(12, entry.rule());
      insert.setString(13, entry.reason());
      insert.setBoolean(14, entry.breakGlass());
      insert.setString(15, entry.clientAddress());
      insert.setString(16, entry.requestId());
      insert.setBytes(17, previous);
      insert.setBytes(18, AuditEntryEncoding.leafHash(entry));
      insert.executeUpdate();
    }
    return sequence;
  }

  private static VaultException unavailable() {
    return VaultException.unavailable("audit-unavailable",
        "The access log cannot be written, so the request was not carried out.");
  }
}
