package org.zhusan.vault.documents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import org.zhusan.vault.it.Multipart;
import org.zhusan.vault.it.Subjects;
import org.zhusan.vault.it.VaultServer;

/**
 * Every encryption under a subject's data key is counted in {@code data_key.encryptions}, durably
 * with what it sealed (the AES-GCM random-nonce limit per key rests on it): counted once per
 * transaction at its commit, the count must still equal the number of seals exactly — none lost,
 * under concurrent uploads to one subject too — and a refused upload's seals are not counted.
 */
class DataKeyEncryptionsIT {
  // Subject.create seals full name, IIN, date of birth, place of origin and notes.
  private static final int SUBJECT_SEALS = 5;

  @Test
  void everySealIsCountedWithItsCommitAndNoOther() throws Exception {
    String subject =
        Subjects.create(
                DocumentRoundTripIT.LAWYER,
                DocumentRoundTripIT.CENTRE,
                "Key Counter",
                Subjects.randomIin())
            .getString("id");
    assertEquals(SUBJECT_SEALS, encryptions(subject), "the subject's fields");

    String doc = upload(subject, "First", "a.txt", "first document\n").getString("id");
    awaitExtracted(subject);
    assertEquals(expected(subject), encryptions(subject), "a document: title, file name, content");

    HttpResponse<String> v2 =
        new Multipart()
            .field("purpose", "LEGAL_PROCEEDING")
            .file("a2.txt", "second version\n".getBytes(StandardCharsets.UTF_8))
            .post("/api/documents/" + doc + "/versions", DocumentRoundTripIT.LAWYER);
    assertEquals(201, v2.statusCode(), v2.body());
    awaitExtracted(subject);
    assertEquals(expected(subject), encryptions(subject), "a version: file name, content");

    // Refused after its title was sealed: rolled back, its seals with it.
    long before = encryptions(subject);
    byte[] elf = new byte[4096];
    byte[] header = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3e, 0};
    System.arraycopy(header, 0, elf, 0, header.length);
    HttpResponse<String> refused =
        new Multipart()
            .field("type", "COURT")
            .field("title", "Refused")
            .field("purpose", "LEGAL_PROCEEDING")
            .file("ruling.pdf", elf)
            .post("/api/subjects/" + subject + "/documents", DocumentRoundTripIT.LAWYER);
    assertEquals(415, refused.statusCode(), refused.body());
    assertEquals(before, encryptions(subject), "a refused upload counts nothing");

    // Concurrent uploads to one subject: none of their counts is lost.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> uploads = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        int n = i;
        uploads.add(
            pool.submit(
                () -> upload(subject, "Concurrent " + n, "c" + n + ".txt", "concurrent " + n)));
      }
      for (Future<?> f : uploads) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    awaitExtracted(subject);
    assertEquals(expected(subject), encryptions(subject), "12 concurrent uploads");
  }

  @Test
  void theLimitCountsTheSealsOfTheSameTransaction() throws Exception {
    String subject =
        Subjects.create(
                DocumentRoundTripIT.LAWYER,
                DocumentRoundTripIT.CENTRE,
                "Key Limit",
                Subjects.randomIin())
            .getString("id");
    // A first upload (3 seals, and maybe 1 for its extracted metadata) on the main instance.
    upload(subject, "Fits", "fits.txt", "text that fits\n");
    awaitExtracted(subject);
    // Two more seals fit: a second upload's third seal does not, although each of its seals alone
    // would fit the count its transaction read.
    long limit = encryptions(subject) + 2;
    try (org.zhusan.vault.cli.VaultProcess limited =
        VaultServer.get()
            .anotherInstance(
                java.util.Map.of("VAULT_KEYS_MAX_ENCRYPTIONS_PER_KEY", Long.toString(limit)),
                "it-key-limit")) {
      HttpResponse<String> refused = uploadTo(limited, subject, "Does not fit");
      assertEquals(503, refused.statusCode(), refused.body());
      assertTrue(refused.body().contains("key-limit"), refused.body());
    }
    assertTrue(encryptions(subject) <= limit, "the limit holds: " + encryptions(subject));
    assertEquals(expected(subject), encryptions(subject), "the refused upload counted nothing");
  }

  private static HttpResponse<String> uploadTo(
      org.zhusan.vault.cli.VaultProcess vault, String subject, String title) throws Exception {
    HttpRequest req =
        new Multipart()
            .field("type", "COURT")
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file("limit.txt", ("text of " + title + "\n").getBytes(StandardCharsets.UTF_8))
            .request(
                vault.baseUrl(),
                "/api/subjects/" + subject + "/documents",
                DocumentRoundTripIT.LAWYER);
    return java.net.http.HttpClient.newHttpClient().send(req, HttpResponse.BodyHandlers.ofString());
  }

  private static jakarta.json.JsonObject upload(
      String subject, String title, String fileName, String text) throws Exception {
    HttpResponse<String> r =
        new Multipart()
            .field("type", "COURT")
            .field("title", title)
            .field("purpose", "LEGAL_PROCEEDING")
            .file(fileName, text.getBytes(StandardCharsets.UTF_8))
            .post("/api/subjects/" + subject + "/documents", DocumentRoundTripIT.LAWYER);
    assertEquals(201, r.statusCode(), r.body());
    return Http.json(r);
  }

  /** The seals the subject's stored rows account for. */
  private static long expected(String subject) throws Exception {
    return SUBJECT_SEALS
        + query(
            "SELECT count(DISTINCT d.id) + 2 * count(v.id) + count(e.metadata_ct)"
                + " FROM document d JOIN document_version v ON v.document_id = d.id"
                + " LEFT JOIN version_extraction e ON e.version_id = v.id"
                + " WHERE d.subject_id = ?::uuid",
            subject);
  }

  private static long encryptions(String subject) throws Exception {
    return query("SELECT encryptions FROM data_key WHERE owner_id = ?::uuid", subject);
  }

  private static void awaitExtracted(String subject) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (query(
            "SELECT count(*) FROM version_extraction e JOIN document_version v ON v.id ="
                + " e.version_id JOIN document d ON d.id = v.document_id WHERE d.subject_id ="
                + " ?::uuid AND e.state = 'PENDING'",
            subject)
        > 0) {
      assertTrue(System.currentTimeMillis() < deadline, "extraction did not finish");
      Thread.sleep(200);
    }
  }

  private static long query(String sql, String subject) throws Exception {
    try (Connection c = VaultServer.get().ownerConnection();
        PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, subject);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
