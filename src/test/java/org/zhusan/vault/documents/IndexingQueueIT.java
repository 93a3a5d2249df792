package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.zhusan.vault.cli.VaultProcess;
import org.zhusan.vault.it.Extractions;
import org.zhusan.vault.it.Http;
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.VaultServer;

/**
 * Extraction and indexing after commit, across instances and crashes: an instance without workers
 * queues uploads and is killed (SIGKILL) with them queued; the shared test server's workers take
 * every one of them. A lease left by a dead worker expires and the item is claimed again; an item
 * that failed every attempt is recorded NOT_INDEXED with a fixed reason.
 */
class IndexingQueueIT {
  private static final String LAWYER = DocumentRoundTripIT.LAWYER;

  /**
   * One instance without workers (starting one costs most of this test's time): five uploads queued
   * and left as they are, one left as a dead worker leaves its claim (one attempt, lease just run
   * out), one at its last attempt; then SIGKILL. The shared server's workers take every one.
   */
  @Test
  void killingAnInstanceWithUploadsQueuedLosesNoneAndDeadWorkersClaimsAreRetriedThenGivenUp()
      throws Exception {
    String subject = DocumentRoundTripIT.subject();
    List<String> documents = new ArrayList<>();
    String retried;
    String exhausted;
    VaultProcess queueOnly =
        VaultServer.get().anotherInstance(Map.of("VAULT_INDEXING_WORKERS", "0"), "queue-only");
    try {
      for (int i = 0; i < 5; i++) {
        HttpResponse<String> r =
            new Multipart()
                .field("type", "COURT")
                .field("title", "queued " + i)
                .field("purpose", "LEGAL_PROCEEDING")
                .file(
                    "queued.txt",
                    ("Queued ruling number " + i + " zhetisuqueued")
                        .getBytes(StandardCharsets.UTF_8))
                .postTo(queueOnly.baseUrl(), "/api/subjects/" + subject + "/documents", LAWYER);
        assertEquals(201, r.statusCode(), r.body());
        JsonObject v = Http.json(r).getJsonArray("versions").getJsonObject(0);
        assertEquals("PENDING", v.getString("extractionStatus"), r.body());
        documents.add(Http.json(r).getString("id"));
      }
      retried = upload(queueOnly, subject, "retried");
      exhausted = upload(queueOnly, subject, "exhausted");
      // As a worker that claimed them and died would leave them.
      try (Connection c = VaultServer.get().ownerConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE version_extraction e SET attempts = ?, leased_by = 'dead-worker',"
                      + " leased_until = now() - interval '1 second' FROM document_version v"
                      + " WHERE v.id = e.version_id AND v.document_id = ?")) {
        ps.setInt(1, 1);
        ps.setObject(2, UUID.fromString(retried));
        assertEquals(1, ps.executeUpdate());
        ps.setInt(1, 3);
        ps.setObject(2, UUID.fromString(exhausted));
        assertEquals(1, ps.executeUpdate());
      }
    } finally {
      queueOnly.kill();
    }
    for (String id : documents) {
      Extractions.awaitDone(id);
      JsonObject doc = Http.json(Http.get("/api/documents/" + id, LAWYER));
      JsonObject v = doc.getJsonArray("versions").getJsonObject(0);
      assertEquals("EXTRACTED", v.getString("extractionStatus"), doc.toString());
    }
    JsonObject hits =
        Http.json(
            Http.postJson(
                "/api/search?limit=20",
                LAWYER,
                "{\"q\":\"zhetisuqueued\",\"subject\":\"" + subject + "\"}"));
    assertEquals(5, hits.getInt("total"), hits.toString());

    Extractions.awaitDone(retried);
    Extractions.awaitDone(exhausted);
    assertEquals("EXTRACTED", state(retried)[0]);
    assertEquals("2", state(retried)[2], "claimed a second time");
    String[] failed = state(exhausted);
    assertEquals("NOT_INDEXED", failed[0]);
    assertEquals("extraction failed on every attempt", failed[1]);
    JsonObject v =
        Http.json(Http.get("/api/documents/" + exhausted, LAWYER))
            .getJsonArray("versions")
            .getJsonObject(0);
    assertEquals("extraction failed on every attempt", v.getString("extractionReason"));
  }

  @Test
  void anUploadAnswersBeforeExtractionAndTheVersionShowsItsOutcomeAfterwards() throws Exception {
    String subject = DocumentRoundTripIT.subject();
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", "soon indexed")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("r.txt", "A ruling on custody".getBytes(StandardCharsets.UTF_8))
            .post("/api/subjects/" + subject + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    String id = Http.json(r).getString("id");
    Extractions.awaitDone(id);
    String[] s = state(id);
    assertEquals("EXTRACTED", s[0]);
    assertTrue(s[3] != null, "finished_at is set");
  }

  private static String upload(VaultProcess instance, String subject, String title)
      throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file("q.txt", ("A queued ruling " + title).getBytes(StandardCharsets.UTF_8))
            .postTo(instance.baseUrl(), "/api/subjects/" + subject + "/documents", LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r).getString("id");
  }

  /** state, reason, attempts, finished_at of version 1's queue item. */
  private static String[] state(String documentId) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT e.state, e.reason, e.attempts, e.finished_at FROM version_extraction e"
                    + " JOIN document_version v ON v.id = e.version_id WHERE v.document_id = ?")) {
      ps.setObject(1, UUID.fromString(documentId));
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "queue item of " + documentId);
        return new String[] {
          rs.getString(1), rs.getString(2), String.valueOf(rs.getInt(3)), rs.getString(4)
        };
      }
    }
  }
}
