package org.zhusan.vault.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;

/**
 * Appends synthetic but valid entries to the access log directly in PostgreSQL with {@code COPY},
 * for the benchmarks that need a large log: each entry chains to its predecessor and carries the
 * leaf hash {@link AuditEntryEncoding#leafHash} gives, so the server's checkpoint and the offline
 * verifier accept the log exactly as they accept one the server wrote.
 *
 * <p>Two ways in, by size:
 *
 * <ul>
 *   <li><b>Small appends</b> (below {@value #BULK_THRESHOLD} entries) are an ordinary {@code COPY}
 *       as the schema owner with every trigger on: the append trigger locks the head, checks each
 *       entry's sequence and chain link against it and moves it, as for the server's own appends.
 *       The server may keep running; its appends wait for the head like any other appender's.
 *   <li><b>Bulk fills</b> cannot go through that trigger: it serialises every row on the head and
 *       would refuse rows arriving from two connections out of order. The hashing thread (the chain
 *       makes hashing sequential) hands 1 MiB chunks to two {@code COPY} connections, as the
 *       superuser with {@code session_replication_role = replica} (user triggers off for those
 *       sessions only, never for the table). The secondary indexes are dropped first and rebuilt
 *       after (the primary key stays), which is several times faster than maintaining them row by
 *       row. A third connection holds the head locked meanwhile and moves it once at the end, so an
 *       appender arriving during the fill waits and then continues the filled log.
 * </ul>
 *
 * <p>The content is the {@link AuditLogScaleBenchmark}'s: 500 users, 5,000 subjects with fixed ids
 * ({@link #benchSubject}), six actions, one denial in 97, one break-glass access in 1,009.
 */
final class LogFiller {
  /** From this many entries on, a fill is a bulk fill (two connections, indexes rebuilt). */
  static final long BULK_THRESHOLD = 100_000;

  private static final int CHUNK_BYTES = 1 << 20;
  private static final int COPY_THREADS = 2;
  private static final String COPY_SQL =
      "COPY access_log (sequence, occurred_at, user_id, role, centre, action, target_type,"
          + " target_id, purpose, justification, outcome, rule, reason, break_glass,"
          + " client_address, request_id, previous_hash, leaf_hash) FROM STDIN";
  private static final String[] ACTIONS = {
    "SUBJECT_READ", "DOCUMENT_READ", "DOCUMENT_LIST", "SUBJECT_LIST", "SEARCH", "DOCUMENT_CREATE"
  };
  private static final String[] ROLES = {
    "LAWYER", "PSYCHOLOGIST", "DOCTOR", "SOCIAL_WORKER", "TEACHER"
  };
  private static final byte[] END = new byte[0];

  /** Opens a new connection to the vault's database. */
  @FunctionalInterface
  interface Connections {
    Connection open() throws SQLException;
  }

  private LogFiller() {}

  /** The benchmark's subjects have fixed ids, so a filter can name one before the log exists. */
  static UUID benchSubject(long n) {
    return new UUID(0x2b5e_0000_0000_0000L, n);
  }

  /**
   * Appends {@code n} entries after the log's head.
   *
   * @param owner connections as the schema owner (small appends, through the append trigger)
   * @param superuser connections as a superuser (bulk fills: session-only trigger bypass, indexes)
   * @return the log's size afterwards
   */
  static long append(Connections owner, Connections superuser, long n) throws Exception {
    return n < BULK_THRESHOLD ? appendChecked(owner, n) : bulkFill(superuser, n);
  }

  /** A small append through the append trigger, as the owner, in one transaction. */
  static long appendChecked(Connections owner, long n) throws SQLException, IOException {
    try (Connection c = owner.open()) {
      c.setAutoCommit(false);
      Head head = lockHead(c);
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
      Rows rows = new Rows(head, n);
      while (rows.hasNext()) {
        byte[] chunk = rows.nextChunk();
        copy.writeToCopy(chunk, 0, chunk.length);
      }
      copy.endCopy();
      c.commit();
      return head.next + n;
    }
  }

  /**
   * A bulk fill: secondary indexes dropped, two COPY connections fed by the hashing thread, the
   * head moved once, the indexes rebuilt.
   */
  static long bulkFill(Connections superuser, long n) throws Exception {
    List<String> indexes = new ArrayList<>();
    try (Connection c = superuser.open();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i JOIN pg_index x ON"
                    + " x.indexrelid = (quote_ident(i.schemaname) || '.' ||"
                    + " quote_ident(i.indexname))::regclass WHERE i.tablename = 'access_log' AND"
                    + " NOT x.indisprimary ORDER BY i.indexname")) {
      List<String> names = new ArrayList<>();
      while (rs.next()) {
        names.add(rs.getString(1));
        indexes.add(rs.getString(2));
      }
      for (String name : names) {
        s.execute("DROP INDEX " + name);
      }
    }
    try (Connection headConnection = superuser.open()) {
      headConnection.setAutoCommit(false);
      Head head = lockHead(headConnection);
      BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(8);
      ExecutorService copiers = Executors.newFixedThreadPool(COPY_THREADS);
      List<Future<?>> done = new ArrayList<>();
      Rows rows = new Rows(head, n);
      try {
        for (int t = 0; t < COPY_THREADS; t++) {
          done.add(copiers.submit(() -> copy(superuser, chunks)));
        }
        while (rows.hasNext()) {
          byte[] chunk = rows.nextChunk();
          while (!chunks.offer(chunk, 1, java.util.concurrent.TimeUnit.SECONDS)) {
            failFast(done);
          }
        }
        for (int t = 0; t < COPY_THREADS; t++) {
          chunks.put(END);
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        copiers.shutdownNow();
      }
      try (Statement s = headConnection.createStatement()) {
        s.execute("SET LOCAL session_replication_role = replica");
      }
      try (PreparedStatement ps =
          headConnection.prepareStatement(
              "UPDATE access_log_head SET next_sequence = ?, last_hash = ? WHERE id = 1")) {
        ps.setLong(1, head.next + n);
        ps.setBytes(2, rows.last());
        ps.executeUpdate();
      }
      headConnection.commit();
      return head.next + n;
    } finally {
      try (Connection c = superuser.open();
          Statement s = c.createStatement()) {
        s.execute("SET maintenance_work_mem = '256MB'");
        for (String create : indexes) {
          s.execute(create);
        }
        s.execute("ANALYZE access_log");
      }
    }
  }

