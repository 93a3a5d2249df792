package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.LeafSource;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.platform.db.SqlTimes;

/**
 * The read-only view of the access log (the appending side is {@link AccessLog}). Callers run
 * inside a transaction; large reads stream with a database cursor.
 */
@ApplicationScoped
public class AuditStore {
  static final String COLUMNS =
      "sequence, occurred_at, user_id, role, centre, action, target_type, target_id, purpose,"
          + " justification, outcome, rule, reason, break_glass, client_address, request_id,"
          + " previous_hash";
  private static final int FETCH = 1000;

  @PersistenceContext(unitName = "vault")
  EntityManager em;

  /** Number of committed entries (the next sequence number). */
  public long size() {
    return ((Number)
            em.createNativeQuery("SELECT next_sequence FROM access_log_head WHERE id = 1")
                .getSingleResult())
        .longValue();
  }

  /** Streams entries {@code [from, to)} in sequence order. */
  public void forEach(long from, long to, Consumer<AuditEntry> sink) {
    Query q =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + " FROM access_log WHERE sequence >= ?1 AND sequence < ?2 ORDER BY sequence")
            .setParameter(1, from)
            .setParameter(2, to)
            .setHint("org.hibernate.fetchSize", FETCH);
    try (Stream<?> rows = q.getResultStream()) {
      rows.forEach(r -> sink.accept(entry((Object[]) r)));
    }
  }

  /** Streams entries {@code [from, to)} in sequence order together with their stored leaf hash. */
  public void forEachWithLeaf(
      long from, long to, java.util.function.BiConsumer<AuditEntry, byte[]> sink) {
    Query q =
        em.createNativeQuery(
                "SELECT "
                    + COLUMNS
                    + ", leaf_hash FROM access_log WHERE sequence >= ?1 AND sequence < ?2 ORDER BY"
                    + " sequence")
            .setParameter(1, from)
            .setParameter(2, to)
            .setHint("org.hibernate.fetchSize", FETCH);
    try (Stream<?> rows = q.getResultStream()) {
      rows.forEach(
          r -> {
            Object[] row = (Object[]) r;
            sink.accept(entry(row), (byte[]) row[17]);
          });
    }
  }

  /** Entries matching a filter, in sequence order. */
  public List<AuditEntry> query(AuditFilter f, int offset, int limit) {
    Query q;
    if (f.isAll()) {
      // Unfiltered, the entry at offset k is the entry with sequence k (sequences start at 0 and
      // have no
      // gaps): an index range instead of skipping k rows, so a deep page costs what the first one
      // does.
      q =
          em.createNativeQuery(
              "SELECT "
                  + COLUMNS
                  + " FROM access_log WHERE sequence >= :off ORDER BY sequence LIMIT :lim");
    } else {
      q =
          em.createNativeQuery(
              "SELECT "
                  + COLUMNS
                  + " FROM access_log WHERE "
                  + f.where()
                  + " ORDER BY sequence LIMIT :lim OFFSET :off");
      f.bind(q);
    }
    q.setParameter("lim", limit).setParameter("off", (long) offset);
    List<AuditEntry> out = new ArrayList<>();
    for (Object r : q.getResultList()) {
      out.add(entry((Object[]) r));
    }
    return out;
  }

  /** Streams matching entries in sequence order. */
  public void forEachMatching(AuditFilter f, Consumer<AuditEntry> sink) {
    Query q =
        em.createNativeQuery(
                "SELECT " + COLUMNS + " FROM access_log WHERE " + f.where() + " ORDER BY sequence")
            .setHint("org.hibernate.fetchSize", FETCH);
    f.bind(q);
    try (Stream<?> rows = q.getResultStream()) {
      rows.forEach(r -> sink.accept(entry((Object[]) r)));
    }
  }

  public long count(AuditFilter f) {
    Query q = em.createNativeQuery("SELECT count(*) FROM access_log WHERE " + f.where());
    f.bind(q);
    return ((Number) q.getSingleResult()).longValue();
  }

  /** Leaf hashes of the first {@code size} entries, as stored (32 bytes each, held in memory). */
  public LeafSource leaves(long size) {
    byte[][] hashes = new byte[Math.toIntExact(size)][];
    Query q =
        em.createNativeQuery(
                "SELECT sequence, leaf_hash FROM access_log WHERE sequence < ?1 ORDER BY sequence")
            .setParameter(1, size)
            .setHint("org.hibernate.fetchSize", 10 * FETCH);
    try (Stream<?> rows = q.getResultStream()) {
      rows.forEach(
          r -> {
            Object[] row = (Object[]) r;
            hashes[Math.toIntExact(((Number) row[0]).longValue())] = (byte[]) row[1];
          });
    }
    return index -> hashes[Math.toIntExact(index)];
  }

  public List<SignedCheckpoint> checkpoints() {
    List<SignedCheckpoint> out = new ArrayList<>();
    for (Object r :
        em.createNativeQuery("SELECT note, signature FROM access_log_checkpoint ORDER BY tree_size")
            .getResultList()) {
      Object[] row = (Object[]) r;
      out.add(new SignedCheckpoint(Checkpoint.parseBody((String) row[0]), (byte[]) row[1]));
    }
    return out;
  }

  public void store(SignedCheckpoint signed) {
    Checkpoint c = signed.checkpoint();
    em.createNativeQuery(
            "INSERT INTO access_log_checkpoint (tree_size, root_hash, signed_at, note, signature) "
                + "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (tree_size) DO NOTHING")
        .setParameter(1, c.size())
        .setParameter(2, c.rootHash())
        .setParameter(3, Timestamp.from(c.timestamp()))
        .setParameter(4, c.body())
        .setParameter(5, signed.signature())
        .executeUpdate();
  }

  static AuditEntry entry(Object[] r) {
    return new AuditEntry(
        ((Number) r[0]).longValue(),
        SqlTimes.instant(r[1]),
        (String) r[2],
        (String) r[3],
        (String) r[4],
        (String) r[5],
        (String) r[6],
        (String) r[7],
        (String) r[8],
        (String) r[9],
        (String) r[10],
        (String) r[11],
        (String) r[12],
        (Boolean) r[13],
        (String) r[14],
        (String) r[15],
        (byte[]) r[16]);
  }
}
