package org.zhusan.vault.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.tree.TiledTree;
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
  private static final int SUBTREE_BATCH = 500;
  // pg_advisory_xact_lock key of checkpoint signing ("ZHCP").
  private static final long CHECKPOINT_LOCK = 0x5A484350L;

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

  /**
   * The Merkle tree of the first {@code size} entries, read from the stored leaf hashes and
   * perfect-subtree hashes (O(log n) reads per proof; see {@link TiledTree}). One per request: it
   * caches what it reads.
   */
  public TiledTree tree(long size) {
    return new TiledTree(MerkleTree.rfc9162().hasher(), this::readNodes, size);
  }

  private byte[][] readNodes(int level, long from, int count) {
    byte[][] out = new byte[count][];
    Query q =
        level == 0
            ? em.createNativeQuery(
                "SELECT sequence, leaf_hash FROM access_log WHERE sequence >= ?1 AND sequence < ?2")
            : em.createNativeQuery(
                    "SELECT idx, hash FROM access_log_subtree WHERE level = ?3 AND idx >= ?1 AND"
                        + " idx < ?2")
                .setParameter(3, (short) level);
    q.setParameter(1, from).setParameter(2, from + count);
    for (Object r : q.getResultList()) {
      Object[] row = (Object[]) r;
      out[Math.toIntExact(((Number) row[0]).longValue() - from)] = (byte[]) row[1];
    }
    return out;
  }

  /**
   * Stores perfect-subtree hashes a checkpoint computed from entries it verified, keeping any that
   * are already stored.
   *
   * @return the first one stored earlier with a different hash (the log's history was rewritten
   *     since that subtree was stored), if any
   */
  public Optional<StoredSubtree> storeSubtrees(List<StoredSubtree> subtrees) {
    for (int from = 0; from < subtrees.size(); from += SUBTREE_BATCH) {
      List<StoredSubtree> batch =
          subtrees.subList(from, Math.min(subtrees.size(), from + SUBTREE_BATCH));
      StringBuilder sql =
          new StringBuilder("INSERT INTO access_log_subtree (level, idx, hash) VALUES ");
      for (int i = 0; i < batch.size(); i++) {
        sql.append(i == 0 ? "" : ", ")
            .append("(?")
            .append(3 * i + 1)
            .append(", ?")
            .append(3 * i + 2)
            .append(", ?")
            .append(3 * i + 3)
            .append(')');
      }
      Query q = em.createNativeQuery(sql.append(" ON CONFLICT DO NOTHING").toString());
      for (int i = 0; i < batch.size(); i++) {
        StoredSubtree t = batch.get(i);
        q.setParameter(3 * i + 1, (short) t.level())
            .setParameter(3 * i + 2, t.index())
            .setParameter(3 * i + 3, t.hash());
      }
      if (q.executeUpdate() < batch.size()) {
        Optional<StoredSubtree> differing = firstDiffering(batch);
        if (differing.isPresent()) {
          return differing;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<StoredSubtree> firstDiffering(List<StoredSubtree> batch) {
    // A batch holds a run of consecutive subtrees per level: read each level's run at once.
    Map<Integer, List<StoredSubtree>> byLevel = new java.util.TreeMap<>();
    for (StoredSubtree t : batch) {
      byLevel.computeIfAbsent(t.level(), l -> new ArrayList<>()).add(t);
    }
    for (List<StoredSubtree> run : byLevel.values()) {
      long first = run.stream().mapToLong(StoredSubtree::index).min().orElseThrow();
      long last = run.stream().mapToLong(StoredSubtree::index).max().orElseThrow();
      byte[][] stored = readNodes(run.get(0).level(), first, Math.toIntExact(last - first + 1));
      for (StoredSubtree t : run) {
        if (!java.util.Arrays.equals(stored[Math.toIntExact(t.index() - first)], t.hash())) {
          return Optional.of(t);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Serialises checkpoint signing across threads and vault instances until the transaction ends, so
   * each continues from the state the previous one stored.
   */
  public void lockCheckpointing() {
    em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)")
        .setParameter(1, CHECKPOINT_LOCK)
        .getSingleResult();
  }

  /**
   * The latest checkpoint with its stored compact range (empty hashes when none was stored with it:
   * a checkpoint signed before the tree state existed).
   */
  public Optional<TreeState> latestTreeState() {
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.note, c.signature, s.range_hashes FROM access_log_checkpoint c LEFT JOIN"
                    + " access_log_tree_state s USING (tree_size) ORDER BY c.tree_size DESC LIMIT"
                    + " 1")
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new TreeState(
            new SignedCheckpoint(Checkpoint.parseBody((String) row[0]), (byte[]) row[1]),
            Optional.ofNullable((byte[]) row[2])));
  }

  /** Stores the compact range of the checkpoint of its size (once). */
  public void storeTreeState(CompactRange range) {
    java.io.ByteArrayOutputStream hashes = new java.io.ByteArrayOutputStream();
    range.hashes().forEach(hashes::writeBytes);
    em.createNativeQuery(
            "INSERT INTO access_log_tree_state (tree_size, range_hashes) VALUES (?1, ?2) ON"
                + " CONFLICT DO NOTHING")
        .setParameter(1, range.size())
        .setParameter(2, hashes.toByteArray())
        .executeUpdate();
  }

  /** The size of the largest stored checkpoint; -1 if there is none. */
  public long largestCheckpointSize() {
    Object v =
        em.createNativeQuery("SELECT max(tree_size) FROM access_log_checkpoint").getSingleResult();
    return v == null ? -1 : ((Number) v).longValue();
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
