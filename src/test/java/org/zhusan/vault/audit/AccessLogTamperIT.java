package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.audit.tree.Checkpoint;
import org.zhusan.vault.audit.tree.SignedCheckpoint;
import org.zhusan.vault.audit.verify.Finding;
import org.zhusan.vault.audit.verify.VerificationReport;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * A database owner edits the access log behind the application's back (switching the append-only
 * triggers off, as an owner can); the log exported through the auditor API and verified offline
 * with only the public key names what was done. Each test puts the whole log back as it was before
 * (snapshot and restore), so the rest of the suite keeps a verifiable log.
 */
class AccessLogTamperIT {
  private final String worker = Tokens.token("tamper-sw", "SOCIAL_WORKER", "MAN-01");
  private Connection c;

  @BeforeEach
  void historyAndSnapshot() throws Exception {
    for (int i = 0; i < 5; i++) {
      Subjects.create(worker, "MAN-01", "Tamper Subject " + i, null);
    }
    assertTrue(
        AuditLogs.verify(AuditLogs.export(), null).ok(), "the log verifies before tampering");
    c = VaultServer.get().ownerConnection();
    dba(
        "DROP TABLE IF EXISTS saved_log, saved_cps, saved_head, saved_state, saved_subtrees",
        "CREATE TABLE saved_log AS SELECT * FROM access_log",
        "CREATE TABLE saved_cps AS SELECT * FROM access_log_checkpoint",
        "CREATE TABLE saved_head AS SELECT * FROM access_log_head",
        "CREATE TABLE saved_state AS SELECT * FROM access_log_tree_state",
        "CREATE TABLE saved_subtrees AS SELECT * FROM access_log_subtree");
  }

  @AfterEach
  void restore() throws Exception {
    dba(
        "DELETE FROM access_log",
        "INSERT INTO access_log SELECT * FROM saved_log",
        "DELETE FROM access_log_tree_state",
        "DELETE FROM access_log_subtree",
        "DELETE FROM access_log_checkpoint",
        "INSERT INTO access_log_checkpoint SELECT * FROM saved_cps",
        "INSERT INTO access_log_tree_state SELECT * FROM saved_state",
        "INSERT INTO access_log_subtree SELECT * FROM saved_subtrees",
        "UPDATE access_log_head h SET next_sequence = s.next_sequence, last_hash = s.last_hash FROM"
            + " saved_head s",
        "DROP TABLE saved_log, saved_cps, saved_head, saved_state, saved_subtrees");
    c.close();
    assertTrue(onlineVerifyOk(), "the log verifies again once restored");
  }

  @Test
  void changedFieldOfOneEntryIsNamed() throws Exception {
    long k = middleEntry();
    dba(
        "UPDATE access_log SET outcome = CASE WHEN outcome = 'ALLOWED' THEN 'DENIED' ELSE 'ALLOWED'"
            + " END WHERE sequence = "
            + k);
    Finding f = problem(AuditLogs.verify(AuditLogs.export(), null));
    assertEquals(Finding.Kind.ENTRY_ALTERED, f.kind(), f.toString());
    assertTrue(f.entries().orElseThrow().contains(k), f.toString());
    assertFalse(onlineVerifyOk(), "the online check sees it too");
  }

  @Test
  void deletedEntryIsNamed() throws Exception {
    long k = middleEntry();
    dba("DELETE FROM access_log WHERE sequence = " + k);
    Finding f = problem(AuditLogs.verify(AuditLogs.export(), null));
    assertEquals(Finding.Kind.ENTRY_REMOVED, f.kind(), f.toString());
    assertTrue(f.entries().orElseThrow().contains(k), f.toString());
  }

  @Test
  void forgedEntryInsertedIsNamed() throws Exception {
    long k = middleEntry();
    dba(
        "UPDATE access_log SET sequence = sequence + 1000000000 WHERE sequence >= " + k,
        "UPDATE access_log SET sequence = sequence - 999999999 WHERE sequence >= 1000000000",
        "INSERT INTO access_log (sequence, occurred_at, user_id, role, action, outcome,"
            + " break_glass, previous_hash, leaf_hash) SELECT "
            + k
            + ", occurred_at, 'nobody', 'AUDITOR', 'LOG_READ', 'ALLOWED', false, leaf_hash,"
            + " leaf_hash FROM access_log WHERE sequence = "
            + (k - 1),
        "UPDATE access_log_head SET next_sequence = next_sequence + 1");
    Finding f = problem(AuditLogs.verify(AuditLogs.export(), null));
    assertEquals(Finding.Kind.ENTRY_INSERTED, f.kind(), f.toString());
    assertTrue(f.entries().orElseThrow().contains(k), f.toString());
  }

  @Test
  void swappedEntriesAreNamed() throws Exception {
    long k = middleEntry();
    dba(
        "UPDATE access_log SET sequence = 2000000000 WHERE sequence = " + k,
        "UPDATE access_log SET sequence = " + k + " WHERE sequence = " + (k + 1),
        "UPDATE access_log SET sequence = " + (k + 1) + " WHERE sequence = 2000000000");
    Finding f = problem(AuditLogs.verify(AuditLogs.export(), null));
    assertEquals(Finding.Kind.ENTRIES_REORDERED, f.kind(), f.toString());
    assertTrue(f.entries().orElseThrow().contains(k), f.toString());
  }

