package org.zhusan.vault.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.platform.db.SqlTimes;

/** Break-glass sessions as stored in {@code break_glass}, and the auditors' review queue. */
@ApplicationScoped
public class BreakGlassSessions {
  /** One session. */
  public record Session(
      UUID id,
      String userId,
      String role,
      UUID documentId,
      String justification,
      Instant openedAt,
      Instant expiresAt,
      Instant reviewedAt,
      String reviewedBy,
      String reviewNote) {}

  private static final String COLUMNS =
      "id, user_id, role, document_id, justification, opened_at, expires_at, reviewed_at,"
          + " reviewed_by, review_note";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  public Optional<Session> active(String userId, UUID documentId, Instant now) {
    return rows(
            em.createNativeQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM break_glass WHERE user_id = ?1 AND document_id = ?2"
                        + " AND expires_at > ?3 ORDER BY expires_at DESC LIMIT 1")
                .setParameter(1, userId)
                .setParameter(2, documentId)
                .setParameter(3, Timestamp.from(now))
                .getResultList())
        .stream()
        .findFirst();
  }

  public void open(Session s) {
    em.createNativeQuery(
            "INSERT INTO break_glass (id, user_id, role, document_id, justification, opened_at,"
                + " expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, s.id())
        .setParameter(2, s.userId())
        .setParameter(3, s.role())
        .setParameter(4, s.documentId())
        .setParameter(5, s.justification())
        .setParameter(6, Timestamp.from(s.openedAt()))
        .setParameter(7, Timestamp.from(s.expiresAt()))
        .executeUpdate();
  }

  /**
   * Sessions awaiting review, oldest first (a work queue); or all of them, newest first (a
   * history).
   */
  public List<Session> queue(boolean pendingOnly, int offset, int limit) {
    return rows(
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM break_glass"
                    + (pendingOnly
                        ? " WHERE reviewed_at IS NULL ORDER BY opened_at, id"
                        : " ORDER BY opened_at DESC, id DESC")
                    + " LIMIT ?1 OFFSET ?2")
            .setParameter(1, limit)
            .setParameter(2, offset)
            .getResultList());
  }

  /** One session by id, reviewed or not. */
  public Optional<Session> byId(UUID id) {
    return rows(
            em.createNativeQuery("SELECT " + COLUMNS + " FROM break_glass WHERE id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream()
        .findFirst();
  }

  public boolean review(UUID id, String by, String note, Instant now) {
    return em.createNativeQuery(
                "UPDATE break_glass SET reviewed_at = ?1, reviewed_by = ?2, review_note = ?3"
                    + " WHERE id = ?4 AND reviewed_at IS NULL")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, by)
            .setParameter(3, note)
            .setParameter(4, id)
            .executeUpdate()
        == 1;
  }

  @SuppressWarnings("unchecked")
  private static List<Session> rows(List<?> rows) {
    return ((List<Object[]>) rows)
        .stream()
            .map(
                r ->
                    new Session(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (UUID) r[3],
                        (String) r[4],
                        SqlTimes.instant(r[5]),
                        SqlTimes.instant(r[6]),
                        SqlTimes.instant(r[7]),
                        (String) r[8],
                        (String) r[9]))
            .toList();
  }
}
