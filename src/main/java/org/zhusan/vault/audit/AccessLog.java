package org.zhusan.vault.audit;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.hibernate.event.spi.EventSource;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The only writer of the access log (invariant 4): appends one entry per access decision. Three
 * ways, by what the entry must be atomic with:
 *
 * <ul>
 *   <li>{@link #append}: in the caller's transaction, for actions that change state, so the action
 *       and its entry commit or fail together. Appending locks the single {@code access_log_head}
 *       row until the transaction ends; that is what makes sequence numbers gap-free and totally
 *       ordered across threads and instances sharing the database. Callers therefore append last,
 *       just before their transaction commits, and {@link AppendGate} queues appending transactions
 *       in the JVM so that at most one of them at a time waits for that row.
 *   <li>{@link #appendBeforeCommit}: for actions that change nothing (reads). The entry is
 *       committed by {@link BatchAppender}, together with other requests' entries, just before the
 *       caller's transaction commits and so before its result is returned; if it cannot be, that
 *       transaction rolls back and the request fails with 503.
 *   <li>{@link #appendAlone}: through {@link BatchAppender} at once, for denials and failures,
 *       which must be recorded even though the request then fails.
 * </ul>
 *
 * If an entry cannot be written the request fails with 503 and its action does not take place.
 */
@ApplicationScoped
public class AccessLog {
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());
  private static final Object BEFORE_COMMIT = new Object();

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject RequestOrigin origin;

  @Inject AppendGate gate;

  @Inject BatchAppender batches;

  @Resource TransactionSynchronizationRegistry transactions;

  private static final String LOCK_HEAD =
      "SELECT next_sequence, last_hash FROM access_log_head WHERE id = 1 FOR UPDATE";
  private static final String INSERT =
      "INSERT INTO access_log (sequence, occurred_at, user_id, role, centre, action, target_type,"
          + " target_id, purpose, justification, outcome, rule, reason, break_glass,"
          + " client_address, request_id, previous_hash, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
          + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /**
   * Appends in the caller's transaction (which must exist): the action and its entry are atomic.
   */
  @Transactional(Transactional.TxType.MANDATORY)
  public long append(AccessEvent event) {
    List<EntryRequest> records = new ArrayList<>(takeBeforeCommit());
    records.add(request(event));
    long[] sequences = writeInTransaction(records).sequences();
    return sequences[sequences.length - 1];
  }

  /**
   * Records the decision of an action that changes nothing: the entry is committed just before the
   * caller's transaction commits (in a batch of its own, see {@link BatchAppender}), and if it
   * cannot be, the caller's transaction rolls back instead. Without a transaction it is committed
   * at once. A state-changing action must use {@link #append}: its entry would otherwise survive
   * the action's rollback.
   */
  public void appendBeforeCommit(AccessEvent event) {
    if (transactions.getTransactionKey() == null) {
      appendAlone(event);
    } else if (gate.heldByCurrentTransaction()) {
      writeInTransaction(List.of(request(event))); // this transaction holds the head anyway
    } else {
      beforeCommit(true).add(request(event));
    }
  }

  /**
   * Appends at once, independently of any transaction of the caller: for denials, which must be
   * recorded even though the request then fails.
   */
  public long appendAlone(AccessEvent event) {
    return writeAlone(List.of(request(event)))[0];
  }

  /** The log head as of a committed append: the next sequence number and the last leaf hash. */
  public record Head(long nextSequence, byte[] lastHash) {}

  /** What an append wrote: the entries' sequence numbers, in order, and the head after them. */
  public record Appended(long[] sequences, Head head) {}

  private long[] writeAlone(List<EntryRequest> records) {
    if (gate.heldByCurrentThread()) {
      // This thread's own transaction (current or suspended) holds the log head: the writer would
      // wait for it for ever.
      LOG.severe(
          "Access log append outside a transaction that holds the log head on the same thread;"
              + " refused");
      throw unavailable();
    }
    try {
      return batches.appendAll(records);
    } catch (BatchAppender.AppendFailedException e) {
      LOG.log(
          Level.SEVERE,
          "Access log entry could not be written (" + e.getMessage() + "); failing the request");
      throw unavailable();
    }
  }

  private EntryRequest request(AccessEvent event) {
    return new EntryRequest(event, origin.clientAddress(), origin.requestId());
  }

  /** The entries waiting for this transaction's commit, registering the hook on first use. */
  @SuppressWarnings("unchecked")
  private List<EntryRequest> beforeCommit(boolean create) {
    List<EntryRequest> waiting = (List<EntryRequest>) transactions.getResource(BEFORE_COMMIT);
    if (waiting == null && create) {
      List<EntryRequest> list = new ArrayList<>();
      transactions.putResource(BEFORE_COMMIT, list);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {
              if (!list.isEmpty() && !transactions.getRollbackOnly()) {
                List<EntryRequest> now = List.copyOf(list);
                list.clear();
                writeAlone(
                    now); // throws: the transaction rolls back and the result is never returned
              }
            }

            @Override
            public void afterCompletion(int status) {}
          });
      waiting = list;
    }
    return waiting == null ? List.of() : waiting;
  }

  /** Moves this transaction's waiting read entries into an in-transaction append. */
  private List<EntryRequest> takeBeforeCommit() {
    List<EntryRequest> waiting = beforeCommit(false);
    if (waiting.isEmpty()) {
      return List.of();
    }
    List<EntryRequest> taken = List.copyOf(waiting);
    waiting.clear();
    return taken;
  }

  private Appended writeInTransaction(List<EntryRequest> records) {
    // The action's own pending inserts go first, so that the log head stays locked only for the
    // append and the commit (and so that their errors are reported as theirs, not as the log's).
    EventSource session = em.unwrap(EventSource.class);
    if (session.getActionQueue().hasAnyQueuedActions()) {
      session.flush();
    }
    try {
      if (!gate.enter()) {
        LOG.log(
            Level.SEVERE,
            "Access log entry could not be written: timed out waiting to append; failing the"
                + " request");
        throw unavailable();
      }
      // Batches are written only while holding the gate, so none can run between here and this
      // transaction's end: the next one reads the head this append leaves.
      batches.headMoved();
      // Plain JDBC on the transaction's own connection: the statements are the whole append, and
      // going through Hibernate's native queries would add query parsing and an auto-flush to every
      // append (see docs/audit-log.md, "Cost on the request path").
      return session.doReturningWork(connection -> insert(connection, records, null));
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw unavailable();
    } catch (PersistenceException | IllegalArgumentException ex) {
      LOG.log(
          Level.SEVERE,
          "Access log entry could not be written; failing the request ("
              + ex.getClass().getSimpleName()
              + ")");
      throw unavailable();
    }
  }

  /**
   * The append itself, on a connection in a transaction: lock and read the head unless it is {@code
   * known}, then insert the entries chained to it.
   */
  static Appended insert(Connection connection, List<EntryRequest> records, Head known)
      throws SQLException {
    long sequence;
    byte[] previous;
    if (known != null) {
      sequence = known.nextSequence();
      previous = known.lastHash();
    } else {
      try (PreparedStatement head = connection.prepareStatement(LOCK_HEAD);
          ResultSet row = head.executeQuery()) {
        if (!row.next()) {
          throw new SQLException("access_log_head is missing");
        }
        sequence = row.getLong(1);
        previous = row.getBytes(2);
      }
    }
    long[] sequences = new long[records.size()];
    try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
      for (int i = 0; i < sequences.length; i++) {
        EntryRequest r = records.get(i);
        AccessEvent e = r.event();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AuditEntry entry =
            new AuditEntry(
                sequence,
                now,
                e.userId(),
                e.role(),
                e.centre(),
                e.action(),
                e.targetType(),
                e.targetId(),
                e.purpose(),
                e.justification(),
                e.outcome(),
                e.rule(),
                e.reason(),
                e.breakGlass(),
                r.clientAddress(),
                r.requestId(),
                previous);
        byte[] leaf = AuditEntryEncoding.leafHash(entry);
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
        insert.setBytes(18, leaf);
        sequences[i] = sequence++;
        previous = leaf;
        if (sequences.length == 1) {
          insert.executeUpdate();
        } else {
          insert.addBatch();
        }
      }
      if (sequences.length > 1) {
        insert.executeBatch();
      }
    }
    return new Appended(sequences, new Head(sequence, previous));
  }

  private static VaultException unavailable() {
    return VaultException.unavailable(
        "audit-unavailable",
        "The access log cannot be written, so the request was not carried out.");
  }
}