  @Test
  void tailTruncatedAfterACheckpointIsNamedEvenWhenTheCheckpointRowIsDeletedToo() throws Exception {
    JsonObject cp = Http.json(Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), ""));
    long size = cp.getJsonNumber("treeSize").longValue();
    // the auditor kept this checkpoint (e.g. published it); the DBA cannot forge a replacement
    SignedCheckpoint trusted =
        new SignedCheckpoint(
            Checkpoint.parseBody(cp.getString("note")),
            Base64.getDecoder().decode(cp.getString("signature")));
    long cut = size - 3;
    dba(HostileOwner.cutTail(cut));
    Finding f = problem(AuditLogs.verify(AuditLogs.export(), trusted));
    assertEquals(Finding.Kind.TRUNCATED, f.kind(), f.toString());
    assertEquals(size, f.checkpointSize().orElseThrow(), f.toString());
  }

  @Test
  void aTailRewrittenUnderAStoredSubtreeIsRefusedAtTheNextCheckpoint() throws Exception {
    AccessLogTilesIT.grow(
        Math.max(0, 700 - Long.parseLong(scalar("SELECT next_sequence FROM access_log_head"))));
    JsonObject cp = Http.json(Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), ""));
    long size = cp.getJsonNumber("treeSize").longValue();
    long lastSubtree = size / 256 - 1; // stored by that checkpoint: entries [256 i, 256 (i + 1))
    long cut = lastSubtree * 256 + 10;
    // The owner cuts the tail with the checkpoints that covered it, but not the subtree hashes …
    dba(HostileOwner.cutTail(cut));
    // … and the log grows again over them with other entries.
    AccessLogTilesIT.grow(size - cut + 5);
    JsonObject refused =
        Http.problem(Http.postJson("/api/audit/checkpoints", AuditLogs.auditor(), ""), 500);
    assertEquals("Access log integrity failure", refused.getString("title"), refused.toString());
    var r = Http.get("/api/audit/verify", AuditLogs.auditor());
    JsonObject verification = Http.json(r);
    assertFalse(verification.getBoolean("ok"), verification.toString());
    // Either finding names it: the entries past the surviving checkpoints are unsigned, or (when a
    // checkpoint still covers the cut) the server's own check found the rewritten subtree.
    String problem = verification.getString("problem");
    assertTrue(
        problem.contains("its history was rewritten") || problem.contains("UNSIGNED_TAIL"),
        verification.toString());
  }

  @Test
  void evenTheOwnerCannotUpdateDeleteOrTruncateWhileTheTriggersStand() throws Exception {
    for (String sql :
        new String[] {
          "UPDATE access_log SET outcome = 'DENIED' WHERE sequence = 0",
          "DELETE FROM access_log WHERE sequence = 0",
          "TRUNCATE access_log",
          "DELETE FROM access_log_checkpoint",
          "UPDATE access_log_head SET next_sequence = 0"
        }) {
      SQLException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              SQLException.class, () -> exec(c, sql), sql);
      assertTrue(
          e.getMessage().contains("append-only") || e.getMessage().contains("only advances"),
          e.getMessage());
    }
  }

  @Test
  void applicationRoleHoldsNoUpdateDeleteOrTruncateOnTheLog() throws Exception {
    for (String privilege : new String[] {"UPDATE", "DELETE", "TRUNCATE"}) {
      assertEquals(
          "f",
          scalar(
              "SELECT has_table_privilege('"
                  + VaultServer.APP
                  + "', 'access_log', '"
                  + privilege
                  + "')"),
          privilege);
      assertEquals(
          "f",
          scalar(
              "SELECT has_table_privilege('"
                  + VaultServer.APP
                  + "', 'access_log_checkpoint', '"
                  + privilege
                  + "')"),
          privilege);
    }
    assertEquals(
        "t",
        scalar("SELECT has_table_privilege('" + VaultServer.APP + "', 'access_log', 'INSERT')"));
  }

  private static Finding problem(VerificationReport report) {
    assertFalse(report.ok(), "tampering went unnoticed: " + report.summary());
    return report.problem().orElseThrow();
  }

  private static boolean onlineVerifyOk() throws Exception {
    var r = Http.get("/api/audit/verify", AuditLogs.auditor());
    assertEquals(200, r.statusCode(), r.body());
    return Http.json(r).getBoolean("ok");
  }

  /** An entry well inside the log. */
  private long middleEntry() throws SQLException {
    return Long.parseLong(scalar("SELECT next_sequence / 2 FROM access_log_head"));
  }

  /**
   * Runs statements as a hostile database owner would: in one transaction that switches the
   * append-only triggers off, edits, and switches them on again (the application waits meanwhile).
   */
  private void dba(String... statements) throws SQLException {
    HostileOwner.edit(c, statements);
  }

  private String scalar(String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  static void exec(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
