package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.verify.ExportFormat;
import org.zhusan.vault.audit.verify.ExportLine;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * "Verify now" as a job with progress ({@code /api/audit/verifications}), and what an auditor takes
 * away for offline verification ({@code /api/audit/published}): the public key and the latest
 * checkpoint line.
 */
class VerificationJobsIT {
  private final String worker = Tokens.token("verify-job-sw", "SOCIAL_WORKER", "MAN-01");

  @Test
  void aVerificationJobReportsProgressAndOk() throws Exception {
    Subjects.create(worker, "MAN-01", "Verification Job Subject", null);
    HttpResponse<String> started =
        Http.postJson("/api/audit/verifications", AuditLogs.auditor(), "");
    assertEquals(202, started.statusCode(), started.body());
    String location = started.headers().firstValue("Location").orElseThrow();
    JsonObject job = Http.json(started);
    assertTrue(location.endsWith("/api/audit/verifications/" + job.getString("id")), location);
    JsonObject done = await(job.getString("id"));
    assertEquals("DONE", done.getString("state"), done.toString());
    assertTrue(done.getBoolean("ok"), done.toString());
    assertEquals("VERIFY", done.getString("phase"));
    assertTrue(done.getJsonNumber("total").longValue() > 0, done.toString());
    assertEquals(
        done.getJsonNumber("total").longValue(),
        done.getJsonNumber("done").longValue(),
        done.toString());
    assertEquals(
        done.getJsonNumber("signedSize").longValue(),
        done.getJsonNumber("entriesChecked").longValue(),
        done.toString());
    assertTrue(done.getJsonNumber("rate").longValue() >= 0);
    assertEquals("auditor-it", done.getString("startedBy"));

    assertTrue(
        Http.json(
                    Http.get(
                        "/api/audit/entries?user=auditor-it&action=LOG_VERIFY",
                        AuditLogs.auditor()))
                .getInt("total")
            >= 1,
        "starting a verification is logged");
    Http.problem(
        Http.postJson(
            "/api/audit/verifications", Tokens.token("verify-job-doctor", "DOCTOR", "MAN-01"), ""),
        403);
    Http.problem(
        Http.postJson("/api/audit/verifications", Tokens.token("verify-job-admin", "ADMIN"), ""),
        403);
    Http.problem(
        Http.get("/api/audit/verifications/" + java.util.UUID.randomUUID(), AuditLogs.auditor()),
        404);
    Http.problem(Http.get("/api/audit/verifications/not-a-job", AuditLogs.auditor()), 404);
    Http.problem(
        Http.get(
            "/api/audit/verifications/" + job.getString("id"),
            Tokens.token("verify-job-doctor", "DOCTOR", "MAN-01")),
        403);
  }

  @Test
  void aTamperedEntryIsNamedByTheJobAndTheLogVerifiesOnceItIsPutBack() throws Exception {
    Subjects.create(worker, "MAN-01", "Verification Tamper Subject", null);
    long k;
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT next_sequence / 2 FROM access_log_head")) {
      rs.next();
      k = rs.getLong(1);
    }
    flipOutcome(k);
    try {
      JsonObject bad =
          await(
              Http.json(Http.postJson("/api/audit/verifications", AuditLogs.auditor(), ""))
                  .getString("id"));
      assertEquals("DONE", bad.getString("state"), bad.toString());
      assertFalse(bad.getBoolean("ok"), bad.toString());
      JsonObject problem = bad.getJsonObject("problem");
      assertEquals("ENTRY_ALTERED", problem.getString("kind"), bad.toString());
      assertEquals(k, problem.getJsonNumber("firstEntry").longValue(), bad.toString());
      assertEquals(k, problem.getJsonNumber("lastEntry").longValue(), bad.toString());
    } finally {
      flipOutcome(k); // the same flip again restores the row exactly
    }
    JsonObject good =
        await(
            Http.json(Http.postJson("/api/audit/verifications", AuditLogs.auditor(), ""))
                .getString("id"));
    assertTrue(good.getBoolean("ok"), good.toString());
  }

  @Test
  void thePublicKeyAndTheLatestCheckpointLineAreWhatVerifyLogTakes() throws Exception {
    HttpResponse<String> key = Http.get("/api/audit/published/public-key", AuditLogs.auditor());
    assertEquals(200, key.statusCode(), key.body());
    assertEquals(Files.readString(AuditLogs.publicKeyFile()).strip(), key.body().strip());
    assertTrue(
        key.headers().firstValue("Content-Type").orElse("").startsWith("application/x-pem-file"));

    JsonObject signed = Http.json(Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), ""));
    HttpResponse<String> cp = Http.get("/api/audit/published/checkpoint", AuditLogs.auditor());
    assertEquals(200, cp.statusCode(), cp.body());
    ExportLine line = ExportFormat.parseLine(cp.body().strip());
    assertTrue(line instanceof ExportLine.CheckpointLine, cp.body());
    var checkpoint = ((ExportLine.CheckpointLine) line).checkpoint();
    assertTrue(
        checkpoint.checkpoint().size() >= signed.getJsonNumber("treeSize").longValue(), cp.body());
    assertTrue(AuditLogs.publicKey().verify(checkpoint), "the line carries a valid signature");

    Http.problem(
        Http.get(
            "/api/audit/published/public-key",
            Tokens.token("verify-job-doctor", "DOCTOR", "MAN-01")),
        403);
    Http.problem(
        Http.get(
            "/api/audit/published/checkpoint",
            Tokens.token("verify-job-doctor", "DOCTOR", "MAN-01")),
        403);
  }

  static JsonObject await(String id) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
    while (true) {
      HttpResponse<String> r = Http.get("/api/audit/verifications/" + id, AuditLogs.auditor());
      assertEquals(200, r.statusCode(), r.body());
      JsonObject job = Http.json(r);
      assertTrue(
          job.getJsonNumber("done").longValue() <= job.getJsonNumber("total").longValue(),
          job.toString());
      if (!job.getString("state").equals("RUNNING") || Instant.now().isAfter(deadline)) {
        return job;
      }
      Thread.sleep(100);
    }
  }

  /**
   * Flips one entry's outcome as a database owner would (triggers off); flipping twice restores it.
   */
  private static void flipOutcome(long sequence) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE access_log DISABLE TRIGGER USER");
        s.execute(
            "UPDATE access_log SET outcome = CASE WHEN outcome = 'ALLOWED' THEN 'DENIED' ELSE"
                + " 'ALLOWED' END WHERE sequence = "
                + sequence);
        s.execute("ALTER TABLE access_log ENABLE TRIGGER USER");
      }
      c.commit();
    }
  }
}
