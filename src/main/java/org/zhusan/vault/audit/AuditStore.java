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

  /** The latest stored checkpoint, if any. */
  public java.util.Optional<SignedCheckpoint> latestCheckpoint() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT note, signature FROM access_log_checkpoint ORDER BY tree_size DESC LIMIT 1")
            .getResultList();
    if (rows.isEmpty()) {
      return java.util.Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return java.util.Optional.of(
        new SignedCheckpoint(Checkpoint.parseBody((String) row[0]), (byte[]) row[1]));
  }

  /**
   * The largest tree size the witness with this verifier key co-signed, no larger than {@code
   * atMost}; 0 if none.
   */
  public long lastCosignedSize(String witnessKey, long atMost) {
    Object v =
        em.createNativeQuery(
                "SELECT max(tree_size) FROM access_log_cosignature WHERE witness_key = ?1 AND"
                    + " tree_size <= ?2")
            .setParameter(1, witnessKey)
            .setParameter(2, atMost)
            .getSingleResult();
    return v == null ? 0 : ((Number) v).longValue();
  }

  /** The stored cosignature lines (without newline) of the checkpoint of {@code treeSize}. */
  public List<String> cosignatures(long treeSize) {
    List<String> out = new ArrayList<>();
    for (Object r :
        em.createNativeQuery(
                "SELECT signature_line FROM access_log_cosignature WHERE tree_size = ?1 ORDER BY"
                    + " witness_key")
            .setParameter(1, treeSize)
            .getResultList()) {
      out.add((String) r);
    }
    return out;
  }

  /** The verifier keys of the witnesses that co-signed the checkpoint of {@code treeSize}. */
  public List<String> cosigners(long treeSize) {
    List<String> out = new ArrayList<>();
    for (Object r :
        em.createNativeQuery("SELECT witness_key FROM access_log_cosignature WHERE tree_size = ?1")
            .setParameter(1, treeSize)
            .getResultList()) {
      out.add((String) r);
    }
    return out;
  }

  /**
   * The first checkpoint after the latest one that at least {@code k} of {@code witnessKeys}
   * co-signed (or the first checkpoint of all, if none was): its size and signing time.
   */
  public java.util.Optional<Object[]> firstNotCosigned(List<String> witnessKeys, int k) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.tree_size, c.signed_at FROM access_log_checkpoint c WHERE c.tree_size >"
                    + " COALESCE((SELECT max(s.tree_size) FROM (SELECT tree_size FROM"
                    + " access_log_cosignature WHERE witness_key IN (:keys) GROUP BY tree_size"
                    + " HAVING count(*) >= :k) s), -1) ORDER BY c.tree_size LIMIT 1")
            .setParameter("keys", witnessKeys)
            .setParameter("k", (long) k)
            .getResultList();
    return rows.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new Object[] {
              ((Number) ((Object[]) rows.get(0))[0]).longValue(),
              SqlTimes.instant(((Object[]) rows.get(0))[1])
            });
  }

  /** Stores a verified cosignature (once per checkpoint and witness). */
  public void storeCosignature(long treeSize, String witnessKey, String line) {
    em.createNativeQuery(
            "INSERT INTO access_log_cosignature (tree_size, witness_key, signature_line,"
                + " received_at) VALUES (?1, ?2, ?3, now()) ON CONFLICT DO NOTHING")
        .setParameter(1, treeSize)
        .setParameter(2, witnessKey)
        .setParameter(3, line)
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
