package org.zhusan.vault.bench;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.audit.tree.CompactRange;
import org.zhusan.vault.audit.tree.ConsistencyProofs;
import org.zhusan.vault.audit.tree.InclusionProofs;
import org.zhusan.vault.audit.tree.LeafSource;
import org.zhusan.vault.audit.tree.LogHasher;
import org.zhusan.vault.audit.tree.MerkleTree;
import org.zhusan.vault.audit.tree.NodeReader;
import org.zhusan.vault.audit.tree.ProofVerifier;
import org.zhusan.vault.audit.tree.TiledTree;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Issue 21's figures on a log of ten million entries, each next to the figure of the code before
 * the tiled tree, measured in the same run on the same database (the machine is shared, so only
 * side-by-side figures mean anything):
 *
 * <ul>
 *   <li>the first checkpoint (a whole-log pass that also writes the subtree tiles);
 *   <li>a checkpoint after 1,000 new entries (target &lt; 100 ms), 20 times: median and p95;
 *   <li>inclusion and consistency proofs through the auditor API at random leaves and sizes, p95
 *       (target &lt; 20 ms; end to end, including the request's own access-log entry);
 *   <li>the export of the whole log, binary and JSON Lines, streamed through a server with a 256
 *       MiB heap: time, bytes, whether it completed;
 *   <li>{@code verify-log} over the binary export in a child JVM held to one core: entries per
 *       second and per CPU-second (target &ge; 1,000,000 per second of one core).
 * </ul>
 *
 * <p>The code before ("old") read every leaf hash of the tree into memory for each proof and
 * re-read and re-hashed the whole log for each checkpoint. The server no longer has that path, so
 * it is measured here, in the benchmark's own JVM over the same database and with the same library
 * code: one pass over all entries as the old check did (read, encode, hash, chain, fold), and
 * proofs over an in-memory leaf array read per proof as the old {@code AuditStore.leaves()} did,
 * with the heap that array takes.
 *
 * <p>The log is filled by {@link LogFiller} (a database of the right size from an earlier run is
 * reused: reset to its filled size, checkpoints and tiles deleted). Run after {@code mvn
 * -DskipTests package}: {@code mvn -q -Pbench test
 * -Dbench.main=org.zhusan.vault.bench.AuditLogTenMillionBenchmark -Dbench.args="10000000
 * zhusan_bench_10m 300"} (entries; database; seconds per proof series at most). The table goes to
 * standard output and {@code target/bench-10m.txt}.
 */
public final class AuditLogTenMillionBenchmark {
  private static final int INCREMENTAL_ROUNDS = 20;
  private static final int INCREMENTAL_WARMUP = 5;
  private static final int NEW_ENTRIES = 1_000;
  private static final int PROOFS = 500;
  private static final int OLD_PROOF_SAMPLES = 3;
  private static final String HEAP = "256m";

  /** Fourth argument {@code proofs}: only the first checkpoint and {@link #proofOrderProbe}. */
  private static boolean proofsOnly;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
  private final List<String[]> table = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Path root;
  private final long entries;
  private final String database;
  private final int proofSeconds;
  private String base;
  private String token;
  private Instant tokenMinted = Instant.EPOCH;

  private AuditLogTenMillionBenchmark(Path root, long entries, String database, int proofSeconds) {
    this.root = root;
    this.entries = entries;
    this.database = database;
    this.proofSeconds = proofSeconds;
  }

  public static void main(String[] args) throws Exception {
    long entries = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 10_000_000;
    String database = args.length > 1 ? args[1] : "zhusan_bench_10m";
    int proofSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    proofsOnly = args.length > 3 && args[3].equals("proofs");
    Path root = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (root.getParent() != null && !Files.isDirectory(root.resolve("keys-example"))) {
      root = root.getParent(); // the exec plugin may start us in src/main/ui
    }
    System.setProperty("vault.repo.root", System.getProperty("vault.repo.root", root.toString()));
    new AuditLogTenMillionBenchmark(root, entries, database, proofSeconds).run();
  }

  private Connection superuser() throws SQLException {
    return DriverManager.getConnection(VaultServer.adminUrl(database), "postgres", "");
  }

  private Connection owner() throws SQLException {
    return DriverManager.getConnection(VaultServer.adminUrl(database), VaultServer.OWNER, "");
  }

  private void run() throws Exception {
    Instant began = Instant.now();
    boolean reuse = filledEarlier();
    System.out.printf(
        "%s: %s database %s%n", began, reuse ? "reusing the filled" : "filling a new", database);
    VaultServer vault =
        VaultServer.launch(
            database, Map.of("VAULT_AUDIT_CHECKPOINT_INTERVAL", "PT0S"), "bench-10m", HEAP, !reuse);
    base = vault.baseUrl();
    try {
      long size = size();
      if (!reuse) {
        long t0 = System.nanoTime();
        size = LogFiller.append(this::owner, this::superuser, entries - size);
        double s = seconds(t0);
        long t1 = System.nanoTime();
        try (Connection c = superuser();
            Statement st = c.createStatement()) {
          st.execute("VACUUM ANALYZE access_log");
        }
        String fill =
            String.format(
                "filled to %,d entries in %.0f s (%,.0f entries/s, COPY and index rebuild);"
                    + " VACUUM ANALYZE %.0f s",
                size, s, (size) / s, seconds(t1));
        System.out.println(fill);
        notes.add(fill);
      }
      notes.add(String.format("table size %s", tableSize()));
      firstCheckpoint(size);
      if (proofsOnly) {
        proofOrderProbe();
        return;
      }
      oldCheckpoint();
      incrementalCheckpoints();
      proofs();
      Path bin = export("bin");
      Path jsonl = export("jsonl");
      verifyLog(bin, "binary");
      verifyLog(jsonl, "JSON Lines");
      Files.deleteIfExists(bin);
      Files.deleteIfExists(jsonl);
      oldProofs();
      String oom = serverOutOfMemory();
      notes.add("server log (target/bench-10m-server.log): " + oom);
    } finally {
      vault.stop();
    }
    report(began);
  }

  /** Whether the database holds a log of at least the asked size from an earlier run. */
  private boolean filledEarlier() throws SQLException {
    try (Connection c =
            DriverManager.getConnection(VaultServer.adminUrl("postgres"), "postgres", "");
        PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
      ps.setString(1, database);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return false;
        }
      }
    }
    try (Connection c = superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT next_sequence FROM access_log_head WHERE id = 1")) {
      if (!rs.next() || rs.getLong(1) < entries) {
        return false;
      }
    } catch (SQLException e) {
      return false; // no schema yet
    }
    LogFiller.resetTo(this::superuser, entries);
    return true;
  }

  /**
   * The latest signed checkpoint's size: proofs are served up to it (above it the server answers
   * 409, as nothing is stored there yet).
   */
  private long signedSize() throws SQLException {
    return scalar("SELECT max(tree_size) FROM access_log_checkpoint");
  }

  private long size() throws SQLException {
    return scalar("SELECT next_sequence FROM access_log_head WHERE id = 1");
  }

  private long scalar(String sql) throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String tableSize() throws SQLException {
    try (Connection c = superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pg_size_pretty(pg_table_size('access_log')),"
                    + " pg_size_pretty(pg_indexes_size('access_log'))")) {
      rs.next();
      return "access_log " + rs.getString(1) + " + indexes " + rs.getString(2);
    }
  }

  // ---- checkpoints

  private double firstCheckpointMs;
  private double oldCheckpointMs;

  private void firstCheckpoint(long size) throws Exception {
    long t0 = System.nanoTime();
    JsonObject cp = json(post("/api/audit/checkpoints"));
    firstCheckpointMs = millis(t0);
    System.out.printf(
        "first checkpoint (whole log, tiles written): size %,d in %.1f s%n",
        cp.getJsonNumber("treeSize").longValue(), firstCheckpointMs / 1000);
    row(
        "first checkpoint over the whole log (writes the tiles)",
        "-",
        String.format(
            "%.1f s (%,.0f entries/s)", firstCheckpointMs / 1000, size / firstCheckpointMs * 1000),
        "-",
        "-");
  }

  /**
   * The old checkpoint's work, in this JVM: every entry read, re-encoded, hashed, compared with its
   * stored leaf hash and chain link, folded into the tree.
   */
  private void oldCheckpoint() throws Exception {
    long t0 = System.nanoTime();
    CompactRange range = MerkleTree.rfc9162().newCompactRange();
    byte[] previous = new byte[32];
    long problems = 0;
    try (Connection c = superuser()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT sequence, occurred_at, user_id, role, centre, action, target_type,"
                  + " target_id, purpose, justification, outcome, rule, reason, break_glass,"
                  + " client_address, request_id, previous_hash, leaf_hash FROM access_log ORDER"
                  + " BY sequence")) {
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            AuditEntry e =
                new AuditEntry(
                    rs.getLong(1),
                    rs.getObject(2, java.time.OffsetDateTime.class).toInstant(),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getBoolean(14),
                    rs.getString(15),
                    rs.getString(16),
                    rs.getBytes(17));
            byte[] leaf = AuditEntryEncoding.leafHash(e);
            if (e.sequence() != range.size()
                || !Arrays.equals(leaf, rs.getBytes(18))
                || !Arrays.equals(previous, e.previousLeafHash())) {
              problems++;
            }
            range.append(leaf);
            previous = leaf;
          }
        }
      }
    }
    oldCheckpointMs = millis(t0);
    System.out.printf(
        "old checkpoint's pass in this JVM: %,d entries in %.1f s (%d problems)%n",
        range.size(), oldCheckpointMs / 1000, problems);
    if (problems > 0) {
      throw new IllegalStateException("the filled log does not verify: " + problems + " problems");
    }
    notes.add(
        String.format(
            "old checkpoint = one pass over all %,d entries in this JVM (read, encode, hash, chain,"
                + " fold): %.1f s; the old server did this for every checkpoint",
            range.size(), oldCheckpointMs / 1000));
  }

  /**
   * Rounds of 1,000 new entries and a checkpoint. The first {@value #INCREMENTAL_WARMUP} rounds are
   * printed apart and not counted: the incremental path has not run in this server before, and on
   * two shared cores its first rounds (JIT) took 65–80 ms where later ones took 10–30 ms in the
   * database's view of the transaction.
   */
  private void incrementalCheckpoints() throws Exception {
    double[] warmup = new double[INCREMENTAL_WARMUP];
    double[] append = new double[INCREMENTAL_ROUNDS];
    double[] sign = new double[INCREMENTAL_ROUNDS];
    for (int i = -INCREMENTAL_WARMUP; i < INCREMENTAL_ROUNDS; i++) {
      long t0 = System.nanoTime();
      LogFiller.appendChecked(this::owner, NEW_ENTRIES);
      double appended = millis(t0);
      long t1 = System.nanoTime();
      post("/api/audit/checkpoints");
      double signed = millis(t1);
      if (i < 0) {
        warmup[i + INCREMENTAL_WARMUP] = signed;
      } else {
        append[i] = appended;
        sign[i] = signed;
      }
    }
    System.out.printf(
        "checkpoint after %,d new entries: %s (appending them by COPY through the trigger: %s);"
            + " warm-up rounds %s ms%n",
        NEW_ENTRIES, stats(sign), stats(append), Arrays.toString(round(warmup)));
    notes.add(
        String.format(
            "checkpoint after 1,000 new entries, the %d warm-up rounds before those counted: %s ms",
            INCREMENTAL_WARMUP, Arrays.toString(round(warmup))));
    row(
        "checkpoint after 1,000 new entries, median / p95 (" + INCREMENTAL_ROUNDS + " rounds)",
        "< 100 ms",
        String.format("%.0f / %.0f ms", percentile(sign, 50), percentile(sign, 95)),
        String.format("%.1f s", oldCheckpointMs / 1000),
        String.format("%.0fx", oldCheckpointMs / percentile(sign, 95)));
  }

  // ---- proofs

  private void proofs() throws Exception {
    long size = signedSize();
    Random random = new Random(21);
    ProofVerifier verifier = ProofVerifier.rfc9162();
    double[] inclusion = series("inclusion", size, random, verifier, true);
    double[] consistency = series("consistency", size, random, verifier, false);
    row(
        "inclusion proof p95 (" + inclusion.length + " random leaves and sizes, HTTP)",
        "< 20 ms",
        String.format(
            "%.1f ms (median %.1f)", percentile(inclusion, 95), percentile(inclusion, 50)),
        "old: see below",
        "");
    row(
        "consistency proof p95 (" + consistency.length + " random size pairs, HTTP)",
        "< 20 ms",
        String.format(
            "%.1f ms (median %.1f)", percentile(consistency, 95), percentile(consistency, 50)),
        "old: see below",
        "");
    newInclusionP95 = percentile(inclusion, 95);
    newConsistencyP95 = percentile(consistency, 95);
    double[] control = new double[Math.min(inclusion.length, 200)];
    for (int i = 0; i < control.length; i++) {
      long t0 = System.nanoTime();
      get("/api/audit/published/checkpoint");
      control[i] = millis(t0);
    }
    System.out.printf("control (latest checkpoint, no proof): %s%n", stats(control));
    row(
        "control: a logged auditor request without proof work, p95",
        "-",
        String.format("%.1f ms (median %.1f)", percentile(control, 95), percentile(control, 50)),
        "-",
        "");
    tiledProofsInJvm(size, random);
  }

  /**
   * The new proofs without HTTP, token check and the request's own log entry: {@link TiledTree}
   * over the same tables through JDBC, as {@code AuditStore.tree(size)} reads them.
   */
  private void tiledProofsInJvm(long size, Random random) throws Exception {
    LogHasher hasher = MerkleTree.rfc9162().hasher();
    double[] inclusion = new double[PROOFS];
    double[] consistency = new double[PROOFS];
    int[] reads = {0};
    try (Connection c = superuser();
        PreparedStatement leaves =
            c.prepareStatement(
                "SELECT sequence, leaf_hash FROM access_log WHERE sequence >= ? AND sequence < ?");
        PreparedStatement nodes =
            c.prepareStatement(
                "SELECT idx, hash FROM access_log_subtree WHERE level = ? AND idx >= ? AND idx <"
                    + " ?")) {
      NodeReader reader =
          (level, from, count) -> {
            reads[0]++;
            byte[][] out = new byte[count][];
            try {
              PreparedStatement ps = level == 0 ? leaves : nodes;
              int p = 1;
              if (level != 0) {
                ps.setShort(p++, (short) level);
              }
              ps.setLong(p++, from);
              ps.setLong(p, from + count);
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  out[Math.toIntExact(rs.getLong(1) - from)] = rs.getBytes(2);
                }
              }
            } catch (SQLException e) {
              throw new IllegalStateException(e);
            }
            return out;
          };
      for (int i = -20; i < PROOFS; i++) {
        long second = 1 + (long) (random.nextDouble() * size);
        long first = (long) (random.nextDouble() * second);
        long t0 = System.nanoTime();
        TiledTree tree = new TiledTree(hasher, reader, second);
        new InclusionProofs(tree).inclusionProof(first, second);
        tree.rootHash();
        double a = millis(t0);
        long t1 = System.nanoTime();
        TiledTree tree2 = new TiledTree(hasher, reader, second);
        new ConsistencyProofs(tree2).consistencyProof(Math.max(1, first), second);
        tree2.hash(0, Math.max(1, first));
        tree2.rootHash();
        double b = millis(t1);
        if (i >= 0) {
          inclusion[i] = a;
          consistency[i] = b;
        }
      }
    }
    System.out.printf(
        "tiled proofs in this JVM (JDBC, no HTTP): inclusion %s; consistency %s; %.1f node reads"
            + " per proof%n",
        stats(inclusion), stats(consistency), reads[0] / (2.0 * (PROOFS + 20)));
    tiledInclusionP95 = percentile(inclusion, 95);
    tiledConsistencyP95 = percentile(consistency, 95);
    row(
        "inclusion proof p95, in-JVM over JDBC (no HTTP)",
        "< 20 ms",
        String.format("%.1f ms (median %.1f)", tiledInclusionP95, percentile(inclusion, 50)),
        "old: see below",
        "");
    row(
        "consistency proof p95, in-JVM over JDBC (no HTTP)",
        "< 20 ms",
        String.format("%.1f ms (median %.1f)", tiledConsistencyP95, percentile(consistency, 50)),
        "old: see below",
        "");
  }

  private double tiledInclusionP95;
  private double tiledConsistencyP95;

  private double newInclusionP95;
  private double newConsistencyP95;

  /**
   * A diagnostic: the proof series in the other order and twice (consistency, inclusion, the
   * control, inclusion again, each printed with its start time), to tell a difference between the
   * endpoints from warm-up and from other work on the machine.
   */
  private void proofOrderProbe() throws Exception {
    long size = signedSize();
    Random random = new Random(7);
    ProofVerifier verifier = ProofVerifier.rfc9162();
    for (String kind : List.of("consistency", "inclusion", "control", "inclusion", "consistency")) {
      System.out.println(Instant.now() + " " + kind);
      if (kind.equals("control")) {
        double[] control = new double[200];
        for (int i = 0; i < control.length; i++) {
          long t0 = System.nanoTime();
          get("/api/audit/published/checkpoint");
          control[i] = millis(t0);
        }
        System.out.printf("control: %s%n", stats(control));
      } else {
        series(kind, size, random, verifier, kind.equals("inclusion"));
      }
    }
    System.out.println(Instant.now() + " end");
  }

  private double[] series(
      String kind, long size, Random random, ProofVerifier verifier, boolean inclusion)
      throws Exception {
    List<Double> ms = new ArrayList<>();
    long deadline = System.nanoTime() + proofSeconds * 1_000_000_000L;
    // Warm-up (first requests load classes and fill the database's cache of tile pages).
    for (int i = 0; i < 10; i++) {
      proof(size, random, verifier, inclusion);
    }
    while (ms.size() < PROOFS && System.nanoTime() < deadline) {
      ms.add(proof(size, random, verifier, inclusion));
    }
    double[] out = ms.stream().mapToDouble(Double::doubleValue).toArray();
    System.out.printf("%s proofs: %s%n", kind, stats(out));
    return out;
  }

  /** One proof through the API, verified here; returns its time in milliseconds. */
  private double proof(long size, Random random, ProofVerifier verifier, boolean inclusion)
      throws Exception {
    long second = 1 + (long) (random.nextDouble() * size);
    long first = (long) (random.nextDouble() * second);
    Base64.Decoder b64 = Base64.getDecoder();
    long t0 = System.nanoTime();
    if (inclusion) {
      String body = get("/api/audit/proofs/inclusion?sequence=" + first + "&treeSize=" + second);
      double took = millis(t0);
      JsonObject p = json(body);
      verifier.verifyInclusion(
          first,
          second,
          b64.decode(p.getString("leafHash")),
          p.getJsonArray("proof").getValuesAs(jakarta.json.JsonString.class).stream()
              .map(s -> b64.decode(s.getString()))
              .toList(),
          b64.decode(p.getString("rootHash")));
      return took;
    }
    long firstSize = Math.max(1, first);
    String body = get("/api/audit/proofs/consistency?first=" + firstSize + "&second=" + second);
    double took = millis(t0);
    JsonObject p = json(body);
    verifier.verifyConsistency(
        firstSize,
        second,
        b64.decode(p.getString("firstRoot")),
        b64.decode(p.getString("secondRoot")),
        p.getJsonArray("proof").getValuesAs(jakarta.json.JsonString.class).stream()
            .map(s -> b64.decode(s.getString()))
            .toList());
    return took;
  }

  /**
   * The old proofs, in this JVM: every leaf hash of the tree read into an array (as {@code
   * AuditStore.leaves()} did for each proof), then the proof and the root over it.
   */
  private void oldProofs() throws Exception {
    long size = size();
    Random random = new Random(42);
    LogHasher hasher = MerkleTree.rfc9162().hasher();
    double[] inclusion = new double[OLD_PROOF_SAMPLES];
    double[] consistency = new double[OLD_PROOF_SAMPLES];
    double[] read = new double[2 * OLD_PROOF_SAMPLES];
    long heap = 0;
    for (int i = 0; i < 2 * OLD_PROOF_SAMPLES; i++) {
      long treeSize = size - random.nextInt(1000);
      long index = (long) (random.nextDouble() * treeSize);
      System.gc();
      long before = usedHeap();
      long t0 = System.nanoTime();
      byte[][] leaves = readLeaves(treeSize);
      read[i] = millis(t0);
      heap = Math.max(heap, usedHeap() - before);
      LeafSource source = k -> leaves[Math.toIntExact(k)];
      if (i % 2 == 0) {
        new InclusionProofs(hasher, source).inclusionProof(index, treeSize);
        MerkleTree.rfc9162().rootHash(source, treeSize);
        inclusion[i / 2] = millis(t0);
      } else {
        new ConsistencyProofs(hasher, source).consistencyProof(Math.max(1, index), treeSize);
        MerkleTree.rfc9162().rootHash(source, treeSize);
        consistency[i / 2] = millis(t0);
      }
    }
    System.out.printf(
        "old proofs in this JVM: inclusion %s; consistency %s; reading the leaves %s; heap of the"
            + " leaf array %,d MiB%n",
        stats(inclusion), stats(consistency), stats(read), heap >> 20);
    row(
        "inclusion proof p95, in-JVM: new (tiles over JDBC) vs old ("
            + OLD_PROOF_SAMPLES
            + " samples, all leaves read)",
        "< 20 ms",
        String.format("%.1f ms (HTTP %.1f ms)", tiledInclusionP95, newInclusionP95),
        String.format("%.1f s", percentile(inclusion, 95) / 1000),
        String.format("%,.0fx", percentile(inclusion, 95) / tiledInclusionP95));
    row(
        "consistency proof p95, in-JVM: new (tiles over JDBC) vs old ("
            + OLD_PROOF_SAMPLES
            + " samples, all leaves read)",
        "< 20 ms",
        String.format("%.1f ms (HTTP %.1f ms)", tiledConsistencyP95, newConsistencyP95),
        String.format("%.1f s", percentile(consistency, 95) / 1000),
        String.format("%,.0fx", percentile(consistency, 95) / tiledConsistencyP95));
    row(
        "heap a proof needs",
        "fits 256 MiB",
        "O(log n): tiles of 256 nodes",
        String.format("%,d MiB of leaf hashes", heap >> 20),
        "");
    notes.add(
        String.format(
            "old proofs: each read all %,d leaf hashes (%.1f s median) into %,d MiB of heap%s;"
                + " its times here come from the benchmark's JVM with a heap of %,d MiB",
            size,
            percentile(read, 50) / 1000,
            heap >> 20,
            heap > (256L << 20)
                ? ", more than the server's whole "
                    + HEAP
                    + " heap: the old server could not"
                    + " serve a proof of this log at all in 256 MiB (OutOfMemoryError)"
                : "",
            Runtime.getRuntime().maxMemory() >> 20));
  }

  private byte[][] readLeaves(long treeSize) throws SQLException {
    byte[][] hashes = new byte[Math.toIntExact(treeSize)][];
    try (Connection c = superuser()) {
      c.setAutoCommit(false);
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT sequence, leaf_hash FROM access_log WHERE sequence < ? ORDER BY sequence")) {
        ps.setLong(1, treeSize);
        ps.setFetchSize(10_000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            hashes[Math.toIntExact(rs.getLong(1))] = rs.getBytes(2);
          }
        }
      }
    }
    return hashes;
  }

  private static long usedHeap() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  // ---- export and verify-log

  private Path export(String format) throws Exception {
    Path file = root.resolve("target/bench-10m-export." + format);
    Files.deleteIfExists(file);
    long t0 = System.nanoTime();
    String outcome;
    long bytes = 0;
    try {
      HttpResponse<Path> r =
          http.send(
              authorized("/api/audit/export?format=" + format).GET().build(),
              HttpResponse.BodyHandlers.ofFile(file));
      bytes = Files.size(file);
      outcome = r.statusCode() == 200 ? "completed" : "HTTP " + r.statusCode();
    } catch (IOException e) {
      bytes = Files.exists(file) ? Files.size(file) : 0;
      outcome = "failed: " + e;
    }
    double s = seconds(t0);
    System.out.printf(
        "export %s: %s, %,d bytes in %.1f s (%.0f MB/s)%n",
        format, outcome, bytes, s, bytes / s / 1e6);
    row(
        "export of the whole log, " + format + ", server heap " + HEAP,
        "completes",
        String.format(
            "%s: %.0f s, %,d MB (%,.0f entries/s)", outcome, s, bytes / 1_000_000, size() / s),
        "-",
        "");
    return file;
  }

  /**
   * {@code verify-log}, the auditor's command, in a child JVM held to one core ({@code taskset},
   * {@code -XX:ActiveProcessorCount=1}), its CPU time (user + system, GC and start-up included)
   * from {@code /usr/bin/time}.
   */
  private void verifyLog(Path export, String format) throws Exception {
    if (!Files.exists(export) || Files.size(export) == 0) {
      row("verify-log over the " + format + " export", "-", "no export", "-", "");
      return;
    }
    Path times = root.resolve("target/bench-10m-verify.time");
    Path output = root.resolve("target/bench-10m-verify.out");
    List<String> cmd =
        List.of(
            "/usr/bin/time",
            "-o",
            times.toString(),
            "-f",
            "%e %U %S %M",
            "taskset",
            "-c",
            "1",
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-XX:ActiveProcessorCount=1",
            "-Xmx" + HEAP,
            "-jar",
            root.resolve("target/zhusan-vault-cli.jar").toString(),
            "verify-log",
            "--export",
            export.toString(),
            "--public-key",
            root.resolve("keys-example/audit-signing-ed25519.pub.pem").toString());
    int exit =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start()
            .waitFor();
    String said = Files.readString(output).strip();
    String[] t = Files.readString(times).strip().split("\\s+");
    String[] last = t.length >= 4 ? Arrays.copyOfRange(t, t.length - 4, t.length) : t;
    double wall = Double.parseDouble(last[0]);
    double cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
    long verified = entriesVerified(said);
    System.out.printf(
        "verify-log %s: exit %d in %.1f s wall, %.1f s CPU, max RSS %s KiB: %s%n",
        format, exit, wall, cpu, last[3], said);
    row(
        "verify-log over the " + format + " export, entries per CPU-second (one core)",
        format.equals("binary") ? ">= 1,000,000" : "-",
        String.format(
            "%,.0f /CPU-s (%,.0f /s wall; exit %d)", verified / cpu, verified / wall, exit),
        "unchanged code",
        "");
  }

  private static long entriesVerified(String said) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("OK: ([0-9,]+) entries").matcher(said);
    return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 0;
  }

  private String serverOutOfMemory() throws IOException {
    Path log = root.resolve("target/bench-10m-server.log");
    if (!Files.exists(log)) {
      return "not found";
    }
    try (var lines = Files.lines(log, java.nio.charset.StandardCharsets.ISO_8859_1)) {
      long ooms = lines.filter(l -> l.contains("OutOfMemoryError")).count();
      return ooms == 0 ? "no OutOfMemoryError" : ooms + " lines with OutOfMemoryError";
    }
  }

  // ---- HTTP

  private HttpRequest.Builder authorized(String path) {
    if (Duration.between(tokenMinted, Instant.now()).toMinutes() > 20) {
      token = Tokens.token("bench-auditor", "AUDITOR");
      tokenMinted = Instant.now();
    }
    return HttpRequest.newBuilder(URI.create(base + path))
        .header("Authorization", "Bearer " + token);
  }

  private String get(String path) throws Exception {
    return send(() -> authorized(path).GET().build());
  }

  private String post(String path) throws Exception {
    return send(() -> authorized(path).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /**
   * Sends once more when a kept-alive connection was closed by the server meanwhile (Payara closes
   * idle ones after 30 s).
   */
  private String send(Supplier<HttpRequest> request) throws Exception {
    HttpResponse<String> r;
    try {
      r = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      r = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
    }
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException(r.uri() + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static JsonObject json(String body) {
    return AuditLogScaleBenchmark.json(body);
  }

  // ---- figures

  private static double millis(long t0) {
    return (System.nanoTime() - t0) / 1e6;
  }

  private static double seconds(long t0) {
    return (System.nanoTime() - t0) / 1e9;
  }

  static double percentile(double[] values, double p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank))];
  }

  private static long[] round(double[] ms) {
    return Arrays.stream(ms).mapToLong(Math::round).toArray();
  }

  private static String stats(double[] ms) {
    return String.format(
        "n=%d median %.1f ms, p95 %.1f ms, max %.1f ms",
        ms.length, percentile(ms, 50), percentile(ms, 95), percentile(ms, 100));
  }

  private void row(String figure, String target, String now, String old, String ratio) {
    table.add(new String[] {figure, target, now, old, ratio});
  }

  private void report(Instant began) throws IOException {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "Access log of %,d entries (database %s), %s, %d cores, run %s to %s;"
                + " server heap %s. Other work may have run on the machine meanwhile:"
                + " compare figures side by side.%n%n",
            entries,
            database,
            System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            Runtime.getRuntime().availableProcessors(),
            began,
            Instant.now(),
            HEAP));
    String format = "| %s | %s | %s | %s | %s |%n";
    out.append(String.format(format, "Figure", "Target", "New code", "Old code", "Old / new"));
    out.append("|---|---|---|---|---|\n");
    for (String[] r : table) {
      out.append(String.format(format, (Object[]) r));
    }
    out.append('\n');
    for (String n : notes) {
      out.append("- ").append(n).append('\n');
    }
    System.out.println();
    System.out.print(out);
    Files.writeString(root.resolve("target/bench-10m.txt"), out.toString());
  }
}
