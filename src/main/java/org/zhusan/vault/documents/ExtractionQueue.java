package org.zhusan.vault.documents;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.zhusan.vault.documents.content.ExtractionResult;
import org.zhusan.vault.keys.KeyScope;
import org.zhusan.vault.platform.problem.VaultException;

/**
 * The durable queue of versions waiting for extraction and indexing, in PostgreSQL ({@code
 * version_extraction}). An upload enqueues its version in its own transaction, so a version that
 * committed is always either done or still queued: a crash of the server loses no item. Workers of
 * any number of vault instances claim items with {@code FOR UPDATE SKIP LOCKED} and a lease; an
 * item whose worker died is claimed again once the lease expires, at most {@code max-attempts}
 * times.
 */
@ApplicationScoped
public class ExtractionQueue implements DocumentErasure {
  @PersistenceContext(unitName = "vault")
  EntityManager em;

  @Resource(lookup = "java:app/jdbc/vault")
  DataSource dataSource;

  @Inject TextSink textSink;

  /** One claimed item: the version and how many times it has been claimed, this time included. */
  public record Claim(UUID versionId, int attempts) {}

  /**
   * Queues a new version, in the caller's (the upload's) transaction, and returns the item as saved
   * (its state is what the upload's answer shows; no need to read it back).
   */
  VersionExtraction enqueue(UUID versionId) {
    VersionExtraction item = VersionExtraction.pending(versionId);
    em.persist(item);
    return item;
  }

  /** The oldest pending item nobody holds, leased to {@code worker} for {@code lease}; or empty. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public Optional<Claim> claim(String worker, Duration lease) {
    String sql =
        "UPDATE version_extraction SET attempts = attempts + 1, leased_by = ?,"
            + " leased_until = now() + make_interval(secs => ?)"
            + " WHERE version_id = (SELECT version_id FROM version_extraction"
            + "   WHERE state = 'PENDING' AND (leased_until IS NULL OR leased_until < now())"
            + "   ORDER BY enqueued_at LIMIT 1 FOR UPDATE SKIP LOCKED)"
            + " RETURNING version_id, attempts";
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, worker);
      ps.setDouble(2, lease.toMillis() / 1000.0);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next()
            ? Optional.of(new Claim(rs.getObject(1, UUID.class), rs.getInt(2)))
            : Optional.empty();
      }
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /** Pages done of a long scan; extends the lease, since the worker is evidently alive. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void progress(UUID versionId, int done, int total, Duration lease) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE version_extraction SET pages_done = ?, pages_total = ?,"
                    + " leased_until = now() + make_interval(secs => ?)"
                    + " WHERE version_id = ? AND state = 'PENDING'")) {
      ps.setInt(1, done);
      ps.setInt(2, total);
      ps.setDouble(3, lease.toMillis() / 1000.0);
      ps.setObject(4, versionId);
      ps.executeUpdate();
    } catch (SQLException e) {
      throw unavailable(e);
    }
  }

  /**
   * Records the outcome and writes the index (or discards the text), in one transaction: the index
   * and the state commit together. A second worker that finishes the same item after its lease
   * expired changes nothing.
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void complete(UUID versionId, KeyScope keyOwner, ExtractionResult result) {
    VersionExtraction item =
        em.find(VersionExtraction.class, versionId, LockModeType.PESSIMISTIC_WRITE);
    if (item == null || item.state() != VersionExtraction.State.PENDING) {
      textSink.discard(versionId);
      return;
    }
    textSink.finish(versionId, result.extracted());
    item.finish(keyOwner, result);
  }

  /** The number of items waiting or being worked on (for the status page and tests). */
  public long pending() {
    return em.createQuery(
            "select count(e) from VersionExtraction e where e.state = 'PENDING'", Long.class)
        .getSingleResult();
  }

  private static VaultException unavailable(SQLException e) {
    return VaultException.unavailable(
        "storage-unavailable",
        "The extraction queue is not available (SQL state " + e.getSQLState() + ").");
  }

  /** A destroyed document's versions still waiting for extraction leave the queue with it. */
  @Override
  public void erase(UUID documentId, java.util.List<UUID> versionIds) {
    if (!versionIds.isEmpty()) {
      em.createNativeQuery(
              "DELETE FROM version_extraction WHERE version_id IN (:v) AND state = 'PENDING'")
          .setParameter("v", versionIds)
          .executeUpdate();
    }
  }
}
