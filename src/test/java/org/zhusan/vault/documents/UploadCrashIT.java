package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.VaultServer;

/**
 * kill -9 of a vault in the middle of a large upload leaves no half-visible document and no
 * orphaned content: the content rows, the version and the access-log entry share one transaction,
 * which PostgreSQL rolls back when the connection dies.
 */
class UploadCrashIT {
  @Test
  void killedMidUploadLeavesNoHalfDocumentAndNoOrphanedContent() throws Exception {
    String subject = DocumentRoundTripIT.subject();
    long docsBefore = count("SELECT count(*) FROM document");
    long versionsBefore = count("SELECT count(*) FROM document_version");
    long chunksBefore = count("SELECT count(*) FROM content_chunk");

    // a larger upload limit, so the upload is still streaming into content rows (after the 16 MiB
    // detection window) when the server is killed
    VaultProcess victim =
        VaultServer.get()
            .anotherInstance(Map.of("VAULT_DOCUMENTS_MAX_UPLOAD_BYTES", "268435456"), "it-crash");
    try {
      killMidUpload(victim, subject);
    } finally {
      victim.close(); // a no-op once killed; stops it if an assertion failed first
    }
    assertEquals(docsBefore, count("SELECT count(*) FROM document"), "no half-visible document");
    assertEquals(versionsBefore, count("SELECT count(*) FROM document_version"), "no version");
    assertEquals(chunksBefore, count("SELECT count(*) FROM content_chunk"), "no orphaned content");

    // a restarted instance on the same database works normally
    try (VaultProcess restarted = VaultServer.get().anotherInstance(Map.of(), "it-crash-restart")) {
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              restarted.baseUrl() + "/api/subjects/" + subject + "/documents"))
                      .header("Authorization", "Bearer " + DocumentRoundTripIT.LAWYER)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(200, r.statusCode(), r.body());
      assertTrue(!r.body().contains("Half upload"));
    }
    assertEquals(
        200,
        Http.get("/api/subjects/" + subject + "/documents", DocumentRoundTripIT.LAWYER)
            .statusCode());
  }

  private void killMidUpload(VaultProcess victim, String subject) throws Exception {
    long fileBytes = 200L * 1024 * 1024;
    InputStream slowFile =
        new InputStream() {
          long sent;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (sent >= fileBytes) {
              return -1; // never reached: the server is killed first
            }
            try {
              Thread.sleep(20); // ~3 MB/s: several content rows are written before the kill
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            int n = (int) Math.min(Math.min(len, 64 * 1024), fileBytes - sent);
            java.util.Arrays.fill(b, off, off + n, (byte) 'x');
            sent += n;
            return n;
          }
        };
    HttpRequest req =
        new org.zhusan.vault.it.Multipart()
            .field("type", "COURT")
            .field("title", "Half upload")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("big.txt".getBytes(StandardCharsets.UTF_8), () -> slowFile)
            .request(
                victim.baseUrl(),
                "/api/subjects/" + subject + "/documents",
                DocumentRoundTripIT.LAWYER);
    CompletableFuture<HttpResponse<String>> upload =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .sendAsync(req, HttpResponse.BodyHandlers.ofString());

    long deadline = System.currentTimeMillis() + 60_000;
    while (uncommittedChunkWriters() == 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    Thread.sleep(1500);
    assertTrue(
        uncommittedChunkWriters() > 0,
        () ->
            "the upload was writing content when the server was killed; upload done="
                + upload.isDone()
                + (upload.isDone()
                    ? " "
                        + upload
                            .handle(
                                (r, e) ->
                                    e != null ? e.toString() : r.statusCode() + " " + r.body())
                            .join()
                    : ""));
    victim.kill();
    assertTrue(
        upload.handle((r, e) -> e != null || r.statusCode() >= 500).get(),
        "the client saw the upload fail");

    // PostgreSQL notices the dead connection and rolls its transaction back.
    deadline = System.currentTimeMillis() + 30_000;
    while (uncommittedChunkWriters() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
  }

  /** Backends (of the application role) with an open transaction that has written content rows. */
  private static long uncommittedChunkWriters() throws Exception {
    return countAsAdmin(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND usename = '"
            + VaultServer.APP
            + "' AND xact_start IS NOT NULL AND query LIKE '%content_chunk%'");
  }

  private static long countAsAdmin(String sql) throws Exception {
    try (Connection c = VaultServer.get().adminConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
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
