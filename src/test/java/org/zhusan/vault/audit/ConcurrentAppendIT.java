package org.zhusan.vault.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.AuditLogs;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.Tokens;
import org.zhusan.vault.it.VaultServer;

/**
 * Many threads, against two service instances sharing one database, append access-log entries at
 * once — reads (whose entries are committed in batches) and writes (whose entries are appended in
 * their own transactions) interleaved: the sequence has no gaps or duplicates and the whole log
 * verifies.
 */
class ConcurrentAppendIT {
  @Test
  void concurrentWritersOnTwoInstancesLeaveAGapFreeVerifiableLog() throws Exception {
    String worker = Tokens.token("conc-sw", "SOCIAL_WORKER", "ZHA-01");
    String id = Subjects.create(worker, "ZHA-01", "Concurrency Subject", null).getString("id");
    long before = count("SELECT count(*) FROM access_log WHERE user_id = 'conc-sw'");
    try (VaultProcess second = VaultServer.get().secondInstance()) {
      List<String> bases = List.of(VaultServer.get().baseUrl(), second.baseUrl());
      int threads = 8;
      int perThread = 25;
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String base = bases.get(t % 2);
        boolean writer = t % 4 == 3; // one thread in four on each instance creates subjects
        done.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < perThread; i++) {
                    HttpResponse<String> r =
                        writer
                            ? Http.send(
                                java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/api/subjects"))
                                    .header("Authorization", "Bearer " + worker)
                                    .header("Content-Type", "application/json")
                                    .POST(
                                        java.net.http.HttpRequest.BodyPublishers.ofString(
                                            "{\"centre\":\"ZHA-01\",\"sex\":\"M\",\"fullName\":\"Concurrent"
                                                + " Writer "
                                                + i
                                                + "\"}"))
                                    .build())
                            : Http.send(
                                java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(base + "/api/subjects/" + id))
                                    .header("Authorization", "Bearer " + worker)
                                    .GET()
                                    .build());
                    if (r.statusCode() == (writer ? 201 : 200)) {
                      ok++;
                    }
                  }
                  return ok;
                }));
      }
      int ok = 0;
      for (Future<Integer> f : done) {
        ok += f.get();
      }
      pool.shutdown();
      assertEquals(threads * perThread, ok);
    }
    assertEquals(
        before + 8 * 25, count("SELECT count(*) FROM access_log WHERE user_id = 'conc-sw'"));
    assertEquals(
        count("SELECT count(*) FROM access_log"),
        count("SELECT max(sequence) + 1 FROM access_log"),
        "no gaps, no duplicates");
    assertTrue(AuditLogs.verify(AuditLogs.export(), null).ok());
  }

  private static long count(String sql) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