  private static void failFast(List<Future<?>> copiers) throws Exception {
    for (Future<?> f : copiers) {
      if (f.isDone()) {
        f.get(); // throws the copier's failure
        throw new IllegalStateException("a COPY connection ended early");
      }
    }
  }

  /** One COPY connection: writes chunks until {@link #END}, then commits. */
  private static Void copy(Connections superuser, BlockingQueue<byte[]> chunks) throws Exception {
    try (Connection c = superuser.open()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        // This session only: the append trigger would serialise every row on the head.
        s.execute("SET LOCAL session_replication_role = replica");
        s.execute("SET LOCAL synchronous_commit = off");
      }
      CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY_SQL);
      for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
        copy.writeToCopy(chunk, 0, chunk.length);
      }
      copy.endCopy();
      c.commit();
      return null;
    }
  }

  private record Head(long next, byte[] lastHash) {}

  private static Head lockHead(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT next_sequence, last_hash FROM access_log_head WHERE id = 1 FOR UPDATE")) {
      rs.next();
      return new Head(rs.getLong(1), rs.getBytes(2));
    }
  }

  /**
   * Resets a filled log to its first {@code size} entries and no checkpoints, so that a benchmark
   * can run again on it as on a fresh fill (the later entries, checkpoints, their tree states,
   * subtree hashes and cosignatures are deleted, as the superuser with this session's triggers
   * off). Nothing is done when the log is already so.
   */
  static void resetTo(Connections superuser, long size) throws SQLException {
    try (Connection c = superuser.open()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL session_replication_role = replica");
        s.execute("DELETE FROM access_log_cosignature");
        s.execute("DELETE FROM access_log_tree_state");
        s.execute("DELETE FROM access_log_subtree");
        s.execute("DELETE FROM access_log_checkpoint");
        s.execute("DELETE FROM access_log WHERE sequence >= " + size);
        s.execute(
            "UPDATE access_log_head SET next_sequence = "
                + size
                + ", last_hash = (SELECT leaf_hash FROM access_log WHERE sequence = "
                + (size - 1)
                + ") WHERE id = 1");
      }
      c.commit();
    }
  }

  /**
   * The rows to append, generated and hashed in sequence order (each entry's leaf hash is the next
   * one's chain link), as COPY text in chunks of about 1 MiB.
   */
  private static final class Rows {
    private final HexFormat hex = HexFormat.of();
    private final long first;
    private final long n;
    private final Instant start;
    private final long stepMicros;
    private final StringBuilder text = new StringBuilder(CHUNK_BYTES + 4096);
    private byte[] last;
    private long i;

    Rows(Head head, long n) {
      this.first = head.next;
      this.n = n;
      this.last = head.lastHash;
      // Spread over the last n seconds (at most a year), in order, microsecond precision.
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      long span = Math.min(n, 365L * 24 * 3600) * 1_000_000L;
      this.stepMicros = Math.max(1, span / Math.max(1, n));
      this.start = now.minus(stepMicros * n, ChronoUnit.MICROS);
    }

    boolean hasNext() {
      return i < n;
    }

    byte[] last() {
      return last;
    }

    byte[] nextChunk() {
      text.setLength(0);
      while (i < n && text.length() < CHUNK_BYTES) {
        appendRow(i++);
      }
      return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void appendRow(long k) {
      long seq = first + k;
      String action = ACTIONS[(int) (seq % ACTIONS.length)];
      boolean denied = seq % 97 == 0;
      boolean glass = seq % 1009 == 0;
      AuditEntry e =
          new AuditEntry(
              seq,
              start.plus(k * stepMicros + (seq % 1000), ChronoUnit.MICROS),
              "bench-user-" + (seq % 500),
              ROLES[(int) (seq % ROLES.length)],
              "AST-01",
              action,
              "SUBJECT",
              benchSubject(seq % 5000).toString(),
              "TREATMENT",
              glass ? "benchmark emergency" : null,
              denied ? "DENIED" : "ALLOWED",
              "bench:" + action,
              denied ? "not in your centres" : null,
              glass,
              "127.0.0.1",
              "req-" + seq,
              last);
      byte[] leaf = AuditEntryEncoding.leafHash(e);
      text.append(seq)
          .append('\t')
          .append(e.occurredAt())
          .append('\t')
          .append(e.userId())
          .append('\t')
          .append(e.role())
          .append('\t')
          .append(e.centre())
          .append('\t')
          .append(action)
          .append("\tSUBJECT\t")
          .append(e.targetId())
          .append("\tTREATMENT\t")
          .append(glass ? "benchmark emergency" : "\\N")
          .append('\t')
          .append(e.outcome())
          .append('\t')
          .append(e.rule())
          .append('\t')
          .append(denied ? e.reason() : "\\N")
          .append('\t')
          .append(glass ? 't' : 'f')
          .append("\t127.0.0.1\t")
          .append(e.requestId())
          .append("\t\\\\x")
          .append(hex.formatHex(last))
          .append("\t\\\\x")
          .append(hex.formatHex(leaf))
          .append('\n');
      last = leaf;
    }
  }
}
