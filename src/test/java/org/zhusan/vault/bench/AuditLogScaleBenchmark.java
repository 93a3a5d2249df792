package org.zhusan.vault.bench;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.zhusan.vault.audit.tree.AuditEntry;
import org.zhusan.vault.audit.tree.AuditEntryEncoding;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * The auditor's pages on a large access log: a vault on its own database whose log is filled, as
 * the schema owner, with N well-formed, correctly chained entries (default 1,000,000; the append
 * path is measured by {@link AuditOverheadBenchmark}), then timed through the API the pages call:
 * the log page (first 25 entries and their total), a deep page, filters by user, by subject and by
 * action and outcome, and "verify now" as a job with its progress (entries per second in each
 * phase). Figures are printed, never asserted (a shared machine).
 *
 * <p>Run after {@code mvn -DskipTests package}: {@code mvn -q -Pbench test
 * -Dbench.main=org.zhusan.vault.bench.AuditLogScaleBenchmark -Dbench.args="1000000"} (entries; a
 * second argument names the database, default {@code zhusan_bench_log}, dropped and created).
 */
public final class AuditLogScaleBenchmark {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String[] ACTIONS = {
    "SUBJECT_READ", "DOCUMENT_READ", "DOCUMENT_LIST", "SUBJECT_LIST", "SEARCH", "DOCUMENT_CREATE"
  };
  private static final String[] ROLES = {
    "LAWYER", "PSYCHOLOGIST", "DOCTOR", "SOCIAL_WORKER", "TEACHER"
  };

  public static void main(String[] args) throws Exception {
    long n = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    java.nio.file.Path root =
        java.nio.file.Path.of(System.getProperty("user.dir")).toAbsolutePath();
    while (root.getParent() != null
        && !java.nio.file.Files.isDirectory(root.resolve("keys-example"))) {
      root = root.getParent(); // the exec plugin may start us in src/main/ui
    }
    System.setProperty("vault.repo.root", System.getProperty("vault.repo.root", root.toString()));
    VaultServer vault =
        VaultServer.launch(
            args.length > 1 ? args[1] : "zhusan_bench_log",
            Map.of("VAULT_AUDIT_CHECKPOINT_INTERVAL", "PT0S"),
            "bench-log",
            "1g");
    try {
      long t0 = System.nanoTime();
      long size = fill(vault, n);
      System.out.printf(
          "filled the log to %,d entries in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
      try (Connection c = vault.ownerConnection();
          Statement s = c.createStatement()) {
        s.execute("VACUUM ANALYZE access_log");
      }
      String auditor = Tokens.token("bench-auditor", "AUDITOR");
      String base = vault.baseUrl();
      List<String[]> rows = new ArrayList<>();
      rows.add(
          time(base, auditor, "log page: first 25 entries + total", "/api/audit/entries?limit=25"));
      rows.add(
          time(
              base,
              auditor,
              "log page 400 (offset 10,000)",
              "/api/audit/entries?limit=25&offset=10000"));
      rows.add(
          time(
              base,
              auditor,
              "log page near the end (offset N-25)",
              "/api/audit/entries?limit=25&offset=" + (size - 25)));
      rows.add(
          time(
              base,
              auditor,
              "filter: one user (~N/500 entries)",
              "/api/audit/entries?limit=25&user=bench-user-7"));
      rows.add(
          time(
              base,
              auditor,
              "filter: one subject (~N/5000 entries)",
              "/api/audit/entries?limit=25&subject=" + benchSubject(42)));
      rows.add(
          time(
              base,
              auditor,
              "filter: action + outcome",
              "/api/audit/entries?limit=25&action=DOCUMENT_READ&outcome=DENIED"));
      rows.add(
          time(
              base,
              auditor,
              "filter: break-glass only",
              "/api/audit/entries?limit=25&breakGlass=true"));
      rows.add(
          time(
              base,
              auditor,
              "filter: one day",
              "/api/audit/entries?limit=25&from="
                  + Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS)
                  + "&to="
                  + Instant.now().truncatedTo(ChronoUnit.DAYS)));
      System.out.printf(
          "%nlog of %,d entries; median of 5 requests after one warm-up (ms), total as counted by"
              + " the server%n",
          size);
      for (String[] r : rows) {
        System.out.printf("  %-45s %8s ms   total %s%n", r[0], r[1], r[2]);
      }
      verify(base, auditor);
    } finally {
      vault.stop();
    }
  }

