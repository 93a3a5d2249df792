package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
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
 * If the entry cannot be written the whole transaction fails and the caller gets 503.
 */
@ApplicationScoped
public class AccessLog {
  private static final Logger LOG = Logger.getLogger(AccessLog.class.getName());

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Inject RequestOrigin origin;

  @Inject AuditSwitch auditSwitch;

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
    try {
      Object[] head = (Object[]) em.createNativeQuery(
              "SELECT next_sequence, last_hash FROM access_log_head WHERE id = 1 FOR UPDATE")
          .getSingleResult();
      long sequence = ((Number) head[0]).longValue();
      byte[] previous = (byte[]) head[1];
      Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
      AuditEntry entry = new AuditEntry(sequence, now, e.userId(), e.role(), e.centre(), e.action(), e.targetType(),
          e.targetId(), e.purpose(), e.justification(), e.outcome(), e.rule(), e.reason(), e.breakGlass(),
          origin.clientAddress(), origin.requestId(), previous);
      byte[] leaf = AuditEntryEncoding.leafHash(entry);
      em.createNativeQuery(
              "INSERT INTO access_log (sequence, occurred_at, user_id, role, centre, action, target_type, target_id,"
                  + " purpose, justification, outcome, rule, reason, break_glass, client_address, request_id,"
                  + " previous_hash, leaf_hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)")
          .setParameter(1, sequence)
          .setParameter(2, Timestamp.from(now))
          .setParameter(3, entry.userId())
          .setParameter(4, entry.role())
          .setParameter(5, entry.centre())
          .setParameter(6, entry.action())
          .setParameter(7, entry.targetType())
          .setParameter(8, entry.targetId())
          .setParameter(9, entry.purpose())
          .setParameter(10, entry.justification())
          .setParameter(11, entry.outcome())
          .setParameter(12, entry.rule())
          .setParameter(13, entry.reason())
          .setParameter(14, entry.breakGlass())
          .setParameter(15, entry.clientAddress())
          .setParameter(16, entry.requestId())
          .setParameter(17, previous)
          .setParameter(18, leaf)
          .executeUpdate();
      return sequence;
    } catch (PersistenceException | IllegalArgumentException ex) {
      LOG.log(Level.SEVERE, "Access log entry could not be written; failing the request (" + ex.getClass().getSimpleName() + ")");
      throw VaultException.unavailable("audit-unavailable",
          "The access log cannot be written, so the request was not carried out.");
    }
  }
}
