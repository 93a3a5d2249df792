package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.InProcessWitness;
import org.zhusan.vault.cli.VerifyLogCommand;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.VaultServer;
import picocli.CommandLine;

/**
 * Two witnesses (the {@code witness} command, in this JVM) and a vault configured with both, on its
 * own database (the test cuts the log's tail, which the shared test server must never see): the
 * witnesses co-sign the growing log, verify-log with a 2-of-2 policy passes; then a database owner
 * cuts the tail off together with its checkpoints and cosignatures, and every witness refuses the
 * shorter log, so verify-log with the same policy fails naming both.
 */
class WitnessIT {
  private static final Path TARGET = VaultServer.repoRoot().resolve("target");
  private static final Path DIR = TARGET.resolve("witness-it");
  private static final Path SERVER_LOG = TARGET.resolve("witness-server.log");
  private static InProcessWitness w1;
  private static InProcessWitness w2;
  private static VaultServer vault;
  private static int logStart;

  @BeforeAll
  static void witnessesAndAWitnessedVault() throws Exception {
    if (Files.exists(DIR)) {
      try (Stream<Path> all = Files.walk(DIR)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    w1 = start("witness-1.example/vault");
    w2 = start("witness-2.example/vault");
    vault =
        VaultServer.launch(
            "zhusan_wv_witness",
            Map.of(
                "VAULT_AUDIT_WITNESSES",
                w1.url() + " " + w1.verifierKey() + ", " + w2.url() + " " + w2.verifierKey(),
                "VAULT_AUDIT_WITNESS_THRESHOLD",
                "2",
                "VAULT_AUDIT_WITNESS_MAX_DELAY",
                "PT3S",
                "VAULT_AUDIT_CHECKPOINT_INTERVAL",
                "PT0S"),
            "witness");
    // The server log is appended to across runs: only this run's lines count.
    logStart = readLog().length();
  }

  private static InProcessWitness start(String name) throws Exception {
    Path dir = DIR.resolve(name.substring(0, name.indexOf('.')));
    Files.createDirectories(dir);
    return InProcessWitness.start(dir, name, AuditLogs.publicKeyFile(), "zhusan-vault/access-log");
  }

  @AfterAll
  static void stop() throws Exception {
    if (vault != null) {
      vault.stop();
    }
    if (w1 != null) {
      w1.close();
    }
    if (w2 != null) {
      w2.close();
    }
  }

  @Test
  void witnessesCoSignAGrowingLogAndRefuseItOnceItsTailIsCutOff() throws Exception {
    // a growing log, co-signed by both witnesses at each checkpoint
    accesses(3);
    long s1 = checkpoint();
    awaitTrue(() -> cosignatures(s1) == 2, "both witnesses co-sign size " + s1);
    accesses(3);
    long s2 = checkpoint();
    assertTrue(s2 > s1);
    awaitTrue(
        () -> cosignatures(s2) == 2, "both witnesses co-sign size " + s2 + " (from " + s1 + ")");

    String note = get("/api/audit/published/checkpoint.note");
    assertTrue(note.contains("\n" + s2 + "\n"), note);
    assertTrue(note.contains("\u2014 witness-1.example/vault "), note);
    assertTrue(note.contains("\u2014 witness-2.example/vault "), note);
    String export = get("/api/audit/export?format=jsonl");
    Run ok = verifyLog(export, note);
    assertEquals(0, ok.code, ok.out);
    assertTrue(ok.out.contains("OK: 2 of 2"), ok.out);
    long s3 = latestCheckpointSize();
    awaitTrue(() -> cosignatures(s3) == 2, "both witnesses co-sign the export's size " + s3);

    // the owner cuts the tail off, with the checkpoints and cosignatures that covered it
    long cut = s2 - 3;
    try (Connection c = vault.ownerConnection()) {
      HostileOwner.edit(c, HostileOwner.cutTail(cut));
    }
    long s4 = checkpoint();
    assertTrue(s4 < s3, "the log is shorter than the witnesses' last size: " + s4 + " < " + s3);
    awaitTrue(
        () ->
            log().contains("Witness witness-1.example/vault refused the checkpoint of size " + s4)
                && log()
                    .contains(
                        "Witness witness-2.example/vault refused the checkpoint of size " + s4),
        "both witnesses refuse size " + s4);
    assertEquals(0, cosignatures(s4), "no witness co-signed the truncated log");

    String cutNote = get("/api/audit/published/checkpoint.note");
    assertFalse(cutNote.contains("\u2014 witness-"), cutNote);
    Run refused = verifyLog(get("/api/audit/export?format=jsonl"), cutNote);
    assertEquals(1, refused.code, refused.out);
    assertTrue(
        refused.out.contains("missing: witness-1.example/vault, witness-2.example/vault"),
        refused.out);

    // and the alarm: a checkpoint older than max-delay without its 2 cosignatures
    awaitTrue(() -> log().contains("ACCESS LOG WITNESS ALARM"), "the witness alarm");
    HttpResponse<String> ready =
        Http.send(HttpRequest.newBuilder(URI.create(vault.baseUrl() + "/health/ready")).build());
    assertTrue(ready.body().contains("not co-signed by 2 of 2 witnesses"), ready.body());
  }

  private static void accesses(int n) throws Exception {
    for (int i = 0; i < n; i++) {
      get("/api/audit/checkpoints");
    }
  }

  private static long checkpoint() throws Exception {
    HttpResponse<String> r =
        Http.send(
            request("/api/audit/checkpoints")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build());
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r).getJsonNumber("treeSize").longValue();
  }

  private static String get(String path) throws Exception {
    HttpResponse<String> r = Http.send(request(path).GET().build());
    assertEquals(200, r.statusCode(), path + ": " + r.body());
    return r.body();
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(vault.baseUrl() + path))
        .timeout(Duration.ofSeconds(60))
        .header("Authorization", "Bearer " + AuditLogs.auditor());
  }

  private record Run(int code, String out) {}

  private static Run verifyLog(String export, String note) throws Exception {
    Path e = Files.createTempFile(DIR, "export", ".jsonl");
    Path n = Files.createTempFile(DIR, "checkpoint", ".note");
    Files.writeString(e, export, StandardCharsets.UTF_8);
    Files.writeString(n, note, StandardCharsets.UTF_8);
    StringWriter out = new StringWriter();
    CommandLine line = new CommandLine(new VerifyLogCommand());
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(out, true));
    int code =
        line.execute(
            "--export",
            e.toString(),
            "--public-key",
            AuditLogs.publicKeyFile().toString(),
            "--checkpoint",
            n.toString(),
            "--witness-key",
            w1.verifierKey(),
            "--witness-key",
            w2.verifierKey(),
            "--witness-threshold",
            "2");
    return new Run(code, out.toString());
  }

  private static long cosignatures(long size) {
    return Long.parseLong(
        scalar("SELECT count(*) FROM access_log_cosignature WHERE tree_size = " + size));
  }

  private static long latestCheckpointSize() {
    return Long.parseLong(scalar("SELECT max(tree_size) FROM access_log_checkpoint"));
  }

  private static String scalar(String sql) {
    try (Connection c = vault.ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What the server logged in this run. */
  private static String log() {
    String all = readLog();
    return all.length() < logStart ? all : all.substring(logStart);
  }

  private static String readLog() {
    try {
      return Files.readString(SERVER_LOG, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      return "";
    }
  }

  private static void awaitTrue(BooleanSupplier condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting: " + what + "; see " + SERVER_LOG);
      }
      Thread.sleep(200);
    }
  }
}
