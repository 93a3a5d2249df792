package org.zhusan.vault.keys;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.hibernate.engine.spi.SessionImplementor;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * Counts encryptions under subjects' data keys in {@code data_key.encryptions}, which bounds each
 * key's random-nonce AES-GCM encryptions (NIST SP 800-38D: at most 2<sup>32</sup> per key; {@code
 * vault.keys.max-encryptions-per-key} keeps well below it). The count is durable with what was
 * sealed: it is written in the same transaction, so an acknowledged upload's encryptions are
 * counted when its rows are, and a rolled-back one's are not.
 *
 * <p>Within a transaction the encryptions are tallied in memory ({@link EncryptionTally}) and
 * written once per key just before the commit, after Hibernate's last flush (a Hibernate
 * before-completion process), with one {@code UPDATE} that also refuses to pass the limit: if
 * concurrent transactions together would exceed it, the one that finds the row over the limit fails
 * its commit and rolls back with what it sealed. Writing at the end rather than at each seal saves
 * a statement and a forced flush per sealed field, and holds the key row's lock only for the commit
 * instead of the whole request (concurrent uploads to one subject no longer wait for each other's
 * content to be stored).
 */
@ApplicationScoped
public class DataKeyUsage {
  private static final Logger LOG = Logger.getLogger(DataKeyUsage.class.getName());
  private static final String TALLY = DataKeyUsage.class.getName() + ".tally";
  static final String COUNT =
      "UPDATE data_key SET encryptions = encryptions + ? WHERE owner_id = ?"
          + " AND encryptions + ? <= ?";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Resource TransactionSynchronizationRegistry transactions;

  /**
   * Counts {@code n} encryptions under {@code owner}'s key, whose persisted count was {@code
   * persisted} when this transaction loaded it; 503 if that would pass {@code max}.
   */
  void count(UUID owner, long persisted, int n, long max) {
    EncryptionTally tally = tally(max);
    if (tally == null) {
      // No transaction (the statement fails as it always did), or this one's tally is already
      // written (a seal from another before-completion callback): counted at once.
      int rows =
          em.createNativeQuery(COUNT)
              .setParameter(1, (long) n)
              .setParameter(2, owner)
              .setParameter(3, (long) n)
              .setParameter(4, max)
              .executeUpdate();
      if (rows != 1) {
        throw keyLimit();
      }
      return;
    }
    if (!tally.add(owner, persisted, n, max)) {
      throw keyLimit();
    }
  }

  private EncryptionTally tally(long max) {
    if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
      return null;
    }
    EncryptionTally tally = (EncryptionTally) transactions.getResource(TALLY);
    if (tally == null) {
      EncryptionTally created = new EncryptionTally();
      em.unwrap(SessionImplementor.class)
          .getActionQueue()
          .registerProcess(session -> write(session, created, max));
      transactions.putResource(TALLY, created);
      return created;
    }
    return tally.written() ? null : tally;
  }

  /** Runs just before the commit, after Hibernate's last flush, on the transaction's connection. */
  private static void write(SessionImplementor session, EncryptionTally tally, long max) {
    Map<UUID, Long> counts = tally.drain();
    if (counts.isEmpty()) {
      return;
    }
    session.doWork(
        connection -> {
          try (PreparedStatement update = connection.prepareStatement(COUNT)) {
            for (Map.Entry<UUID, Long> e : counts.entrySet()) {
              update.setLong(1, e.getValue());
              update.setObject(2, e.getKey());
              update.setLong(3, e.getValue());
              update.setLong(4, max);
              if (update.executeUpdate() != 1) {
                LOG.severe(
                    "A data key reached its encryption limit under concurrent use; the"
                        + " transaction is rolled back");
                throw keyLimit();
              }
            }
          }
        });
  }

  private static VaultException keyLimit() {
    return VaultException.unavailable(
        "key-limit", "This record's data key reached its encryption limit.");
  }
}