  /**
   * Appends N chained entries after the current head, as the owner with the append-only triggers
   * off.
   */
  static long fill(VaultServer vault, long n) throws Exception {
    try (Connection c = vault.ownerConnection()) {
      c.setAutoCommit(false);
      long next;
      byte[] last;
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery("SELECT next_sequence, last_hash FROM access_log_head FOR UPDATE")) {
        rs.next();
        next = rs.getLong(1);
        last = rs.getBytes(2);
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
        s.execute("ALTER TABLE access_log_head DISABLE TRIGGER USER");
      }
      HexFormat hex = HexFormat.of();
      Instant start = Instant.now().minus(n, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS);
      CopyIn copy =
          ((PGConnection) c.unwrap(PGConnection.class))
              .getCopyAPI()
              .copyIn(
                  "COPY access_log (sequence, occurred_at, user_id, role, centre, action,"
                      + " target_type, target_id, purpose, justification, outcome, rule, reason,"
                      + " break_glass, client_address, request_id, previous_hash, leaf_hash) FROM"
                      + " STDIN");
      StringBuilder b = new StringBuilder(1 << 20);
      for (long i = 0; i < n; i++) {
        long seq = next + i;
        String action = ACTIONS[(int) (i % ACTIONS.length)];
        String outcome = i % 97 == 0 ? "DENIED" : "ALLOWED";
        boolean glass = i % 1009 == 0;
        AuditEntry e =
            new AuditEntry(
                seq,
                start.plusMillis(i * 1000 + (i % 1000)),
                "bench-user-" + (i % 500),
                ROLES[(int) (i % ROLES.length)],
                "AST-01",
                action,
                "SUBJECT",
                benchSubject(i % 5000).toString(),
                "TREATMENT",
                glass ? "benchmark emergency" : null,
                outcome,
                "bench:" + action,
                outcome.equals("DENIED") ? "not in your centres" : null,
                glass,
                "127.0.0.1",
                "req-" + seq,
                last);
        byte[] leaf = AuditEntryEncoding.leafHash(e);
        b.append(seq)
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
            .append(outcome)
            .append('\t')
            .append(e.rule())
            .append('\t')
            .append(e.reason() == null ? "\\N" : e.reason())
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
        if (b.length() > (1 << 20) - 2048) {
          byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
          copy.writeToCopy(bytes, 0, bytes.length);
          b.setLength(0);
        }
      }
      byte[] bytes = b.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
      copy.writeToCopy(bytes, 0, bytes.length);
      copy.endCopy();
      try (java.sql.PreparedStatement ps =
          c.prepareStatement("UPDATE access_log_head SET next_sequence = ?, last_hash = ?")) {
        ps.setLong(1, next + n);
        ps.setBytes(2, last);
        ps.executeUpdate();
      }
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
        s.execute("ALTER TABLE access_log_head ENABLE TRIGGER USER");
      }
      c.commit();
      return next + n;
    }
  }

  static String[] time(String base, String token, String what, String path) throws Exception {
    HttpRequest req =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build();
    String total = "?";
    long[] ms = new long[5];
    for (int i = -1; i < ms.length; i++) {
      long t = System.nanoTime();
      HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
      long took = (System.nanoTime() - t) / 1_000_000;
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
      }
      total = String.format("%,d", json(r.body()).getJsonNumber("total").longValue());
      if (i >= 0) {
        ms[i] = took;
      }
    }
    java.util.Arrays.sort(ms);
    return new String[] {what, Long.toString(ms[ms.length / 2]), total};
  }

  /** "Verify now" as a job: polls its progress every half second and prints each phase's rate. */
  static void verify(String base, String token) throws Exception {
    HttpResponse<String> started =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base + "/api/audit/verifications"))
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (started.statusCode() != 202) {
      throw new IllegalStateException("verify: " + started.statusCode() + " " + started.body());
    }
    String id = json(started.body()).getString("id");
    long t0 = System.nanoTime();
    String lastLine = "";
    while (true) {
      Thread.sleep(500);
      JsonObject job =
          json(
              HTTP.send(
                      HttpRequest.newBuilder(URI.create(base + "/api/audit/verifications/" + id))
                          .header("Authorization", "Bearer " + token)
                          .GET()
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      String line =
          String.format(
              "  %5.1f s  %-7s %-6s %,12d of %,d  %,8d entries/s",
              (System.nanoTime() - t0) / 1e9,
              job.getString("state"),
              job.getString("phase"),
              job.getJsonNumber("done").longValue(),
              job.getJsonNumber("total").longValue(),
              job.getJsonNumber("rate").longValue());
      if (!line.substring(10).equals(lastLine)) {
        System.out.println(line);
        lastLine = line.substring(10);
      }
      if (!job.getString("state").equals("RUNNING")) {
        System.out.printf(
            "verify now: %s in %.1f s: %s%n",
            job.getString("state"), (System.nanoTime() - t0) / 1e9, job);
        return;
      }
    }
  }

  static JsonObject json(String body) {
    try (var r = jakarta.json.Json.createReader(new StringReader(body))) {
      return r.readObject();
    }
  }

  /** The benchmark's subjects have fixed ids, so a filter can name one before the log exists. */
  private static java.util.UUID benchSubject(long n) {
    return new java.util.UUID(0x2b5e_0000_0000_0000L, n);
  }
}
