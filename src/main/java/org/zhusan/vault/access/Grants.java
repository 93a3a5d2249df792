package org.zhusan.vault.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.zhusan.vault.access.policy.Grant;
import org.zhusan.vault.access.policy.Purpose;
import org.zhusan.vault.platform.db.SqlTimes;

/** Grants as stored in {@code document_grant}. Callers run inside a transaction. */
@ApplicationScoped
public class Grants {
  private static final String COLUMNS =
      "id, document_id, version_id, grantor, grantee, purpose, expires_at, revoked_at";

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  /** Unrevoked, unexpired grants of a document to a user. */
  public List<Grant> liveFor(String grantee, UUID documentId, Instant now) {
    return rows(
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM document_grant WHERE grantee = ?1 AND document_id = ?2"
                    + " AND revoked_at IS NULL AND expires_at > ?3 ORDER BY created_at")
            .setParameter(1, grantee)
            .setParameter(2, documentId)
            .setParameter(3, Timestamp.from(now))
            .getResultList());
  }

  public void store(Grant g, Instant createdAt) {
    em.createNativeQuery(
            "INSERT INTO document_grant (id, document_id, version_id, grantor, grantee, purpose,"
                + " created_at, expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .setParameter(1, UUID.fromString(g.id()))
        .setParameter(2, UUID.fromString(g.documentId()))
        .setParameter(3, g.versionId() == null ? null : UUID.fromString(g.versionId()))
        .setParameter(4, g.grantor())
        .setParameter(5, g.grantee())
        .setParameter(6, g.purpose().name())
        .setParameter(7, Timestamp.from(createdAt))
        .setParameter(8, Timestamp.from(g.expiresAt()))
        .executeUpdate();
  }

  public Optional<Grant> find(UUID id) {
    return rows(
            em.createNativeQuery("SELECT " + COLUMNS + " FROM document_grant WHERE id = ?1")
                .setParameter(1, id)
                .getResultList())
        .stream()
        .findFirst();
  }

  public boolean revoke(UUID id, String by, Instant now) {
    return em.createNativeQuery(
                "UPDATE document_grant SET revoked_at = ?1, revoked_by = ?2 WHERE id = ?3 AND"
                    + " revoked_at IS NULL")
            .setParameter(1, Timestamp.from(now))
            .setParameter(2, by)
            .setParameter(3, id)
            .executeUpdate()
        == 1;
  }

  /** Grants a user gave or received, newest first. */
  public List<Grant> involving(String userId, int offset, int limit) {
    return rows(
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM document_grant WHERE grantee = ?1 OR grantor = ?1"
                    + " ORDER BY created_at DESC, id LIMIT ?2 OFFSET ?3")
            .setParameter(1, userId)
            .setParameter(2, limit)
            .setParameter(3, offset)
            .getResultList());
  }

  @SuppressWarnings("unchecked")
  private static List<Grant> rows(List<?> rows) {
    return ((List<Object[]>) rows)
        .stream()
            .map(
                r ->
                    new Grant(
                        r[0].toString(),
                        r[1].toString(),
                        r[2] == null ? null : r[2].toString(),
                        (String) r[3],
                        (String) r[4],
                        Purpose.valueOf((String) r[5]),
                        SqlTimes.instant(r[6]),
                        SqlTimes.instant(r[7])))
            .toList();
  }
}
