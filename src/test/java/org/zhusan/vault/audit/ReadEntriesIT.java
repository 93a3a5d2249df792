package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Entries of reads are committed in batches outside the read's transaction (docs/audit-log.md,
 * "Appending"): each read still leaves exactly one entry, committed by the time its answer arrives,
 * and a read that fails after its decision leaves one FAILED entry, not an ALLOWED one as well.
 */
class ReadEntriesIT {
  private final String lawyer = Tokens.token("read-entries-lawyer", "LAWYER", "TUR-01");
  private final String admin = Tokens.token("read-entries-admin", "ADMIN");

  @Test
  void eachConcurrentReadHasExactlyOneEntryCommittedByTheTimeItsAnswerArrives() throws Exception {
    String id = Subjects.create(lawyer, "TUR-01", "Read Entries Subject", null).getString("id");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Integer>> readers = new ArrayList<>();
      for (int t = 0; t < 6; t++) {
        String user =
            "read-entries-reader-" + t; // one user per thread: its entries are its own reads
        String token = Tokens.token(user, "LAWYER", "TUR-01");
        readers.add(
            pool.submit(
                () -> {
                  int committedOnAnswer = 0;
                  for (int i = 1; i <= 10; i++) {
                    HttpResponse<String> r = Http.get("/api/subjects/" + id, token);
                    assertEquals(200, r.statusCode(), r.body());
                    if (entries(id, user) == i) {
                      committedOnAnswer++;
                    }
                  }
                  return committedOnAnswer;
                }));
      }
      for (Future<Integer> f : readers) {
        assertEquals(
            10, f.get(), "every read's entry was committed before its answer, and only one");
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * The shared test server runs in the development profile with {@code
   * VAULT_AUDIT_BENCHMARK_DISABLE=true} (see VaultServer), the switch that once turned auditing off
   * there: reads, creations and denials are logged all the same.
   */
  @Test
  void noSettingSwitchesAuditingOffEvenInTheDevelopmentProfile() throws Exception {
    String user = "read-entries-switch";
    String token = Tokens.token(user, "LAWYER", "TUR-01");
    String id = Subjects.create(token, "TUR-01", "Read Entries Switch", null).getString("id");
    assertEquals(1, entries(id, user), "creation logged");
    assertEquals(200, Http.get("/api/subjects/" + id, token).statusCode());
    assertEquals(2, entries(id, user), "read logged");
    Http.problem(Http.get("/api/subjects/" + id, Tokens.token(user, "LAWYER", "KOS-01")), 404);
    assertEquals(3, entries(id, user), "denial logged");
  }

  @Test
  void aReadThatFailsAfterItsDecisionIsRecordedOnceAsFailed() throws Exception {
    String id = Subjects.create(lawyer, "TUR-01", "Read Entries Shredded", null).getString("id");
    assertEquals(
        204,
        Http.postJson(
                "/api/subjects/" + id + "/shred", admin, "{\"reason\":\"test of read entries\"}")
            .statusCode());
    long allowedBefore = count(id, "ALLOWED");
    Http.problem(Http.get("/api/subjects/" + id, lawyer), 410);
    assertEquals(allowedBefore, count(id, "ALLOWED"), "no ALLOWED entry for the read that failed");
    assertEquals(1, count(id, "FAILED"));
  }

  private static long entries(String target, String user) throws Exception {
    return query(
        "SELECT count(*) FROM access_log WHERE target_id = ? AND user_id = ?", target, user);
  }

  private static long count(String target, String outcome) throws Exception {
    return query(
        "SELECT count(*) FROM access_log WHERE target_id = ? AND user_id = 'read-entries-lawyer'"
            + " AND outcome = ?",
        target,
        outcome);
  }

  private static long query(String sql, String a, String b) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, a);
      ps.setString(2, b);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
