package org.zhusan.vault.bench;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
   * Appends N valid, chained entries after the current head with {@link LogFiller} (COPY; a bulk
   * fill from {@value LogFiller#BULK_THRESHOLD} entries on).
   */
  static long fill(VaultServer vault, long n) throws Exception {
    return LogFiller.append(vault::ownerConnection, vault::adminConnection, n);
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

  private static java.util.UUID benchSubject(long n) {
    return LogFiller.benchSubject(n);
  }
}
